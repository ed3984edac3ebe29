/**
 * Issue 11, items 3 and 4: a property whose runs could reach no verdict is `inconclusive` with its
 * reason, never `passed`: a check that threw InconclusiveError (the target throttled past the retry
 * budget) stops the property there, without shrinking and without ending the run; a property with no
 * run finished within its share of the deadline is inconclusive too. A run fast-check abandoned at
 * the end of the share still counts when it finishes, its failure kept. Exit codes: 0 only when every
 * property passed with a run or was skipped by its mode, 1 when one failed, 2 otherwise; merged
 * shards keep the verdict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InconclusiveError } from '../src/common/errors.js';
import type { PropertyReport, Report } from '../src/common/results.js';
import { emptyStats } from '../src/contract/catalogue/context.js';
import { mergeReports } from '../src/contract/report/shard-merge.js';
import { runProperty } from '../src/contract/engine/property-run.js';
import type { RunSettings } from '../src/contract/engine/settings.js';
import { defineProperty, type ContractProperty } from '../src/contract/catalogue/property.js';
import { propertyReport } from '../src/contract/report/property-report.js';
import { exitCodeOf, summarize } from '../src/contract/report/summary.js';
import { runContract } from '../src/contract/run-contract.js';
import { ContractViolation } from '../src/contract/catalogue/violation.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';

const THROTTLED = 'ListExecutors throttled past the retry budget (5 attempts over 3.1 s)';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The share of the tests whose run outlives it: long enough for that run to start within it on a
 * loaded machine (fast-check starts no run once the share is over, and a stall at load 10 can last
 * far longer than the 30 ms these tests gave before), and outlived by waiting for its end, not by a
 * sleep that a quiet machine's share is shorter than.
 */
const SHARE_MS = 2000;

/** Resolves once `performance.now()` has passed `at`: whenever a run started, it ends after the share. */
async function pastShare(at: number): Promise<void> {
  while (performance.now() <= at) await sleep(Math.max(1, Math.ceil(at - performance.now())) + 1);
}

/** A property over integers whose check is `check`, counting its calls in `calls`. */
function probe(check: (n: number, call: number) => Promise<void>): { property: ContractProperty; calls: () => number } {
  let calls = 0;
  const property = defineProperty({ id: 'probe.law', law: 'a law', modes: ['seeded'], vacuity: () => [], scenario: () => fc.integer({ min: 0, max: 1000 }), check: (n: number) => check(n, ++calls) });
  return { property, calls: () => calls };
}

/** The settings of one property's run against the built-in emulator, the run's deadline `deadlineMs` away. */
function settings(runs: number, deadlineMs = 60_000): RunSettings & { target: ReturnType<typeof emulatorTarget> } {
  return { target: emulatorTarget({ region: 'us-east-1' }), mode: 'seeded', sessions: [], runs, seed: 7, bounds: { maxPages: 100, maxWalkMs: 1000 }, deadline: performance.now() + deadlineMs, shrinkBudgetMs: 30_000, listener: {} };
}

async function verdict(property: ContractProperty, s: RunSettings, until?: number): Promise<PropertyReport> {
  try {
    return propertyReport(property, await runProperty(property, s, until), { ...s, replayCommand: ({ path }) => `replay --path ${path}` });
  } finally {
    await s.target.close();
  }
}

describe('a check that could reach no verdict', () => {
  it('stops its property at once, without shrinking: inconclusive with the error’s message as reason, the runs before it counted', async () => {
    const { property, calls } = probe(async (_n, call) => {
      if (call === 3) throw new InconclusiveError(THROTTLED);
    });
    const p = await verdict(property, settings(50));
    expect({ status: p.status, reason: p.reason, runs: p.runs, counterexample: p.counterexample }).toEqual({ status: 'inconclusive', reason: THROTTLED, runs: 2, counterexample: null });
    expect(calls()).toBe(3);
  });

  it('met while shrinking a failure, stops the shrinking there: the failure stands, with the smallest counterexample found by then', async () => {
    const { property, calls } = probe(async (n, call) => {
      if (call > 2) throw new InconclusiveError(THROTTLED);
      if (n > 10) throw new ContractViolation(`${n} is more than 10`);
    });
    const p = await verdict(property, settings(50));
    expect(p.status).toBe('failed');
    expect(p.warnings).toEqual([{ kind: 'shrink-budget', message: `shrinking stopped (${THROTTLED}): the counterexample is the smallest found by then` }]);
    expect(calls()).toBeLessThanOrEqual(3);
  });

  it('does not end the run: every other property still runs, and the run exits 2', async () => {
    const inner = emulatorTarget({ region: 'us-east-1' });
    // Seeding that the target throttles past the retry budget: every check that seeds reaches no verdict.
    const target = { ...inner, seeding: { put: () => Promise.reject(new InconclusiveError(THROTTLED)), drop: () => Promise.resolve() } };
    const report = await runContract({ target, mode: 'seeded', seed: 3, runs: 5 });
    await inner.close();
    expect(report.properties).toHaveLength(10);
    const inconclusive = report.properties.filter((p) => p.status === 'inconclusive');
    expect(inconclusive.length).toBeGreaterThan(0);
    for (const p of inconclusive) expect(p.reason, p.id).toBe(THROTTLED);
    expect(report.summary.inconclusive).toBe(inconclusive.length);
    expect(report.summary.failed).toBe(0);
    expect(exitCodeOf(report)).toBe(2);
  });
});

