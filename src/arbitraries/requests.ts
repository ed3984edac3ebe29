/**
 * Plausible ListExecutors requests and the sessions they name: the session ids, page sizes, filters
 * and request shapes the properties send, and the seeded and observed walks built from them. Invalid
 * requests come from `invalid('list-executors-request.schema.json')`.
 */
import fc from 'fast-check';
import type { ExecutorState, ExecutorsSummary, ListExecutorsRequest } from '../generated/athena.js';
import { executorPopulation } from './executor-population.js';
import { EXECUTOR_STATES } from './executor.js';

/** Session ids: mostly UUIDs, sometimes other URL-safe ids of 1..256 characters (both ends included). */
export function sessionId(): fc.Arbitrary<string> {
  const urlSafe = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.');
  return fc.oneof(
    { weight: 16, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: urlSafe }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: urlSafe }) },
    { weight: 1, arbitrary: fc.string({ minLength: 256, maxLength: 256, unit: urlSafe }) },
  );
}

/** Page sizes: absent, or 1..100 biased to 1, 2, small sizes and 100. */
const maxResults = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1, 2, 100) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 100 }) },
);

/** First-page requests for `sessionId`: MaxResults absent or 1..100, ExecutorStateFilter absent or any state, no NextToken. */
export function listExecutorsRequest(sessionId: string): fc.Arbitrary<ListExecutorsRequest> {
  return fc.record(
    {
      SessionId: fc.constant(sessionId),
      MaxResults: maxResults,
      ExecutorStateFilter: fc.constantFrom(...EXECUTOR_STATES),
    },
    { requiredKeys: ['SessionId'], noNullPrototype: true },
  );
}

/** A request's shape without session or token: page size and filter. */
export interface RequestShape {
  MaxResults?: number;
  ExecutorStateFilter?: ExecutorState;
}

/** Page sizes biased to the ones where paging slips: 1, 2, small, the maximum, and absent. */
export const pageSize = (): fc.Arbitrary<number | undefined> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(1, 2, 3) },
    { weight: 2, arbitrary: fc.integer({ min: 4, max: 10 }) },
    { weight: 1, arbitrary: fc.integer({ min: 11, max: 100 }) },
    { weight: 1, arbitrary: fc.constantFrom(100, undefined) },
  );

/** A page size and an optional filter. */
export const requestShape = (filter: boolean): fc.Arbitrary<RequestShape> =>
  fc.record(
    {
      MaxResults: pageSize(),
      ExecutorStateFilter: filter ? fc.option(fc.constantFrom(...EXECUTOR_STATES), { nil: undefined, freq: 2 }) : fc.constant(undefined),
    },
  ).map(clean);

/** Drops members whose value is undefined, so requests carry only what was chosen. */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A session id no target holds: a UUID, as real Athena's are (and as no emulator's own fixtures name theirs by chance). */
export const unknownSessionId = (): fc.Arbitrary<string> => fc.uuid({ version: 4 });

/**
 * The id of a session the harness seeds: mostly a UUID, sometimes exactly 256 characters, the
 * longest the model allows (URL-safe, since it travels in the seeding route's path), so that an
 * implementation that refuses the upper bound is caught by the walks that need it.
 */
export const freshSessionId = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.uuid({ version: 4 }) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }).map((u) => `${u}-`.repeat(7).slice(0, 256)) },
  );

/** A seeded scenario: a session, its population, and the request shape to list it with. */
export interface SeededWalk {
  sessionId: string;
  population: ExecutorsSummary[];
  request: RequestShape;
}

/** Seeded populations with a request shape; `filter` lets the shape carry an ExecutorStateFilter. */
export const seededWalk = (filter: boolean, maxSize = 120): fc.Arbitrary<SeededWalk> =>
  fc.record({ sessionId: freshSessionId(), population: executorPopulation({ maxSize }), request: requestShape(filter) });

/** An observational scenario: one of the given sessions, read with several page sizes. */
export interface ObservedWalk {
  sessionId: string;
  pageSizes: (number | undefined)[];
  filter?: ExecutorState;
}

/** Reads of one of `sessions` (sessions the harness does not control): two or three page sizes (1 and absent likely), and maybe a filter. */
export const observedWalk = (sessions: readonly string[]): fc.Arbitrary<ObservedWalk> =>
  fc.record({
    sessionId: fc.constantFrom(...sessions),
    pageSizes: fc.uniqueArray(fc.oneof(fc.constantFrom(1, 100, undefined), pageSize()), { minLength: 2, maxLength: 3 }),
    filter: fc.option(fc.constantFrom(...EXECUTOR_STATES), { nil: undefined }),
  }).map(clean);
