/**
 * What the engine takes of a run's options, its defaults (stated here once: the CLI's help and
 * `verify()` read them from here), and the settings a property runs with: the options with the
 * defaults filled in, the deadline turned from a duration into the moment it falls, and the listeners
 * heard as one.
 */
import type { Mode, RunListener } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import type { Target } from '../../targets/target.js';
import type { WalkBounds } from '../catalogue/context.js';
import type { Pool } from './pool.js';
import type { CallShare } from './call-budget.js';
import { fanOut } from './run-listeners.js';

/** The options of a run that the engine reads; other members of the value it is given pass through untouched. */
export interface EngineOptions {
  target: Target;
  mode: Mode;
  /** Observational mode: the sessions to read (the parents of the operations listed per session). @defaultValue none */
  sessions?: readonly string[];
  /** Observational mode: the workgroups to read (the parents of ListSessions). @defaultValue none */
  workgroups?: readonly string[];
  /** The operation whose laws are checked (with `operations` absent). @defaultValue ListExecutors */
  profile?: OperationProfile;
  /**
   * The operations whose laws are checked, in this order, in one run: one deadline, one pool, one
   * concurrency across all their properties. @defaultValue `[profile]`
   */
  operations?: readonly OperationProfile[];
  /** Runs per property. @defaultValue 100 */
  runs?: number;
  seed: number;
  /** fast-check path of a counterexample to replay (with one property selected). */
  path?: string;
  /** `{ index: 1..count, count }`: run only this shard's share of the runs. */
  shard?: { index: number; count: number };
  /** @defaultValue 10000 pages and 60000 ms a walk */
  bounds?: Partial<WalkBounds>;
  /**
   * Milliseconds the whole run may take. The properties start in catalogue order, at most
   * `concurrency` at once, and each may use the time left shared among the properties left as they
   * run side by side (with `concurrency` 1: the time left divided by the properties left; all of it
   * once no more properties are left than run at once). A property still running at the end of its
   * share stops, with a warning, and one that finished no run is inconclusive. @defaultValue 600000
   */
  deadlineMs?: number;
  /**
   * Milliseconds spent shrinking one failure. Each shrink step re-runs the check against the target,
   * and a target that answers slowly (or times out) would otherwise make shrinking look like a hang.
   * @defaultValue 30000
   */
  shrinkBudgetMs?: number;
  /**
   * Checks in flight at once, across properties and runs (a positive integer): the size of the one
   * pool every run is checked in, and the number of properties that run side by side. The verdicts,
   * counterexamples and paths of a seed do not depend on it, and listeners hear the properties in
   * catalogue order. @defaultValue 1
   */
  concurrency?: number;
  /**
   * List calls the whole run may make (calls of the operations checked, shrink steps included;
   * seeding is no list call and is not counted). Each property gets a share as it starts, as with
   * the deadline: the calls left that no running property holds, divided by the properties left. A
   * property whose share is spent stops, with a `budget` warning; a run refused a call mid-check is
   * left out (no verdict), and one that finished no run is inconclusive. @defaultValue none: unbounded
   */
  maxCalls?: number;
  /** Told of every property starting and ending and of every run done, in this order. */
  listeners?: readonly RunListener[];
  /** One more listener, told after `listeners` (the single listener `verify()` and library users pass). */
  listener?: RunListener;
}

/** What {@link EngineOptions} leaves to its defaults. */
type Defaults = Required<Pick<EngineOptions, 'runs' | 'deadlineMs' | 'shrinkBudgetMs' | 'concurrency'>> & { bounds: WalkBounds };

/** The defaults of {@link EngineOptions}, each stated once. */
export const RUN_DEFAULTS: Readonly<Defaults> = {
  runs: 100,
  deadlineMs: 600_000,
  shrinkBudgetMs: 30_000,
  concurrency: 1,
  bounds: { maxPages: 10_000, maxWalkMs: 60_000 },
};

/** What running one property needs: the run's options with their defaults filled in. */
export interface RunSettings {
  target: Target;
  mode: Mode;
  /** Observational mode: the parents of the property's operation to read (sessions, or workgroups for ListSessions). */
  sessions: readonly string[];
  /** The operation checked: ListExecutors when absent. */
  profile?: OperationProfile;
  runs: number;
  seed: number;
  /** fast-check path of a counterexample to replay. */
  path?: string;
  shard?: { index: number; count: number };
  bounds: WalkBounds;
  /** The `performance.now()` by which the whole run must stop: its start plus `deadlineMs`. */
  deadline: number;
  shrinkBudgetMs: number;
  /** Told of every run done (the scheduler tells it of properties starting and ending). */
  listener: RunListener;
  /** The pool the property's runs are checked in, shared with the run's other properties. @defaultValue a pool of one */
  pool?: Pool;
  /** The property's share of the run's call budget, on which its list calls are counted. @defaultValue none: calls neither counted nor bounded */
  share?: CallShare;
}

/** The settings of a whole run: every property's, with the run's concurrency and its listeners as one, and the parents of every kind. */
export type RunWideSettings = RunSettings & Defaults & { listener: Required<RunListener>; workgroups: readonly string[]; maxCalls?: number };

/** The observational parents `settings` give `profile`'s operation: by the kind its seeding route names (`workgroups`, else sessions). */
export function parentsFor(settings: { readonly sessions: readonly string[]; readonly workgroups: readonly string[] }, profile: OperationProfile): readonly string[] {
  return profile.parent.route === 'workgroups' ? settings.workgroups : settings.sessions;
}

/** The operations a run checks: `operations`, else `profile` alone, else ListExecutors. */
export function runOperations(options: Pick<EngineOptions, 'operations' | 'profile'>): readonly OperationProfile[] {
  return options.operations?.length ? options.operations : [options.profile ?? LIST_EXECUTORS];
}

/** `options` without the members that are undefined, so that spreading it keeps the defaults beneath. */
function given<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The settings of a run starting now with `options`: the same value with its defaults filled in, the
 * deadline as a moment and the listeners as one. Whatever else `options` carries (what a report
 * needs) stays on it, for whoever reads the settings back.
 */
export function runSettings<O extends EngineOptions>(options: O): O & RunWideSettings {
  // Only undefined members are left out of `given`: the required ones of O are all there.
  const filled = { ...RUN_DEFAULTS, ...given(options) } as O & Defaults;
  return {
    ...filled,
    sessions: options.sessions ?? [],
    workgroups: options.workgroups ?? [],
    bounds: { ...RUN_DEFAULTS.bounds, ...given(options.bounds ?? {}) },
    deadline: performance.now() + filled.deadlineMs,
    listener: fanOut([...(options.listeners ?? []), ...(options.listener ? [options.listener] : [])]),
  };
}
