/**
 * `npm run mutation`: Stryker mutates the reference model and the emulator's wire code (not the fault
 * overrides of src/emulator/faults.ts) and runs vitest.mutation.config.ts against each mutant. Reports
 * (HTML, JSON) and the incremental file go to reports/mutation/. See the README's "Mutation score".
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // Each test is one property × mode × seed: a mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // The model, and the emulator's request and response handling (routes, operations, seeding route, the
  // AWS JSON answers). Not the fault overrides (faults.ts, stages.ts), the session calls of live mode
  // (lifecycle.ts, sessions.ts), nor the transports (http-server.ts, nock, the SDK handler), whose
  // mutants mostly leave a socket unanswered and cost a timeout each.
  mutate: [
    'src/model/**/*.ts',
    'src/emulator/wire.ts',
    'src/emulator/routes.ts',
    'src/emulator/operations.ts',
    'src/emulator/seed-route.ts',
  ],
  // The machine's 2 cores are shared; 2 test runners keep it usable (override with --concurrency).
  concurrency: 2,
  // Every run tests every mutant (about 20 min here). `--incremental` re-tests only what changed, for a quick
  // look while killing survivors, but it reuses the verdict of a mutant that runs at module load (a test
  // file's top-level emulator seeds through the model): a new test that kills such a survivor is not
  // run against it. So the score, the README's figures and the nightly come from full runs.
  incremental: false,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // The survivor check (src/bench/mutation-check.ts) fails on any survivor without a reason; `break`
  // fails any drop below the score as it stands (100% on 2026-12-01: every mutant killed or marked).
  thresholds: { high: 100, low: 99, break: 100 },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['reports', 'dist', 'recordings', 'examples'],
  // A mutant that makes a walk go round is a timeout (detected) within seconds, not at the walk bounds.
  timeoutMS: 5_000,
};
