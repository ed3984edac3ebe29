/**
 * `verify --live` in a child process against an emulator, interrupted by a real signal once a
 * condition holds: the cleanup tests of live runs (sessions and calculations left running) share it.
 */
import { spawn } from 'node:child_process';
import { BIN } from './cli.js';

/** How the interrupted child ended. */
export interface Interrupted {
  code: number | null;
  stderr: string;
}

/**
 * Runs `verify --live` with `args` against `url` (through AWS_ENDPOINT_URL_ATHENA, with `env`), sends
 * `signal` once `ready(stderr)` holds (checked every 10 ms), and resolves with how the child ended.
 */
export function interruptLive(run: { url: string; env: Record<string, string>; args: readonly string[] }, signal: NodeJS.Signals, ready: (stderr: string) => boolean): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'verify', '--live', '--no-progress', ...run.args], {
      env: { ...process.env, ...run.env, AWS_ENDPOINT_URL_ATHENA: run.url, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setInterval(() => {
      if (ready(stderr)) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 10);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stderr });
    });
  });
}
