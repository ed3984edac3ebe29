/**
 * `athena-executors-contract/vitest`: the property catalogue of one operation as a vitest suite in one
 * call. Each property becomes one test named by its id, run against the target the options name, and
 * a failure shows the shrunk counterexample and the command that replays it.
 */
import { describe, it } from 'vitest';
import { catalogueFor, type PropertyId } from './contract/catalogue/index.js';
import { LIST_EXECUTORS, profileNamed, OPERATION_NAMES, type OperationName, type OperationProfile } from './profiles/index.js';
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
  /**
   * The operation whose laws the suite checks. When given, each test is named `Operation/id` (as
   * `--only` takes it), so that suites of several operations side by side say which is which.
   * @defaultValue ListExecutors, its tests named by the law id alone
   */
  operation?: OperationName;
  /** The name of the describe block that holds the tests. @defaultValue "{operation} contract" */
  name?: string;
  /** Only these properties (law ids) get a test. @defaultValue every property of the operation's catalogue */
  only?: readonly (PropertyId | 'errors.unknown-workgroup')[];
  /** Milliseconds each property's test may take. @defaultValue 120000 */
  testTimeout?: number;
}

/**
 * `options` for a run of `profile`'s operation: the engine reads the operation from `profile` (one
 * operation) and `operations` (the family), members verify() passes down to the run as they are. The
 * default operation adds neither, so a suite without `operation` runs exactly as before.
 */
function onOperation(options: VerifyOptions, profile: OperationProfile): VerifyOptions {
  if (profile === LIST_EXECUTORS) return options;
  const run: VerifyOptions & { profile: OperationProfile; operations: readonly OperationProfile[] } = { ...options, profile, operations: [profile] };
  return run;
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

/** The profile an operation's name stands for; a name outside the family throws, listing the names. */
function profileOf(operation: string): OperationProfile {
  const profile = profileNamed(operation);
  if (!profile) throw new Error(`contractSuite: operation: unknown operation ${JSON.stringify(operation)}; use ${OPERATION_NAMES.join(', ')}`);
  return profile;
}

/**
 * Registers a describe block with one vitest test per property of the operation's catalogue, each
 * named by the property's id (`Operation/id` when `operation` is given) and running
 * `verify({ ...options, only: [id] })` on that operation. All tests share one seed (the
 * given one, or a fresh one; a replay takes its recording's), so every replay command in a failing
 * run repeats that run. A property that does not apply to the target's mode, or that a replayed
 * recording has no cassette for, is skipped with the reason; a pass that tested nothing carries its
 * warnings as annotations.
 */
export function contractSuite(options: ContractSuiteOptions = {}): void {
  const { operation, name, only, testTimeout = 120_000, ...verifyOptions } = options;
  const profile = operation === undefined ? LIST_EXECUTORS : profileOf(operation);
  const seed = verifyOptions.replay === undefined ? { seed: verifyOptions.seed ?? freshSeed() } : {};
  const ids = catalogueFor(profile)
    .map((p) => p.id)
    .filter((id) => !only || (only as readonly string[]).includes(id));
  describe(name ?? `${profile.operation} contract`, () => {
    for (const id of ids) {
      it(operation === undefined ? id : `${profile.operation}/${id}`, { timeout: testTimeout }, async (ctx) => {
        const report = await verify(onOperation({ ...verifyOptions, ...seed, only: [id as PropertyId] }, profile));
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
