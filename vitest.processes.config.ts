import { defineConfig } from 'vitest/config';
import base, { PROCESS_TESTS } from './vitest.config.js';

/**
 * `npm run test:processes`: the tests of programs run as their own processes (the bin, `npm start`, the
 * AWS CLI, boto3, the Python emulators, dependency-cruiser), listed in vitest.config.ts. They run apart
 * from `npm test` to keep it short; `.ci/run` runs both.
 */
// Spread, not merged: vitest's mergeConfig would add the base's excludes, which leave these out.
export default defineConfig({
  test: {
    ...base.test,
    include: PROCESS_TESTS,
    exclude: ['**/node_modules/**'],
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'reports/junit-processes.xml' }]] : ['default'],
  },
});
