// What dist/ is built from, as one SHA-256: every .ts file under src/ and the tsconfig files. The
// build writes it to dist/sources.sha256; the bin in a checkout runs dist/ only while the sources still
// give the same digest (it starts in half the time tsx takes), and the sources through tsx otherwise.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the build writes the digest of the sources it compiled, relative to the package root. */
export const DIGEST_FILE = join('dist', 'sources.sha256');

/** The digest of the sources as they are now (file names and contents, in a fixed order). */
export function sourceDigest() {
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  const hash = createHash('sha256');
  for (const file of [...sources, 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.cjs.json'].sort()) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/ was built from the sources as they are now (false when either is missing). */
export function builtFromSources() {
  try {
    return readFileSync(join(root, DIGEST_FILE), 'utf8').trim() === sourceDigest();
  } catch {
    return false;
  }
}
