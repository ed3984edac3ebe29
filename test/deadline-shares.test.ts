/**
 * Issue 11, item 4, through the real bin: `verify --runs 100000 --deadline 3` shares the deadline out
 * so that every property gets time (before, the first property used all of it and the nine others
 * passed on one run or none, exit 0). Every property gets an equal share of the time left when it
 * starts and runs within it or, on a machine too loaded to finish one run, is inconclusive; the exit
 * code is 0 only when all passed with runs, else 2.
 *
 * What a property does within its share depends on the machine (at load 10, response.conforms spent
 * its 0.3 s on its one boundary case, and most properties ran fewer than ten runs), so the shares
 * are read from the report itself: each property's, stated in its warning, against the time the run
 * had left, which the properties' durations bound on both sides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { PropertyReport, Report } from '../src/common/results.js';
import { startEmulator } from '../src/emulator/index.js';
import { runCli } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const dir = sharedTempDir('athena-contract-deadline-');

/** The most a run of the bin may take here: its start and its deadline, on a loaded machine. Reached only by a run that hangs. */
const RUN_BOUND_MS = 120_000;
const TEST_TIMEOUT_MS = RUN_BOUND_MS + 30_000;

/** The share of the deadline a property's warning states, in seconds (one decimal). */
function statedShare(p: PropertyReport): number {
  const share = /\(its share of the time: (\d+\.\d) s\)/.exec(p.warnings.map((w) => w.message).join(' '))?.[1];
  return share === undefined ? Number.NaN : Number(share);
}

/**
 * The shares of `deadlineMs` that the properties of `report` (run in turn) were due, in milliseconds:
 * each the time left when it started, over the properties left. Its start is known to lie between
 * the durations of the properties before it (it started no sooner than they took) and the run's
 * duration less those of it and the ones after (no later than that), so each share lies between
 * the two ends returned.
 */
function dueShares(report: Report, deadlineMs: number): { least: number; most: number }[] {
  const durations = report.properties.map((p) => p.durationMs);
  const sum = (ds: number[]) => ds.reduce((a, b) => a + b, 0);
  // Each duration is rounded to a millisecond.
  const rounding = durations.length;
  return durations.map((_, i) => {
    const left = durations.length - i;
    const earliest = sum(durations.slice(0, i)) - rounding;
    const latest = report.durationMs - sum(durations.slice(i)) + rounding;
    return { least: Math.max(0, deadlineMs - latest) / left, most: Math.max(0, deadlineMs - earliest) / left };
  });
}

it('verify --runs 100000 --deadline 3 gives every property a share, and never exits 0 with a property at 0 runs', { timeout: TEST_TIMEOUT_MS }, async () => {
  const json = join(dir, 'report.json');
  const r = await runCli(['verify', '--runs', '100000', '--deadline', '3', '--json', json, '--no-progress'], { timeoutMs: RUN_BOUND_MS });
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  expect(report.properties).toHaveLength(10);
  const due = dueShares(report, 3000);
  for (const [i, p] of report.properties.entries()) {
    if (p.status === 'inconclusive') expect(p.reason, p.id).toMatch(/no run finished within its share/);
    else {
      expect(p.status, p.id).toBe('passed');
      // Its boundary cases, run first, are runs too.
      expect(p.runs + (p.boundary ?? 0), p.id).toBeGreaterThan(0);
    }
    expect(p.warnings.map((w) => w.message).join(' '), p.id).toMatch(/interrupted by the run's deadline after \d+ of 100000 runs \(its share of the time: \d+\.\d s\)/);
    // Its share, an equal part of the time left (the first, a tenth of it all): stated to 0.1 s.
    const share = statedShare(p) * 1000;
    expect(share, `${p.id}: share ${share} ms, due ${Math.round(due[i].least)}..${Math.round(due[i].most)} ms`).toBeGreaterThanOrEqual(due[i].least - 50);
    expect(share, `${p.id}: share ${share} ms, due ${Math.round(due[i].least)}..${Math.round(due[i].most)} ms`).toBeLessThanOrEqual(due[i].most + 50);
  }
  const allRan = report.properties.every((p) => p.status === 'passed' && p.runs + (p.boundary ?? 0) > 0);
  expect(r.code, r.stderr).toBe(allRan ? 0 : 2);
});

// Drawn all first, 100,000 scenarios took 5 s (and 600 MB) before one request: 0 runs, inconclusive,
// exit 2. That is caught here by memory, whatever the load: drawing them all needs 557 MB of heap,
// past the 256 MB the run is given (drawn as they run, it needs 138 MB of memory in all). Within its
// share the run must check scenarios and pass; whether any random run follows its boundary cases in
// time depends on the machine (at load 20 the boundary cases alone outlasted an 8 s share).
it('with runs in flight side by side (an endpoint, --concurrency 2), --runs 100000 --deadline 8 runs within its share: scenarios are drawn as they run, not all first', { timeout: TEST_TIMEOUT_MS }, async () => {
  const emulator = await startEmulator();
  try {
    const json = join(dir, 'pooled.json');
    const r = await runCli(['verify', '--endpoint', emulator.url, '--seeded', '--runs', '100000', '--deadline', '8', '--concurrency', '2', '--only', 'response.conforms', '--json', json, '--no-progress'], {
      timeoutMs: RUN_BOUND_MS,
      env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=256`.trim() },
    });
    expect(r.stderr).not.toMatch(/heap out of memory/);
    const [p] = (JSON.parse(readFileSync(json, 'utf8')) as Report).properties;
    expect([r.code, p.status], r.stderr).toEqual([0, 'passed']);
    expect(p.runs + (p.boundary ?? 0), 'checks within the share').toBeGreaterThan(0);
  } finally {
    await emulator.close();
  }
});
