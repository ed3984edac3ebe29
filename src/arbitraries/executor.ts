/**
 * One executor of a session, as ListExecutors' own items are drawn: a cheap record of choices (which
 * start time, which state, whether terminated) turned into an executor by a pure function, so that a
 * whole population is generated without filters. The id, the ordering key and the state sit where
 * ListExecutors' profile says; the members only an executor has (its type, size and termination, the
 * termination never before the start) are this module's own. Other operations' items come from their
 * item schema (generic-items.ts).
 */
import fc from 'fast-check';
import type { ExecutorState, ExecutorType } from '../generated/athena.js';
import { EXECUTOR_STATES, EXECUTOR_TYPES } from '../generated/constraints.js';
import { itemId, LIST_EXECUTORS } from '../profiles/index.js';
import { setAt, type Item } from './items.js';
import type { SchemaTypes } from './schema-types.js';
import { repeatToLength, unicodeScalar } from './strings.js';

/**
 * Every executor state and every executor type, in schema order, from the table `npm run generate`
 * emits from the schemas: a new state is drawn as soon as it is added to the schema.
 */
export { EXECUTOR_STATES, EXECUTOR_TYPES };

/** An executor, typed as its schema file's generated type. */
export type Executor = SchemaTypes['executors-summary.schema.json'];

/** Where ListExecutors' profile puts an executor's id, start time and state. */
const ID = LIST_EXECUTORS.id;
const START = LIST_EXECUTORS.orderKey.path;
const STATE = LIST_EXECUTORS.filter.itemPath;

/** Longest run of an executor that the arbitraries draw: one week. */
const MAX_RUN_MS = 7 * 24 * 3600 * 1000;

/** Where an executor's start time comes from: an entry of the population's pool (ties), or its own. */
type StartPick = { pool: number } | { own: number };

/** The random choices behind one executor; {@link toExecutor} turns them into the executor. */
export interface ExecutorDraft {
  id: string;
  start: StartPick;
  state: ExecutorState | undefined;
  type: ExecutorType | undefined;
  terminated: boolean;
  runMs: number;
  size: number | undefined;
}

/**
 * Executor ids: mostly UUIDs, sometimes other short strings the schema allows, rarely a few thousand
 * characters. Never empty: the schema allows it, but a seeding route that refused it would end a
 * whole run as a configuration error, and `valid()` still reaches the empty id in the schema tests.
 */
export function executorId(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 40, arbitrary: fc.uuid() },
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: unicodeScalar }) },
    // At most 3,000 characters, so that even 300 long ids stay under 1 MiB of JSON.
    { weight: 1, arbitrary: fc.tuple(fc.uuid(), fc.integer({ min: 1000, max: 3000 })).map(([u, n]) => repeatToLength(u, n)) },
  );
}

/**
 * The choices behind one executor whose own start time (when not drawn from the pool) lies in
 * [startMin, startMax].
 */
export function executorDraft(startMin: number, startMax: number): fc.Arbitrary<ExecutorDraft> {
  return fc.record(
    {
      id: executorId(),
      start: fc.oneof(
        { weight: 3, arbitrary: fc.nat(7).map((pool): StartPick => ({ pool })) },
        { weight: 2, arbitrary: fc.integer({ min: startMin, max: startMax }).map((own): StartPick => ({ own })) },
      ),
      state: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...EXECUTOR_STATES) }, { weight: 1, arbitrary: fc.constant(undefined) }),
      type: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...EXECUTOR_TYPES) }, { weight: 1, arbitrary: fc.constant(undefined) }),
      terminated: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
      runMs: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.integer({ min: 1, max: MAX_RUN_MS }) }),
      size: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.constant(undefined) }),
    },
    { noNullPrototype: true },
  );
}

/**
 * The executor of a draft, with its start time from `pool` when the draft picks the pool. Only
 * TERMINATED and FAILED executors carry a TerminationDateTime (nine in ten of them), never before
 * their start.
 */
export function toExecutor(draft: ExecutorDraft, pool: readonly number[]): Executor {
  const start = 'pool' in draft.start ? pool[draft.start.pool % pool.length] : draft.start.own;
  const out: Item = setAt({ [ID]: draft.id }, START, start);
  if (draft.type !== undefined) out.ExecutorType = draft.type;
  if (draft.state !== undefined) setAt(out, STATE, draft.state);
  if ((draft.state === 'TERMINATED' || draft.state === 'FAILED') && draft.terminated) out.TerminationDateTime = start + draft.runMs;
  if (draft.size !== undefined) out.ExecutorSize = draft.size;
  return out as unknown as Executor;
}

/** Makes ids unique (among themselves and against `taken`) by suffixing repeats, which keeps them schema-valid. */
export function uniqueIds(executors: Executor[], taken: ReadonlySet<string> = new Set()): Executor[] {
  const seen = new Set(taken);
  for (const e of executors) {
    const own = itemId(LIST_EXECUTORS, e);
    let id = own;
    for (let n = 2; seen.has(id); n++) id = `${own}-${n}`;
    (e as unknown as Item)[ID] = id;
    seen.add(id);
  }
  return executors;
}

/** Executor `i` of a boundary population: id `id`, every type in turn, state `state`, start `start`, a size of 1..4. */
export function boundaryExecutor(id: string, i: number, start: number, state: string): Item {
  const out: Item = { [ID]: id, ExecutorType: EXECUTOR_TYPES[i % EXECUTOR_TYPES.length] };
  setAt(out, STATE, state);
  setAt(out, START, start);
  out.ExecutorSize = 1 + (i % 4);
  return out;
}

/** A terminated executor whose every numeric member (start, termination, size) is `n`: a valid numeric edge. */
export function edgeExecutor(id: string, n: number): Item {
  const out = boundaryExecutor(id, 0, n, 'TERMINATED');
  out.ExecutorSize = n;
  out.TerminationDateTime = n;
  return out;
}
