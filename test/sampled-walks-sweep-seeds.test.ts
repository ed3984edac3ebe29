/**
 * The boundary sweep over the correct 5,000-executor parent at seeds 2 and 3 (seed 1 and the call
 * budget: sampled-walks-sweep-correct.test.ts; a file of its own so that each stays short).
 */
import { afterEach, describe, it } from 'vitest';
import type { DeepEndpoint } from './helpers/deep-endpoint.js';
import { expectSwept } from './helpers/deep-sweep.js';

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

describe('the boundary sweep over a correct 5,000-executor parent', () => {
  it.each([2, 3])('passes at seed %i with every page boundary tested', (seed) => expectSwept(open, seed), 60_000);
});
