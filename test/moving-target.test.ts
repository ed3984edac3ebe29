/**
 * A correct service read while it moves (test/helpers/churning-endpoint.ts: every parent gains a
 * newest item and moves one a state forward every 100-300 ms, keyset tokens) passes the observational
 * catalogue on all three operations at seeds 1-3, here at the default concurrency (8 for an endpoint;
 * moving-target-serial.test.ts runs it at 1), and the report says it moved: `coverage.moving`, a
 * `moving` note on each property whose walks saw a change and one for the run.
 */
import { afterEach, describe, it } from 'vitest';
import { expectMovingPass, startChurningEndpoint, verifyChurning, type ChurningEndpoint } from './helpers/churning-endpoint.js';

const open: ChurningEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

describe('a service that moves while it is read: cross-walk laws bind only what held still', () => {
  it('passes every observational law of all three operations at the default concurrency, seeds 1-3, with the moving note', async () => {
    for (const seed of [1, 2, 3]) {
      const endpoint = await startChurningEndpoint({ seed });
      open.push(endpoint);
      expectMovingPass(await verifyChurning(endpoint, seed), endpoint, `seed ${seed}`);
    }
  }, 120_000);
});
