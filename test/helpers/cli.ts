/**
 * Runs the `athena-contract` bin as users and outside tools do: by its path, in a child process.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
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

/**
 * Starts the bin's `serve` with `args` in a child process (added to `running`, which the caller kills
 * when done) and resolves to its URL once it prints its listening line; rejects if it exits first.
 */
export function startServe(args: readonly string[], running: ChildProcess[]): Promise<string> {
  const server = spawn(BIN, ['serve', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(server);
  return new Promise((resolve, reject) => {
    let text = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      if (url) resolve(url);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code} before listening`)));
  });
}
