/**
 * Report paths checked before a run starts: a path that cannot be written fails in one line naming
 * it and why, before any call reaches the target, rather than after the whole run. The check leaves
 * no trace: an existing file is opened for append (never truncated), a missing one is not created,
 * and neither are missing directories (the nearest existing one must let them be created).
 */
import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../common/errors.js';

type Stats = Awaited<ReturnType<typeof stat>>;

/** The path's stats, or undefined where nothing is (or a file stands where a directory should). */
async function statOf(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/** The error code of `action`, or undefined when it succeeds. */
async function failureOf(action: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await action();
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}

/** Why `file` cannot be written, or undefined when it can. */
export async function unwritableReason(file: string): Promise<string | undefined> {
  if (file.trim() === '') return 'the path is empty';
  const info = await statOf(file);
  if (info?.isDirectory()) return 'it is a directory';
  if (info) {
    const code = await failureOf(async () => (await open(file, 'a')).close());
    return code && `it cannot be opened for writing (${code})`;
  }
  // The directories `writeReport` would create: the nearest one that exists must take them.
  let dir = dirname(resolve(file));
  let found = await statOf(dir);
  while (!found && dirname(dir) !== dir) {
    dir = dirname(dir);
    found = await statOf(dir);
  }
  if (!found?.isDirectory()) return `${dir} is a file, not a directory`;
  const code = await failureOf(() => access(dir, constants.W_OK | constants.X_OK));
  return code && `nothing can be created in ${dir} (${code})`;
}

/**
 * Throws a UsageError for the first of `paths` (flag name to path) that cannot be written:
 * `--json: cannot write out/a.json: out is a file, not a directory; give a writable path`.
 */
export async function checkReportPaths(paths: Record<string, string | undefined>): Promise<void> {
  for (const [flag, file] of Object.entries(paths)) {
    if (file === undefined) continue;
    const reason = await unwritableReason(file);
    if (reason) throw new UsageError(`${flag}: cannot write ${file}: ${reason}; give a path where a file can be written`);
  }
}
