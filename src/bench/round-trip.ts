/**
 * Bench section: runs against `serve --latency 40` (a real region's round trip) as ratios to their
 * physical limit. A run cannot end before its longest chain of calls one after another (a walk at
 * MaxResults 1 of n items is n calls, each waiting for the last one's token) has been answered, nor
 * before all its calls have, `--concurrency` at a time: the limit is the larger of the two, at 40 ms a
 * call. Measured: the default seeded run; observational over three sessions of 7, 230 and 0 executors;
 * over one session of 5,000. Every figure is a whole process, as a user runs it, with its JSON report
 * read for the calls it made.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY } from '../app/verify.js';
import type { Report } from '../common/results.js';
import { LIST_EXECUTORS } from '../profiles/index.js';
import { benchItem } from './items.js';
import type { BenchFigure, BenchSection } from './section.js';

const BIN = fileURLToPath(new URL('../bin/athena-contract.js', import.meta.url));
const SEED = 20261125;
const LATENCY_MS = 40;

/** A session of `n` executors a second apart, states in turn. */
function executors(prefix: string, n: number): Record<string, unknown>[] {
  const states = ['CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED', 'CREATING'];
  return Array.from({ length: n }, (_, i) =>
    benchItem(LIST_EXECUTORS, { id: `${prefix}-${String(i).padStart(4, '0')}`, orderKey: 1_764_000_000_000 + i * 1000, state: states[i % states.length], rest: { ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER', ExecutorSize: 1 } }),
  );
}

/** The sessions the observational runs read, by id: three of 7, 230 and 0 executors, and one of 5,000. */
const SESSIONS = { 'bench-7': 7, 'bench-230': 230, 'bench-0': 0, 'bench-5000': 5000 } as const;

/** `serve` with `args` until it says where it listens: its URL and the way to stop it. */
function serve(args: readonly string[]): Promise<{ url: string; stop(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code} before it listened`)));
  });
}

/** One `verify` as a whole process: its wall time and its JSON report (none when it was stopped at `timeoutMs` before writing one). */
function verify(args: readonly string[], json: string, timeoutMs = 0): Promise<{ ms: number; report?: Report }> {
  return new Promise((resolve) => {
    const start = performance.now();
    rmSync(json, { force: true });
    execFile(process.execPath, [BIN, 'verify', ...args, '--seed', String(SEED), '--no-progress', '--json', json], { maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGTERM' }, () => {
      const ms = performance.now() - start;
      resolve({ ms, ...(existsSync(json) ? { report: JSON.parse(readFileSync(json, 'utf8')) as Report } : {}) });
    });
  });
}

/**
 * The physical limit of a run, in milliseconds: its calls (every exchange: seeding, walks) `concurrency`
 * at a time, or its longest walk (a chain of calls, plus the seeding before it), whichever is longer.
 */
export function physicalLimitMs(report: Pick<Report, 'properties' | 'mode'>, concurrency: number, latencyMs = LATENCY_MS): { limitMs: number; calls: number; chain: number } {
  const calls = report.properties.reduce((n, p) => n + (p.latency?.calls ?? 0), 0);
  const longest = Math.max(0, ...report.properties.map((p) => p.coverage?.walks.longest ?? 0));
  const chain = longest + (report.mode === 'seeded' ? 1 : 0);
  return { limitMs: Math.max(chain, calls / concurrency) * latencyMs, calls, chain };
}

/** A run's figures: its wall time against its aim, and as a ratio to its limit. */
function figuresOf(name: string, run: { ms: number; report?: Report }, concurrency: number, aimS: number): BenchFigure[] {
  if (!run.report) return [{ name, value: run.ms / 1000, unit: 's', note: `aim ≤ ${aimS} s; stopped before it wrote a report` }];
  const { limitMs, calls, chain } = physicalLimitMs(run.report, concurrency);
  const { passed, failed, inconclusive } = run.report.summary;
  const time: BenchFigure = { name, value: run.ms / 1000, unit: 's', note: `aim ≤ ${aimS} s; ${calls.toLocaleString('en-US')} calls, longest chain ${chain}; ${passed} passed, ${failed} failed, ${inconclusive} inconclusive` };
  // A run stopped before any property finished reports no calls to set a limit by.
  if (limitMs === 0) return [time];
  return [time, { name: `${name}: / its limit`, value: run.ms / limitMs, unit: '×', note: `limit ${(limitMs / 1000).toFixed(1)} s = max(longest chain, calls / ${concurrency}) × ${LATENCY_MS} ms` }];
}

/** The section. */
export const roundTripBench: BenchSection = {
  title: `Round-trip limit (seed ${SEED}, 100 runs per property, serve --latency ${LATENCY_MS}, default --concurrency; whole processes)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-round-trip-'));
    const seedFile = join(dir, 'sessions.json');
    writeFileSync(seedFile, JSON.stringify({ sessions: Object.fromEntries(Object.entries(SESSIONS).map(([id, n]) => [id, executors(id, n)])) }));
    const server = await serve(['--latency', String(LATENCY_MS), '--seed-file', seedFile]);
    const n = DEFAULT_CONCURRENCY.endpoint;
    const json = join(dir, 'report.json');
    const ids = (...sessions: string[]) => sessions.flatMap((id) => ['--session-id', id]);
    try {
      const seeded = await verify(['--endpoint', server.url, '--seeded'], json);
      const three = await verify(['--endpoint', server.url, ...ids('bench-7', 'bench-230', 'bench-0')], json);
      // Its cost is bounded (sampled walks, the sweep's n + 100 calls); a run that ever outlasts twice its aim is stopped there, and says so.
      const big = await verify(['--endpoint', server.url, ...ids('bench-5000')], json, 120_000);
      const budgeted = await verify(['--endpoint', server.url, ...ids('bench-5000'), '--max-calls', '1500'], json);
      return [
        ...figuresOf('default seeded verify at 40 ms', seeded, n, 30),
        ...figuresOf('observational, sessions of 7, 230 and 0 executors, at 40 ms', three, n, 20),
        ...figuresOf(`observational, one session of 5,000 executors, at 40 ms${big.report?.interrupted || !big.report ? ' (stopped at 120 s)' : ''}`, big, n, 60),
        ...figuresOf('the same with --max-calls 1500 (the live default)', budgeted, n, 60),
      ];
    } finally {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
