/**
 * The README's shell blocks that start `serve`, run as scripts the way a user's project runs them: in
 * a fresh directory whose node_modules/.bin/athena-contract links to this checkout's bin (what
 * `npm install` makes), with the examples beside it. Lines that install packages are dropped (the
 * packed-package test installs), and the README's port 4566 becomes a free one, so that the test
 * cannot collide with a local LocalStack. Afterwards: which processes still serve on that port, and
 * whether the port is free (those processes are then killed, so that a failing block leaks nothing).
 * A server the block stopped is given as long as it takes to go, up to the event bound.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './http-server.js';
import { until } from './wait.js';
import { tempDir } from './temp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every ```sh block of `markdown` with a command line that starts `athena-contract serve` (comments aside). */
export function serveBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /^[^#\n]*athena-contract(\.js)? serve\b/m.test(b));
}

/** Whether `port` can be listened on now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Command lines of the running processes that mention `--port <port>`. */
function processesOnPort(port: number): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    if (cmdline.includes(`--port ${port} `)) found.push(`${pid}: ${cmdline}`);
  }
  return found;
}

/** A directory laid out as a project that installed the package, removed after the test (its links only: rm does not follow them). */
function userProject(): string {
  const dir = tempDir('readme-block-');
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(root, 'src', 'bin', 'athena-contract.js'), join(dir, 'node_modules', '.bin', 'athena-contract'));
  symlinkSync(root, join(dir, 'node_modules', 'athena-executors-contract'));
  symlinkSync(join(root, 'examples'), join(dir, 'examples'));
  return dir;
}

/**
 * The most a block may run before it is killed: one runs a whole default `verify --seeded`, which at
 * load 20 ran past the 90 s allowed before. Reached only by a block that hangs.
 */
export const BLOCK_BOUND_MS = 300_000;

/** What running a block produced, and what it left behind. */
export interface BlockRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Processes still started with the block's port. */
  leftovers: string[];
  portFree: boolean;
}

/** Runs `block` with bash in a fresh user project, the port replaced by a free one. */
export async function runServeBlock(block: string): Promise<BlockRun> {
  const port = await freePort();
  const script = block.split('\n').filter((l) => !/^npm install\b/.test(l)).join('\n').replaceAll('4566', String(port));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.GITHUB_STEP_SUMMARY;
  const run = await new Promise<Omit<BlockRun, 'leftovers' | 'portFree'>>((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd: userProject(), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_BOUND_MS);
    // On exit, not on close: a server the script left behind would hold the pipes open for ever.
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
  // The server's own SIGTERM handling closes its socket and ends it: wait for that, however long a
  // loaded machine takes, and no longer (a fixed 300 ms was a quiet machine's moment).
  await until(async () => processesOnPort(port).length === 0 && (await portIsFree(port)), 'the block\'s server gone').catch(() => undefined);
  const leftovers = processesOnPort(port);
  const portFree = await portIsFree(port);
  // Reported, then stopped: a failing block must not leave servers for the rest of the suite.
  for (const line of leftovers) process.kill(Number(line.split(':')[0]), 'SIGKILL');
  return { ...run, leftovers, portFree };
}
