/**
 * `athena-executors-contract/vitest`: the property catalogue as a vitest suite in one call. Each
 * property becomes one test named by its id, run against the target the options name, and a failure
 * shows the shrunk counterexample and the command that replays it.
 */
import { describe, it } from 'vitest';
import { catalogue, type PropertyId } from './contract/catalogue/index.js';
import type { PropertyReport } from './common/results.js';
import { failureSections } from './contract/report/formats/failure-sections.js';
import { freshSeed } from './contract/engine/seeds.js';
import { verify, type VerifyOptions } from './app/verify.js';

/**
 * Options of {@link contractSuite}: those of `verify()` that name a target (the built-in emulator by
 * default, `endpoint` with `seeded` or `sessionIds`, or `replay` with a recording's directory) and
 * shape the run (runs, seed, faults, timeouts, `concurrency`: each test is one property, so it runs
 * that property's runs several at a time), and how the suite is named. Live runs and recording
 * stay with the CLI: one test per property would start one billable session each.
 */
export interface ContractSuiteOptions extends Omit<VerifyOptions, 'only' | 'path' | 'shard' | 'listener' | 'replayCommand' | 'live' | 'record' | 'log'> {
  /** The name of the describe block that holds the tests. @defaultValue "ListExecutors contract" */
  name?: string;
  /** Only these properties get a test. @defaultValue every property of the catalogue */
  only?: readonly PropertyId[];
  /** Milliseconds each property's test may take. @defaultValue 120000 */
  testTimeout?: number;
}

/** The failure of one property as a test error: the law, what broke, the shrunk scenario, how to see it again. */
function failureMessage(p: PropertyReport): string {
  const s = failureSections(p);
  const lines = [`${s.id}: ${s.law}`];
  if (s.message !== undefined && s.counterexample) {
    lines.push(s.message, 'counterexample (shrunk):', s.counterexample.pretty);
    if (s.byHand) lines.push(`by hand: ${s.byHand}`);
  }
  if (s.replay) lines.push(`replay: ${s.replay}`);
  return lines.join('\n');
}

/**
 * Registers a describe block with one vitest test per property of the catalogue, each named by the
 * property's id and running `verify({ ...options, only: [id] })`. All tests share one seed (the
 * given one, or a fresh one; a replay takes its recording's), so every replay command in a failing
 * run repeats that run. A property that does not apply to the target's mode, or that a replayed
 * recording has no cassette for, is skipped with the reason; a pass that tested nothing carries its
 * warnings as annotations.
 */
export function contractSuite(options: ContractSuiteOptions = {}): void {
  const { name = 'ListExecutors contract', only, testTimeout = 120_000, ...verifyOptions } = options;
  const seed = verifyOptions.replay === undefined ? { seed: verifyOptions.seed ?? freshSeed() } : {};
  const ids = catalogue.map((p) => p.id).filter((id) => !only || only.includes(id));
  describe(name, () => {
    for (const id of ids) {
      it(id, { timeout: testTimeout }, async (ctx) => {
        const report = await verify({ ...verifyOptions, ...seed, only: [id] });
        const [property] = report.properties;
        if (!property) ctx.skip(`the recording in ${verifyOptions.replay} has no cassette for ${id}`);
        if (property.status === 'skipped') ctx.skip(property.reason ?? `does not run in ${report.mode} mode`);
        if (property.status === 'failed') throw new Error(failureMessage(property));
        // No verdict is not a pass: the test fails with the reason, as the CLI exits 2.
        if (property.status === 'inconclusive') throw new Error(`${id} is inconclusive: ${property.reason ?? 'no verdict'}`);
        for (const warning of property.warnings) await ctx.annotate(warning.message, 'warning');
      });
    }
  });
}
