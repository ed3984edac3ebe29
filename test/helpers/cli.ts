/**
 * Runs the `athena-contract` bin as users and outside tools do: by its path, in a child process.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of the file package.json's `bin` names. */
export const BIN = fileURLToPath(new URL('../../src/bin/athena-contract.js', import.meta.url));

/** What a run of the bin produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin with `args` (at most `timeoutMs`) and resolves with its exit code and output. */
export function runCli(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(BIN, args, { env: { ...process.env, NO_COLOR: '1', ...options.env }, timeout: options.timeoutMs ?? 60_000 }, (error, stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
