import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // `npm run mutation` runs these against every mutant (vitest.mutation.config.ts); not part of npm test.
    exclude: ['**/node_modules/**', 'test/mutation/**/*.mutation.test.ts'],
    testTimeout: 60_000,
    // The SDK's notice that its future releases need Node 22 is noise in every test's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'reports/junit.xml' }]] : ['default'],
  },
});
