/**
 * `verify --shard i/n` and `merge-reports`, through the command line in process: the shards of a run
 * together execute exactly the runs of the unsharded run with the same seed, and merging their JSON
 * reports gives the unsharded report but for timings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import type { CheckStats, Report } from '../src/common/results.js';

const dir = mkdtempSync(join(tmpdir(), 'athena-contract-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEED = '20260101';
const RUNS = '30';

/** Runs the command line quietly and resolves to its exit code. */
async function cli(...argv: string[]): Promise<number> {
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await main(argv);
  } finally {
    quiet.mockRestore();
  }
}

function read(file: string): Report {
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}

/** The report without what differs between two runs of the same work: when it started and how long it took. */
function withoutTimings(report: Report): unknown {
  const { startedAt: _startedAt, durationMs: _durationMs, ...rest } = report;
  return { ...rest, properties: report.properties.map(({ durationMs: _d, ...p }) => p) };
}

describe('verify --shard i/n and merge-reports', () => {
  it('the shards run exactly the runs of the unsharded run, and their merged report is its report but for timings', async () => {
    const whole = join(dir, 'whole.json');
    expect(await cli('verify', '--seed', SEED, '--runs', RUNS, '--no-progress', '--json', whole)).toBe(0);
    const shardDir = join(dir, 'shards');
    for (const i of [1, 2, 3]) expect(await cli('verify', '--seed', SEED, '--runs', RUNS, '--no-progress', '--shard', `${i}/3`, '--json', join(shardDir, `shard-${i}.json`))).toBe(0);
    const merged = join(dir, 'merged.json');
    expect(await cli('merge-reports', shardDir, '--json', merged)).toBe(0);

    const unsharded = read(whole);
    const shards = [1, 2, 3].map((i) => read(join(shardDir, `shard-${i}.json`)));
    expect(unsharded.summary.failed).toBe(0);
    for (const p of unsharded.properties) {
      const parts = shards.map((s) => s.properties.find((q) => q.id === p.id)!);
      expect(parts.reduce((n, q) => n + q.runs, 0), p.id).toBe(p.runs);
      const summed = Object.fromEntries(Object.keys(p.checks).map((k) => [k, parts.reduce((n, q) => n + q.checks[k as keyof CheckStats], 0)]));
      expect(summed, p.id).toEqual(p.checks);
      // Not vacuous: the runs are really divided, not all run by one shard.
      expect(parts.filter((q) => q.runs > 0).length, p.id).toBeGreaterThan(1);
    }
    expect(withoutTimings(read(merged))).toEqual(withoutTimings(unsharded));
  });
});
