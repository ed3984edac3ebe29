/**
 * Bench section: speed at real latency and at start-up. The default seeded and observational
 * `verify` against `serve --latency 40` (a real region's round trip) at `--concurrency 1` and at the
 * default, the default in-process `verify` at 1 and at 4 (its default is the faster), and the time
 * `serve` takes to be ready and `verify --help` to answer, as ratios to `node -e 0` measured in the
 * same run. Every figure is a whole process, as a user runs it.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY } from '../app/verify.js';
import type { BenchFigure, BenchSection } from './section.js';

const BIN = fileURLToPath(new URL('../bin/athena-contract.js', import.meta.url));
const SESSIONS = fileURLToPath(new URL('../../test/fixtures/independent-emulator/observed-sessions.json', import.meta.url));
const SEED = 20261125;

/** Milliseconds `args` takes as a whole process (its exit code aside: a run that finds failures still ran). */
function timed(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const start = performance.now();
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, () => resolve(performance.now() - start));
  });
}

function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function medianOf(n: number, fn: () => Promise<number>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await fn());
  return median(xs);
}

/** `serve` with `args` until it says where it listens: the milliseconds that took, its URL, and the way to stop it. */
function serve(args: readonly string[]): Promise<{ readyMs: number; url: string; stop(): void }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url) resolve({ readyMs: performance.now() - start, url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code} before it listened`)));
  });
}

/** Seeded and observational wall times at concurrency 1 and at the default, against `serve --latency 40`. */
async function atLatency(): Promise<BenchFigure[]> {
  const server = await serve(['--latency', '40', '--seed-file', SESSIONS]);
  const ids = Object.keys((JSON.parse(readFileSync(SESSIONS, 'utf8')) as { sessions: Record<string, unknown> }).sessions).flatMap((id) => ['--session-id', id]);
  const figures: BenchFigure[] = [];
  const n = DEFAULT_CONCURRENCY.endpoint;
  try {
    for (const [mode, modeArgs, aim] of [['seeded', ['--seeded'], 30], ['observational', ids, 60]] as const) {
      const verify = (c: number) => timed(process.execPath, [BIN, 'verify', '--endpoint', server.url, ...modeArgs, '--seed', String(SEED), '--no-progress', '--concurrency', String(c)]);
      const one = await verify(1);
      const many = await verify(n);
      figures.push({ name: `default ${mode} verify at 40 ms, --concurrency 1`, value: one / 1000, unit: 's' });
      figures.push({ name: `default ${mode} verify at 40 ms, default --concurrency ${n}`, value: many / 1000, unit: 's', note: `aim ≤ ${aim} s` });
      figures.push({ name: `${mode} at 40 ms: default / concurrency 1`, value: many / one, unit: '×', note: 'aim ≤ 0.2' });
    }
  } finally {
    server.stop();
  }
  return figures;
}

/** The default in-process verify at concurrency 1 and 4, and start-up against `node -e 0`. */
async function inProcessAndStartUp(): Promise<BenchFigure[]> {
  const verify = (c: number) => timed(process.execPath, [BIN, 'verify', '--seed', String(SEED), '--no-progress', '--concurrency', String(c)]);
  const one = await medianOf(3, () => verify(1));
  const four = await medianOf(3, () => verify(4));
  const bare = await medianOf(5, () => timed(process.execPath, ['-e', '0']));
  const help = await medianOf(5, () => timed(process.execPath, [BIN, 'verify', '--help']));
  const ready = await medianOf(5, async () => {
    const s = await serve([]);
    s.stop();
    return s.readyMs;
  });
  return [
    { name: 'default in-process verify, --concurrency 1 (the default)', value: one / 1000, unit: 's', note: 'median of 3' },
    { name: 'default in-process verify, --concurrency 4', value: four / 1000, unit: 's', note: `${(four / one).toFixed(2)}× of concurrency 1; median of 3` },
    { name: '`node -e 0`', value: bare, unit: 'ms', note: 'median of 5' },
    { name: '`verify --help` / `node -e 0`', value: help / bare, unit: '×', note: `${Math.round(help)} ms, median of 5` },
    { name: '`serve` ready / `node -e 0`', value: ready / bare, unit: '×', note: `${Math.round(ready)} ms to its listening line, median of 5` },
  ];
}

/** The section. */
export const concurrencyBench: BenchSection = {
  title: `Concurrency and start-up (seed ${SEED}, 100 runs per property; whole processes)`,
  async run() {
    return [...(await inProcessAndStartUp()), ...(await atLatency())];
  },
};
