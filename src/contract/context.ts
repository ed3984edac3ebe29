/**
 * What a property check gets: the target, the mode, the sessions it may read, the bounds every walk
 * obeys, and counters that tell a vacuous run from a real one.
 */
import type { Target } from '../targets/target.js';
import type { Exchange } from '../targets/exchange.js';

/** Seeded: the harness controls the population. Observational: it reads sessions it does not control. */
export type Mode = 'seeded' | 'observational';

/** Bounds on one walk, so that nothing a target does can hang the harness. */
export interface WalkBounds {
  /** Pages before a walk is declared non-terminating (observational). @defaultValue 10000 */
  maxPages: number;
  /** Milliseconds one walk may take (observational). @defaultValue 60000 */
  maxWalkMs: number;
}

/** Counters across all runs of one property, to warn when its checks tested nothing. */
export interface CheckStats {
  /** Executors seen in successful pages. */
  executorsSeen: number;
  /** Calls answered 200. */
  okCalls: number;
  /** Calls answered with an error or not at all. */
  errorCalls: number;
  /** Runs whose check could not apply (e.g. no token could be obtained). */
  vacuousRuns: number;
  runs: number;
}

/** Everything one property check may use. */
export interface CheckContext {
  readonly target: Target;
  readonly mode: Mode;
  /** Observational mode: the session ids given on the command line. */
  readonly sessions: readonly string[];
  readonly bounds: WalkBounds;
  readonly stats: CheckStats;
  /** The exchanges of the current run, in order (reset by the runner before each run). */
  readonly exchanges: Exchange[];
}

/** Fresh, zeroed counters. */
export function emptyStats(): CheckStats {
  return { executorsSeen: 0, okCalls: 0, errorCalls: 0, vacuousRuns: 0, runs: 0 };
}
