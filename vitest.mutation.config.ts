import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against every mutant (Stryker's vitest runner loads this file):
 * the catalogue at fixed seeds, the direct tests of test/mutation/ and the
 * emulator's wire tests. Apart from `npm test`.
 */
export default defineConfig({
  test: {
    // The emulator-wire tests kill what the catalogue cannot reach there (other routes, methods, seeding
    // errors); the model's own tests what only the package's users call (orderExecutors, the stages).
    include: ['test/mutation/**/*.test.ts', 'test/emulator-wire.test.ts', 'test/model.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
