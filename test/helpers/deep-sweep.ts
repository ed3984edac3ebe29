/**
 * The boundary sweep's verdict on a correct deep parent, shared by the test files that run it at
 * different seeds (each file kept short): a pass with every page boundary tested.
 */
import { expect } from 'vitest';
import { deepExecutors, runDeep, type DeepEndpoint } from './deep-endpoint.js';

/** The correct deep parent's id and size. */
export const DEEP_PARENT = 'sess-deep';
export const DEEP_ITEMS = 5000;

/** pagination.exactly-once over the correct deep parent at `seed`; one random run: the boundary cases are the point. */
export function runCorrect(open: DeepEndpoint[], seed: number, maxCalls?: number): ReturnType<typeof runDeep> {
  return runDeep(open, DEEP_PARENT, deepExecutors(DEEP_ITEMS), {}, { only: ['pagination.exactly-once'], seed, runs: 1, maxCalls });
}

/** Expects the run at `seed` passed with every page boundary of the parent tested, in about as many calls as the sweep makes. */
export async function expectSwept(open: DeepEndpoint[], seed: number): Promise<void> {
  const { report, endpoint } = await runCorrect(open, seed);
  const p = report.properties[0];
  expect([p.status, p.counterexample?.message, p.warnings]).toEqual(['passed', undefined, []]);
  expect(p.coverage?.sweep).toEqual({ [DEEP_PARENT]: { listed: DEEP_ITEMS, tested: DEEP_ITEMS - 1, refused: 0 } });
  // The sweep: its basis (50 pages) and 100 offset walks of about n / 100 + 1 pages each; the rest is the property's other runs, sampled.
  expect(endpoint.calls()).toBeLessThan(DEEP_ITEMS + 100 + 50 + 1000);
}
