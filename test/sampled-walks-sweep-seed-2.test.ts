/**
 * The boundary sweep over the correct 5,000-executor parent at seed 2 (seed 1 and the call budget:
 * sampled-walks-sweep-correct.test.ts; each seed a file of its own, so that each stays short: a seed's
 * sweep is about 5,200 calls of up to 100 executors each).
 */
import { afterEach, describe, it } from 'vitest';
import type { DeepEndpoint } from './helpers/deep-endpoint.js';
import { expectSwept } from './helpers/deep-sweep.js';

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

describe('the boundary sweep over a correct 5,000-executor parent', () => {
  it('passes at seed 2 with every page boundary tested', () => expectSwept(open, 2), 60_000);
});
