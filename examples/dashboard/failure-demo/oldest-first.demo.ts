/**
 * What a failure looks like: the built-in emulator with a deliberate fault (executors listed oldest
 * first), so ordering.newest-first fails and its error shows the shrunk counterexample and the
 * command that replays it. Run with `npm run failure-demo`; it is meant to fail.
 */
import { contractSuite } from 'athena-executors-contract/vitest';

contractSuite({ name: 'emulator with the oldest-first fault', faults: ['oldest-first'], only: ['ordering.newest-first'], seed: 42, runs: 20 });
