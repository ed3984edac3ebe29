/**
 * Temporary directories for tests, removed with all they hold once they have served: a report, a
 * recording or a scratch project left under the system's temp dir by every run adds up. Issue 21,
 * item 6: one helper where some twenty-five test files made and removed their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** Removes `dir` and all it holds; a few retries for a child process that is still letting go of a file. */
function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * A fresh directory under the system's temp dir, its name `prefix` and random characters, removed
 * once the test that asked for it has finished, passed or failed. Call it inside a test (not a
 * `describe.concurrent` one: vitest cannot tell which of the concurrent tests is calling).
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => remove(dir));
  return dir;
}

/**
 * A fresh directory like {@link tempDir}, shared by the tests of a file or a `describe` block: call it
 * where they are collected (at the top of the file or in the `describe` body); it is removed after
 * the last of them (an `afterAll`), and, asked for first, after the clean-up that the file's own
 * `afterAll`s do (vitest runs them last-registered first).
 */
export function sharedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => remove(dir));
  return dir;
}
