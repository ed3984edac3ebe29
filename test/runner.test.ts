/**
 * The runner's bounds: a deadline stops a run without calling it failed or silently green, and a
 * shrink budget stops shrinking (each step re-runs the check against the target) with the smallest
 * counterexample found so far.
 */
import { describe, expect, it } from 'vitest';
import { pageSizeProperty } from '../src/contract/catalogue/properties/page-size.js';
import type { ContractProperty } from '../src/contract/catalogue/property.js';
import { runProperty } from '../src/contract/engine/property-run.js';
import { propertyReport } from '../src/contract/report/property-report.js';
import { runContract } from '../src/contract/run-contract.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';

/** The run seed of the shrink-budget test: one whose first failure shrinks to a smaller population. */
const propertyRunSeed = 20261125;

describe('runner bounds', () => {
  it('a run cut short by the deadline passes what ran, says so per property and for the run, and fails nothing', async () => {
    const target = emulatorTarget({ region: 'us-east-1' });
    const report = await runContract({ target, mode: 'seeded', seed: 1, runs: 1_000_000, deadlineMs: 300 });
    expect(report.summary.failed).toBe(0);
    for (const p of report.properties) expect(p.warnings.map((w) => w.message).join(' '), p.id).toMatch(/interrupted by the run's deadline after \d+ of 1000000 runs/);
    expect(report.warnings.map((w) => w.message).join(' ')).toMatch(/10 of 10 properties were cut short by the run's deadline/);
  });

  it('a shrink budget of zero keeps the first failing scenario, larger than the fully shrunk one, and says so', async () => {
    // Without its boundary cases, which catch this fault first and, being enumerated, are not shrunk:
    // the budget is about shrinking the random runs' failures.
    const randomOnly: ContractProperty = { ...pageSizeProperty, boundary: undefined };
    const run = async (shrinkBudgetMs = 30_000) => {
      const target = emulatorTarget({ region: 'us-east-1', faults: ['max-results-ignored'] });
      const settings = { target, mode: 'seeded' as const, sessions: [], runs: 100, seed: propertyRunSeed, bounds: { maxPages: 10_000, maxWalkMs: 60_000 }, deadline: performance.now() + 600_000, shrinkBudgetMs, listener: {} };
      try {
        return propertyReport(randomOnly, await runProperty(randomOnly, settings), settings);
      } finally {
        await target.close();
      }
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
