/**
 * The boundary sweep's verdict on a correct deep parent, shared by the test files that run it at
 * different seeds (each file kept short): a pass with every page boundary tested.
 */
import { expect } from 'vitest';
import { deepExecutors, runDeep, type DeepEndpoint } from './deep-endpoint.js';

/** The correct deep parent's id and size. */
export const DEEP_PARENT = 'sess-deep';
export const DEEP_ITEMS = 5000;

/** pagination.exactly-once over a correct deep parent of `items` executors at `seed`; one random run: the boundary cases are the point. */
export function runCorrect(open: DeepEndpoint[], seed: number, options: { maxCalls?: number; items?: number } = {}): ReturnType<typeof runDeep> {
  return runDeep(open, DEEP_PARENT, deepExecutors(options.items ?? DEEP_ITEMS), {}, { only: ['pagination.exactly-once'], seed, runs: 1, maxCalls: options.maxCalls });
}

/** Expects the run at `seed` over `items` executors passed with every page boundary of the parent tested, in about as many calls as the sweep makes. */
export async function expectSwept(open: DeepEndpoint[], seed: number, items = DEEP_ITEMS): Promise<void> {
  const { report, endpoint } = await runCorrect(open, seed, { items });
  const p = report.properties[0];
  expect([p.status, p.counterexample?.message, p.warnings]).toEqual(['passed', undefined, []]);
  expect(p.coverage?.sweep).toEqual({ [DEEP_PARENT]: { listed: items, tested: items - 1, refused: 0 } });
  // The sweep: its basis (n / 100 pages) and 100 offset walks of about n / 100 + 1 pages each; the rest is the property's other runs, sampled.
  expect(endpoint.calls()).toBeLessThan(items + 100 + items / 100 + 1000);
}
