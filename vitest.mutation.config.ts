import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against every mutant (Stryker's vitest runner loads this file):
 * the catalogue at fixed seeds and the direct tests of test/mutation/. Apart from `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/mutation/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
