/**
 * Scenario arbitraries shared by the properties: seeded populations with a request shape, and the
 * ways of reading a session the harness does not control.
 */
import fc from 'fast-check';
import { executorPopulation } from '../arbitraries/index.js';
import type { ExecutorState, ExecutorsSummary } from '../generated/athena.js';
import type { ScenarioContext } from './property.js';

/** The six executor states, in the model's order. */
export const EXECUTOR_STATES: readonly ExecutorState[] = ['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED'];

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

/** Reads of a given session: two or three page sizes (1 and absent likely), and maybe a filter. */
export const observedWalk = (ctx: ScenarioContext): fc.Arbitrary<ObservedWalk> =>
  fc.record({
    sessionId: fc.constantFrom(...ctx.sessions),
    pageSizes: fc.uniqueArray(fc.oneof(fc.constantFrom(1, 100, undefined), pageSize()), { minLength: 2, maxLength: 3 }),
    filter: fc.option(fc.constantFrom(...EXECUTOR_STATES), { nil: undefined }),
  }).map(clean);
