import { defineConfig } from 'vitest/config';
import base, { INSTALL_TESTS } from './vitest.config.js';

/**
 * `npm run test:install`: the tests that install the packed package (from the npm registry) and run
 * every shell block of the README and docs/ in a user's project. They take minutes, so they run apart
 * from `npm test`; `.ci/run` runs both.
 */
// Spread, not merged: vitest's mergeConfig would add the base's excludes, which leave these out.
export default defineConfig({
  test: {
    ...base.test,
    include: INSTALL_TESTS,
    exclude: ['**/node_modules/**'],
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'reports/junit-install.xml' }]] : ['default'],
  },
});