describe('runs and the end of a property’s share of the deadline', () => {
  it('a run that outlives the share and passes still counts', async () => {
    let firstRun = 0;
    const started = performance.now();
    const until = started + SHARE_MS;
    const { property } = probe(async () => {
      firstRun ||= performance.now();
      await pastShare(until);
    });
    const s = settings(5);
    const p = await verdict(property, s, until);
    expect(p.status).toBe('passed');
    expect(p.runs).toBe(1);
    expect(p.warnings).toEqual([{ kind: 'interrupted', message: expect.stringMatching(/^interrupted by the run's deadline after 1 of 5 runs \(its share of the time: \d+\.\d s\)$/) }]);
    // The share stated, to 0.1 s: the time from the property's start, between these two and the run's, to the end of its share.
    const stated = Number(/(\d+\.\d) s\)$/.exec(p.warnings[0].message)![1]) * 1000;
    expect(stated).toBeGreaterThanOrEqual(until - firstRun - 50);
    expect(stated).toBeLessThanOrEqual(until - started + 50);
  });

  it('a run that outlives the share and fails is a failure, kept unshrunk, with the path that replays it', async () => {
    const until = performance.now() + SHARE_MS;
    const { property } = probe(async () => {
      await pastShare(until);
      throw new ContractViolation('broken late');
    });
    const p = await verdict(property, settings(5), until);
    expect(p.status).toBe('failed');
    expect(p.counterexample?.message).toBe('broken late');
    expect(p.counterexample?.path).toBe('0');
    expect(p.replay).toBe('replay --path 0');
    expect(p.warnings.map((w) => w.message)).toEqual(["not shrunk: the failing run finished after the property's share of the run's deadline; raise --deadline for a smaller counterexample"]);
  });

  it('no run finished before the run’s deadline: inconclusive, never passed on 0 runs', async () => {
    const { property } = probe(() => sleep(400));
    const p = await verdict(property, settings(5, 60), performance.now() + 30);
    expect(p.status).toBe('inconclusive');
    expect(p.runs).toBe(0);
    expect(p.reason).toMatch(/^no run finished within its share of the run's deadline \(0\.0 s\); raise --deadline$/);
    expect(p.warnings.map((w) => w.kind)).toEqual(['interrupted']);
  });
});

/** A property report with `status` and `runs`. */
function property(id: string, status: PropertyReport['status'], runs: number, reason?: string): PropertyReport {
  return { id, law: 'a law', status, runs, durationMs: 1, counterexample: null, replay: null, ...(reason ? { reason } : {}), warnings: [], checks: { ...emptyStats(), runs } };
}

function report(properties: PropertyReport[], extra: Partial<Report> = {}): Report {
  return { mode: 'seeded', target: 't', seed: 1, runs: 10, properties, ...summarize(properties), startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, ...extra };
}

describe('exit codes', () => {
  it('0 only when every property passed with a run or was skipped by its mode; 1 when one failed; 2 otherwise', () => {
    expect(exitCodeOf(report([property('a', 'passed', 3), property('b', 'skipped', 0)]))).toBe(0);
    expect(exitCodeOf(report([property('a', 'passed', 3), property('b', 'failed', 1), property('c', 'inconclusive', 0, 'x')]))).toBe(1);
    expect(exitCodeOf(report([property('a', 'passed', 3), property('c', 'inconclusive', 2, 'x')]))).toBe(2);
    expect(exitCodeOf(report([property('a', 'passed', 0)]))).toBe(2);
    expect(exitCodeOf(report([property('a', 'passed', 3)], { error: { message: 'connection refused' } }))).toBe(2);
  });

  it('a shard’s property may pass on none of its runs: they were all other shards’', () => {
    expect(exitCodeOf(report([property('a', 'passed', 0)], { shard: { index: 2, count: 3 } }))).toBe(0);
  });
});

describe('merging shards', () => {
  const shards = (...parts: PropertyReport[][]) => parts.map((ps, i) => report(ps, { shard: { index: i + 1, count: parts.length } }));

  it('a property inconclusive in any shard and failed in none is inconclusive, with that shard’s reason', () => {
    const merged = mergeReports(shards([property('a', 'passed', 4)], [property('a', 'inconclusive', 1, THROTTLED)]));
    expect(merged.properties[0]).toMatchObject({ status: 'inconclusive', reason: THROTTLED, runs: 5 });
    expect(merged.summary).toEqual({ passed: 0, failed: 0, skipped: 0, inconclusive: 1 });
    expect(exitCodeOf(merged)).toBe(2);
  });

  it('a failure in any shard wins over an inconclusive one; no shard running any run is inconclusive', () => {
    expect(mergeReports(shards([property('a', 'failed', 2)], [property('a', 'inconclusive', 1, THROTTLED)])).properties[0].status).toBe('failed');
    const none = mergeReports(shards([property('a', 'passed', 0)], [property('a', 'passed', 0)]));
    expect(none.properties[0]).toMatchObject({ status: 'inconclusive', reason: 'no shard ran any of its runs' });
  });
});
