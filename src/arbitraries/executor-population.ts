/**
 * The executors of one session: ListExecutors' own population, the one the seeded properties load into
 * a target for that operation, and its growth while a walk is under way.
 */
import fc from 'fast-check';
import { itemId, LIST_EXECUTORS, orderKeyOf } from '../profiles/index.js';
import { executorDraft, toExecutor, uniqueIds, type Executor, type ExecutorDraft } from './executor.js';
import { growthSize, populationSizes, START_MS_MAX, START_MS_MIN, type GrowOptions, type PopulationOptions } from './items.js';

/** Start times shared by several executors of a population: ties in the start time are frequent. */
const startPool = (min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 8 });

/**
 * Executor populations: unique ids, every executor with a start time in 2023..2027 (ties frequent),
 * every state and type reachable, TerminationDateTime never before the start. Small sizes are the
 * most likely (0..5 often, up to 30 commonly, up to maxSize rarely), empty included.
 */
export function executorPopulation(options: PopulationOptions = {}): fc.Arbitrary<Executor[]> {
  const { minSize, maxSize } = populationSizes('executorPopulation', options);
  const draft = executorDraft(START_MS_MIN, START_MS_MAX);
  const band = (lo: number, hi: number) => fc.array(draft, { minLength: lo, maxLength: hi, size: 'max' });
  const bands: fc.WeightedArbitrary<ExecutorDraft[]>[] = [
    { weight: 2, arbitrary: band(minSize, minSize) },
    { weight: 6, arbitrary: band(minSize, Math.max(minSize, Math.min(5, maxSize))) },
    { weight: 3, arbitrary: band(minSize, Math.max(minSize, Math.min(30, maxSize))) },
    { weight: 1, arbitrary: band(minSize, maxSize) },
  ];
  return fc
    .tuple(startPool(START_MS_MIN, START_MS_MAX), fc.oneof(...bands))
    .map(([pool, drafts]) => uniqueIds(drafts.map((d) => toExecutor(d, pool))));
}

/**
 * 1..maxNew new executors for a session that holds `existing`: ids not in `existing`, and every start
 * time at or after the newest one of `existing` (ties with it frequent), the way a running session
 * grows while someone pages through it.
 */
export function growPopulation(existing: readonly Executor[], options: GrowOptions = {}): fc.Arbitrary<Executor[]> {
  const maxNew = growthSize('growPopulation', options);
  const newest = existing.reduce((m, e) => Math.max(m, orderKeyOf(LIST_EXECUTORS, e) ?? Number.MIN_SAFE_INTEGER), Number.MIN_SAFE_INTEGER);
  const floor = newest === Number.MIN_SAFE_INTEGER ? START_MS_MIN : newest;
  const ceiling = floor + 3600 * 1000;
  const taken = new Set(existing.map((e) => itemId(LIST_EXECUTORS, e)));
  // The pool always holds the newest start, so that new executors often tie with it.
  const pool = startPool(floor, ceiling).map((p) => [floor, ...p]);
  return fc
    .tuple(pool, fc.array(executorDraft(floor, ceiling), { minLength: 1, maxLength: maxNew, size: 'max' }))
    .map(([p, drafts]) => uniqueIds(drafts.map((d) => toExecutor(d, p)), taken));
}
