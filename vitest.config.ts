import { defineConfig } from 'vitest/config';

/** The tests `npm run test:install` runs (vitest.install.config.ts): they install the packed package and run the docs' blocks. */
export const INSTALL_TESTS = ['test/package.test.ts', 'test/docs-blocks.test.ts'];

/**
 * The tests `npm run test:processes` runs (vitest.processes.config.ts): each is about a program run as
 * its own process (the `athena-contract` bin as users and CI scripts call it, `serve`, `npm start`,
 * the AWS CLI and boto3, the reproducer's scripts under bash, a fresh node importing the entry points,
 * the example report's script, the independent Python emulators, dependency-cruiser over planted
 * trees), and most of its time goes to those processes. The in-process tests of the same code stay in `npm test`.
 */
export const PROCESS_TESTS = [
  'test/action.test.ts',
  'test/boundary-replay-cli.test.ts',
  'test/cli-options.test.ts',
  'test/cli.test.ts',
  'test/console-reporter.test.ts',
  'test/deadline-shares.test.ts',
  'test/diff.test.ts',
  'test/docs-cli.test.ts',
  'test/exit-reports.test.ts',
  'test/family-aws-cli.test.ts',
  'test/family-cli.test.ts',
  'test/family-live-cli.test.ts',
  'test/independent-emulators.test.ts',
  'test/layers.test.ts',
  'test/lazy-nock.test.ts',
  'test/live-growth-cli.test.ts',
  'test/living-serve.test.ts',
  'test/looping-endpoints.test.ts',
  'test/package-example-report.test.ts',
  'test/readme.test.ts',
  'test/ready-file.test.ts',
  'test/report-redaction.test.ts',
  'test/reproduce-requests.test.ts',
  'test/reproduce-script.test.ts',
  'test/serve-command.test.ts',
  'test/serve-latency.test.ts',
  'test/shard.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // `npm run test:processes` and `npm run test:install` run the tests listed above
    // (vitest.processes.config.ts, vitest.install.config.ts); `npm run mutation` runs these against
    // every mutant (vitest.mutation.config.ts). None of them is part of npm test; .ci/run runs all three.
    exclude: ['**/node_modules/**', 'test/mutation/**/*.mutation.test.ts', ...INSTALL_TESTS, ...PROCESS_TESTS],
    testTimeout: 60_000,
    // Most files wait on child processes, servers and npm rather than compute: two workers on this
    // 2-core machine took the suite from 330 s to 233 s (vitest's default here is one).
    maxWorkers: 2,
    // The SDK's notice that its future releases need Node 22 is noise in every test's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'reports/junit.xml' }]] : ['default'],
  },
});
