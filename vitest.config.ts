import { defineConfig } from 'vitest/config';

/** The tests `npm run test:install` runs (vitest.install.config.ts): they install the packed package and run the docs' blocks. */
export const INSTALL_TESTS = ['test/package.test.ts', 'test/docs-blocks.test.ts'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // `npm run test:install` runs the tests that install the packed package and run the docs' blocks
    // (vitest.install.config.ts); `npm run mutation` runs these against every mutant
    // (vitest.mutation.config.ts). Neither is part of npm test.
    exclude: ['**/node_modules/**', 'test/mutation/**/*.mutation.test.ts', ...INSTALL_TESTS],
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
