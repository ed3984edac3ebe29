/**
 * `npm run build` (and `prepare`, so that installing from git or a local path builds): dist/ from
 * nothing, twice from the same sources. tsconfig.build.json compiles the ESM build into dist/,
 * tsconfig.cjs.json the CommonJS build of the three entry points into dist/cjs/; a package.json there
 * marks its .js and .d.ts files as CommonJS for Node and TypeScript alike. The CommonJS build takes
 * `x.cjs.ts` in place of `x.ts` where the two differ (import.meta), so its `x.cjs.js` becomes `x.js`.
 * The digest of the sources goes last into dist/sources.sha256 (src/bin/source-digest.js).
 */
import { execFile } from 'node:child_process';
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIGEST_FILE, sourceDigest } from '../src/bin/source-digest.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const cjs = join(root, 'dist', 'cjs');

/** Runs tsc on one project, its diagnostics passed through; rejects when it fails. */
function compile(project) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [tsc, '-p', project], { cwd: root }, (error, stdout, stderr) => {
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      if (error) reject(new Error(`tsc -p ${project} failed`));
      else resolve();
    });
  });
}

// Taken before compiling: a source changed during the build then shows as a stale dist/.
const digest = sourceDigest();
rmSync(join(root, 'dist'), { recursive: true, force: true });
// The two compilations share nothing but the sources: side by side they take the time of one.
await Promise.all([compile('tsconfig.build.json'), compile('tsconfig.cjs.json')]);
for (const entry of readdirSync(cjs, { recursive: true, withFileTypes: true })) {
  const twin = /^(.*)\.cjs(\.js|\.d\.ts)$/.exec(entry.name);
  if (entry.isFile() && twin) renameSync(join(entry.parentPath, entry.name), join(entry.parentPath, twin[1] + twin[2]));
}
writeFileSync(join(cjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
// Last, so that dist/ counts as built from these sources only once it is whole (the bin in a checkout
// runs dist/ only then).
writeFileSync(join(root, DIGEST_FILE), `${digest}\n`);
