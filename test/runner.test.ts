/**
 * The runner's bounds: a deadline stops a run without calling it failed or silently green, and a
 * shrink budget stops shrinking (each step re-runs the check against the target) with the smallest
 * counterexample found so far.
 */
import { describe, expect, it } from 'vitest';
import { runContract } from '../src/contract/runner.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';

describe('runner bounds', () => {
  it('a run cut short by the deadline passes what ran, says so per property and for the run, and fails nothing', async () => {
    const target = emulatorTarget({ region: 'us-east-1' });
    const report = await runContract({ target, mode: 'seeded', seed: 1, runs: 1_000_000, deadlineMs: 300 });
    expect(report.summary.failed).toBe(0);
    for (const p of report.properties) expect(p.warnings.map((w) => w.message).join(' '), p.id).toMatch(/interrupted by the run's deadline after \d+ of 1000000 runs/);
    expect(report.warnings.map((w) => w.message).join(' ')).toMatch(/10 of 10 properties were cut short by the run's deadline/);
  });

  it('a shrink budget of zero keeps the first failing scenario, larger than the fully shrunk one, and says so', async () => {
    const run = async (shrinkBudgetMs?: number) => {
      const target = emulatorTarget({ region: 'us-east-1', faults: ['max-results-ignored'] });
      const report = await runContract({ target, mode: 'seeded', seed: 20261125, runs: 100, only: ['pagination.page-size'], shrinkBudgetMs });
      return report.properties[0];
    };
    const cut = await run(0);
    const full = await run();
    const size = (p: typeof cut) => (p.counterexample!.scenario as { population: unknown[] }).population.length;
    expect(cut.status).toBe('failed');
    expect(full.status).toBe('failed');
    expect(size(cut)).toBeGreaterThan(size(full));
    expect(cut.warnings.map((w) => w.message).join(' ')).toMatch(/shrinking stopped after 0 s/);
    expect(full.warnings).toEqual([]);
  });
});
