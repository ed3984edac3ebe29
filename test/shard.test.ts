/**
 * `verify --shard i/n` and `merge-reports`, through the command line in process: the shards of a run
 * together execute exactly the runs of the unsharded run with the same seed, and merging their JSON
 * reports gives the unsharded report but for timings.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import type { CheckStats, Report } from '../src/common/results.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const dir = sharedTempDir('athena-contract-shard-');

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
  const { startedAt: _startedAt, durationMs: _durationMs, latency: _latency, ...rest } = report;
  return { ...rest, properties: report.properties.map(({ durationMs: _d, latency: _l, ...p }) => p) };
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

describe('merge-reports checks it holds each shard 1..n of one run exactly once (through the bin)', () => {
  const base = join(dir, 'check');
  const shard = (i: number) => join(base, 'all', `shard-${i}.json`);
  /** A directory holding the given files, under their own names or the names given. */
  function folder(name: string, files: Record<string, string>): string {
    const d = join(base, name);
    mkdirSync(d, { recursive: true });
    for (const [to, from] of Object.entries(files)) copyFileSync(from, join(d, to));
    return d;
  }
  function oneLine(r: CliResult): string {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    return r.stderr.trim();
  }

  it('merges 3 of 3; 2 of 3, a shard twice, another run or a whole run among shards is exit 2 with one line naming it', async () => {
    for (const i of [1, 2, 3]) expect(await cli('verify', '--seed', '7', '--runs', '6', '--only', 'response.conforms', '--no-progress', '--shard', `${i}/3`, '--json', shard(i))).toBe(0);
    const whole = join(base, 'whole.json');
    expect(await cli('verify', '--seed', '7', '--runs', '6', '--only', 'response.conforms', '--no-progress', '--json', whole)).toBe(0);
    const other = read(shard(3));
    const otherFile = join(base, 'other-seed.json');
    writeFileSync(otherFile, JSON.stringify({ ...other, seed: 8 }));
    const splitFile = join(base, 'split.json');
    writeFileSync(splitFile, JSON.stringify({ ...other, shard: { index: 2, count: 2 } }));
    const run = (d: string) => runCli(['merge-reports', d]);
    const [all, twoOfThree, onlyTwo, twice, otherRun, mixed, split] = await Promise.all([
      run(folder('all-3', { 'a.json': shard(1), 'b.json': shard(2), 'c.json': shard(3) })),
      run(folder('two-of-three', { 'a.json': shard(2), 'b.json': shard(3) })),
      run(folder('only-two', { 'a.json': shard(2) })),
      run(folder('twice', { 'a.json': shard(1), 'b.json': shard(2), 'c.json': shard(2), 'd.json': shard(3) })),
      run(folder('other-run', { 'a.json': shard(1), 'b.json': shard(2), 'c.json': otherFile })),
      run(folder('mixed', { 'a.json': shard(1), 'b.json': shard(2), 'c.json': shard(3), 'd.json': whole })),
      run(folder('split', { 'a.json': shard(1), 'b.json': shard(2), 'c.json': splitFile })),
    ]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/0 failed, 1 passed/);
    expect(oneLine(twoOfThree)).toBe("athena-contract: merge-reports: shard 1/3 is missing (seed 7, 6 runs, seeded); give every shard's JSON report");
    expect(oneLine(onlyTwo)).toBe("athena-contract: merge-reports: shard 1/3 and 3/3 are missing (seed 7, 6 runs, seeded); give every shard's JSON report");
    expect(oneLine(twice)).toBe(`athena-contract: merge-reports: shard 2/3 is given more than once (${join(base, 'twice', 'b.json')} and ${join(base, 'twice', 'c.json')}); give each shard's JSON report once`);
    expect(oneLine(otherRun)).toMatch(/merge-reports: \S+other-run\/c\.json is of another run \(seed 8, 6 runs, seeded, built-in emulator \(in process\)\) than \S+a\.json \(seed 7, 6 runs, seeded/);
    expect(oneLine(mixed)).toMatch(/merge-reports: \S+mixed\/d\.json is a whole run \(no --shard\), not a shard of seed 7, 6 runs, seeded/);
    expect(oneLine(split)).toMatch(/merge-reports: \S+split\/c\.json is shard 2\/2, another split than 3 shards; merge the shards of one run \(seed 7, 6 runs, seeded\)/);
    for (const r of [twoOfThree, onlyTwo, twice, otherRun, mixed, split]) expect(r.stdout).toBe('');
  });

  it('a shard that ended in an error makes the merged report say so, and exit 2', async () => {
    const errored = join(base, 'errored.json');
    writeFileSync(errored, JSON.stringify({ ...read(shard(2)), properties: [], error: { message: 'cannot reach http://127.0.0.1:1: connection refused' } }));
    const merged = join(base, 'errored-merged.json');
    const r = await runCli(['merge-reports', folder('errored', { 'a.json': shard(1), 'b.json': errored, 'c.json': shard(3) }), '--json', merged]);
    expect(r.code, r.stderr).toBe(2);
    expect(read(merged).error).toEqual({ message: 'shard 2/3: cannot reach http://127.0.0.1:1: connection refused' });
    expect(r.stdout).toContain('run error: shard 2/3: cannot reach');
  });
});
