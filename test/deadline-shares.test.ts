/**
 * Issue 11, item 4, through the real bin: `verify --runs 100000 --deadline 3` shares the deadline out
 * so that every property gets time (before, the first property used all of it and the nine others
 * passed on one run or none, exit 0). Every property runs a good number of runs or, on a machine too
 * loaded to finish one, is inconclusive; the exit code is 0 only when all passed with runs, else 2.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { startEmulator } from '../src/emulator/index.js';
import { runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'athena-contract-deadline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('verify --runs 100000 --deadline 3 gives every property a share, and never exits 0 with a property at 0 runs', async () => {
  const json = join(dir, 'report.json');
  const r = await runCli(['verify', '--runs', '100000', '--deadline', '3', '--json', json, '--no-progress'], { timeoutMs: 30_000 });
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  expect(report.properties).toHaveLength(10);
  for (const p of report.properties) {
    if (p.status === 'inconclusive') expect(p.reason, p.id).toMatch(/no run finished within its share/);
    else {
      expect(p.status, p.id).toBe('passed');
      // Generous: a loaded machine runs fewer; alone, each property runs dozens to hundreds. Its
      // boundary cases, run first, are runs too.
      expect(p.runs + (p.boundary ?? 0), p.id).toBeGreaterThanOrEqual(10);
    }
    expect(p.warnings.map((w) => w.message).join(' '), p.id).toMatch(/interrupted by the run's deadline after \d+ of 100000 runs \(its share of the time: \d+\.\d s\)/);
  }
  const allRan = report.properties.every((p) => p.status === 'passed' && p.runs + (p.boundary ?? 0) > 0);
  expect(r.code, r.stderr).toBe(allRan ? 0 : 2);
});

it('with runs in flight side by side (an endpoint, --concurrency 2), --runs 100000 --deadline 2 runs within its share: scenarios are drawn as they run, not all first', async () => {
  // Drawn all first, 100,000 scenarios took the whole share (and 600 MB) before one request: 0 runs, inconclusive, exit 2.
  const emulator = await startEmulator();
  try {
    const json = join(dir, 'pooled.json');
    const r = await runCli(['verify', '--endpoint', emulator.url, '--seeded', '--runs', '100000', '--deadline', '2', '--concurrency', '2', '--only', 'response.conforms', '--json', json, '--no-progress'], { timeoutMs: 30_000 });
    const [p] = (JSON.parse(readFileSync(json, 'utf8')) as Report).properties;
    expect([r.code, p.status], r.stderr).toEqual([0, 'passed']);
    expect(p.runs, 'random runs within the share').toBeGreaterThan(0);
  } finally {
    await emulator.close();
  }
});
