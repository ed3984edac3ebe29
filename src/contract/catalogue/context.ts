/**
 * What a property check gets: the target, the mode, the sessions it may read, the bounds every walk
 * obeys, and counters that tell a vacuous run from a real one.
 */
import type { Target } from '../../targets/target.js';
import type { Exchange } from '../../wire/exchange.js';
import type { CheckStats, Mode } from '../../common/results.js';
import type { CoverageCollector } from '../coverage/index.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';

/**
 * Bounds on one walk, so that nothing a target does can hang the harness. The runner hands one value
 * to every check of a run, and what the run's walks saw is remembered per value (walk-content.ts).
 */
export interface WalkBounds {
  /**
   * Pages before an observational walk is declared non-terminating, as a last resort: a walk that goes
   * round, or keeps bringing nothing new, ends long before (walk-content.ts). @defaultValue 10000
   */
  maxPages: number;
  /** Milliseconds one walk may take (observational), also a last resort. @defaultValue 60000 */
  maxWalkMs: number;
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
  /** What the property's runs exercised, recorded by every call and walk (nothing is recorded without it). */
  readonly coverage?: CoverageCollector;
  /** The operation the laws are checked on: ListExecutors when absent (see {@link profileOf}). */
  readonly profile?: OperationProfile;
  /**
   * One value per property, shared by its runs' contexts: what the catalogue remembers across a
   * property's runs is keyed by it (sampled-walk.ts), so that a property's calls never hang on another
   * property's timing. Absent: the run's bounds stand in.
   */
  readonly property?: object;
}

/** The operation a check or a scenario is about: its context's profile, ListExecutors when it names none. */
export function profileOf(ctx: { readonly profile?: OperationProfile }): OperationProfile {
  return ctx.profile ?? LIST_EXECUTORS;
}

/** Fresh, zeroed counters. */
export function emptyStats(): CheckStats {
  return { executorsSeen: 0, okCalls: 0, errorCalls: 0, vacuousRuns: 0, runs: 0, boundary: 0, boundarySkipped: 0, retries: 0, flaky: 0, errorNamedByCode: 0, errorNamedByHeader: 0 };
}
