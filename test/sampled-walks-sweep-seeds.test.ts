/**
 * The boundary sweep over a correct deep parent at seeds 2 and 3 (seed 1 at 5,000 executors, and the
 * call budget: sampled-walks-sweep-correct.test.ts). The sweep's cases are the same at every seed
 * (r = 1..100); a seed changes the random runs walked beside them, sampled on a parent this large, so
 * 1,000 executors (sampled at every size below 34, swept in about 1,100 calls) show what a seed can
 * change at a fifth of the calls of 5,000.
 */
import { afterEach, describe, it } from 'vitest';
import type { DeepEndpoint } from './helpers/deep-endpoint.js';
import { expectSwept } from './helpers/deep-sweep.js';

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

describe('the boundary sweep over a correct 1,000-executor parent', () => {
  it.each([2, 3])('passes at seed %i with every page boundary tested', (seed) => expectSwept(open, seed, 1000), 60_000);
});
