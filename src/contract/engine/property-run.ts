/**
 * Runs one property's checks with fast-check and returns what happened as data (fast-check's
 * `RunDetails`, narrowed to what a report needs): the counters, the shrunk failure, whether the
 * deadline or the shrink budget cut the run short, and why a check could reach no verdict. Nothing
 * here redacts or formats.
 */
import fc, { type RunDetails } from 'fast-check';
import { FatalRunError, InconclusiveError } from '../../common/errors.js';
import type { CheckStats, Mode, RunListener } from '../../common/results.js';
import { attachScopes, inScope } from '../../targets/exchange-scope.js';
import type { Target } from '../../targets/target.js';
import { boundaryExamples, countRun, withBoundaryCases } from './boundary-phase.js';
import { addStats, asViolation, stopKind } from './run-outcome.js';
import { emptyStats, type CheckContext, type WalkBounds } from '../catalogue/context.js';
import { coverageFor } from '../coverage/index.js';
import { alone, Slots, withSessionLocks, type Pool } from './pool.js';
import { runPooled, statsOf, type PooledRun } from './pooled-runs.js';
import { streamScenarios } from './scenario-stream.js';
import type { ContractProperty } from '../catalogue/property.js';
import { propertySeed, shardOf } from './seeds.js';
import { ContractViolation } from '../catalogue/violation.js';
import type { OperationProfile } from '../../profiles/index.js';

/** What running one property needs: the run's options with their defaults filled in. */
export interface RunSettings {
  target: Target;
  mode: Mode;
  sessions: readonly string[];
  /** The operation checked: ListExecutors when absent. */
  profile?: OperationProfile;
  runs: number;
  seed: number;
  /** fast-check path of a counterexample to replay. */
  path?: string;
  shard?: { index: number; count: number };
  bounds: WalkBounds;
  /** The `performance.now()` by which the whole run must stop. */
  deadline: number;
  shrinkBudgetMs: number;
  /** Told of every run done (the runner tells it of properties starting and ending). */
  listener: RunListener;
  /**
   * Runs in flight at once share this pool: a property's runs are then checked several at a time
   * (pooled-runs.ts) and its shrinking holds a slot. Absent: one run at a time, as fast-check calls them.
   */
  pool?: Pool;
}

/** The outcome of one property's checks, before any formatting. */
export interface PropertyRun {
  stats: CheckStats;
  durationMs: number;
  /** The broken law, shrunk: the violation (with its run's exchanges), the scenario and fast-check's path. */
  failure: { violation: ContractViolation; scenario: unknown; path: string } | null;
  /** The deadline stopped the property before all its runs. */
  interrupted: boolean;
  /** Milliseconds the property was given: its share of the time left to the run's deadline. */
  shareMs: number;
  /** Shrinking stopped at the budget: the counterexample is the smallest found by then. */
  shrinkCut: boolean;
  /** The failure is that of a run that finished after the property's share of the deadline: it is not shrunk. */
  unshrunk: boolean;
  /** Why a check could reach no verdict (an {@link InconclusiveError}'s message): it stopped the property there. */
  noVerdict: string | null;
  /** Milliseconds the target took to answer each call the property made, seeding and shrinking included. */
  durations?: number[];
}

/** What the predicate remembers across fast-check's calls. */
interface Progress {
  runIndex: number;
  /** When the first failure happened; from then on every call is a shrink step. */
  failedAt: number | null;
  shrinkCut: boolean;
  fatal: Error | null;
  noVerdict: InconclusiveError | null;
  /** The check under way: one that fast-check abandoned at the deadline is let finish before the next property. */
  inFlight: Promise<void> | null;
  /** fast-check has returned: a check still running was abandoned by it. */
  closed: boolean;
  /** The failure of an abandoned run, which fast-check never saw. */
  late: PropertyRun['failure'];
  /** The failure a pool already saw, where shrinking starts: fast-check's replay of its run gets it at once, with no call. */
  known: ContractViolation | null;
  /** Where the checks' exchange durations go. */
  durations: number[];
  /** How many boundary cases run before the random runs. */
  boundaryCases: number;
}

function freshProgress(draw: Draw): Progress {
  return { runIndex: 0, failedAt: null, shrinkCut: false, fatal: null, noVerdict: null, inFlight: null, closed: false, late: null, known: null, durations: [], boundaryCases: draw.cases };
}

/** Whether run `index` is another shard's (shrinking, and a path's replay, run in the shard that failed). */
function otherShard(settings: RunSettings, id: string, index: number, failing: boolean): boolean {
  const { shard } = settings;
  return !!shard && !failing && !settings.path && shardOf(settings.seed, id, index, shard.count) !== shard.index - 1;
}

/**
 * Whether `e` stops the property instead of failing it: seeding that stops working or a target gone
 * (every later verdict meaningless: fatal for the run), or a check that could reach no verdict.
 */
function stops(e: unknown, progress: Progress): boolean {
  const kind = stopKind(e);
  if (kind === 'fatal') progress.fatal ??= e as Error;
  else if (kind === 'inconclusive') progress.noVerdict ??= e as InconclusiveError;
  return kind !== undefined;
}

/** Runs the check of `scenario` in the scope of run `index`, holding a slot and its sessions' locks where runs share a pool. */
async function guarded(property: ContractProperty, ctx: CheckContext, settings: RunSettings, progress: Progress, run: { scenario: unknown; index: number }): Promise<void> {
  const scope = { property: property.id, run: run.index, exchanges: ctx.exchanges, durations: progress.durations };
  const check = (): Promise<void> => inScope(scope, () => property.check(run.scenario, ctx));
  const pool = settings.pool;
  if (!pool) return check();
  const held = await pool.slots.acquire(settings.deadline);
  try {
    await withSessionLocks(pool, run.scenario, check);
  } finally {
    if (held) pool.slots.release();
  }
}

/**
 * Run `index` of the check, on `scenario`: counted unless a check stopped the property. A run that
 * fast-check abandoned at the end of the share still counts when it finishes, and its failure is kept
 * (unshrunk: fast-check has returned) rather than lost.
 */
async function checkOnce(property: ContractProperty, ctx: CheckContext, settings: RunSettings, progress: Progress, run: { scenario: unknown; index: number }): Promise<void> {
  ctx.exchanges.length = 0;
  const counts = progress.failedAt === null;
  let stopped = false;
  try {
    await guarded(property, ctx, settings, progress, run);
  } catch (e) {
    stopped = stops(e, progress);
    if (stopped) return;
    const violation = asViolation(e, ctx.exchanges);
    if (progress.closed) {
      progress.late ??= { violation, scenario: run.scenario, path: settings.path ?? String(run.index) };
      return;
    }
    progress.failedAt ??= performance.now();
    throw violation;
  } finally {
    if (counts && !stopped && countRun(ctx.stats, { index: run.index, path: settings.path }, progress.boundaryCases)) settings.listener.runDone?.(property.id, ctx.stats.runs, settings.runs);
  }
}

function predicateFor(property: ContractProperty, ctx: CheckContext, settings: RunSettings, progress: Progress): (scenario: unknown) => Promise<void> {
  return async (scenario) => {
    // After a check that stopped the property every further call passes at once, so that fast-check
    // stops without shrinking; past the shrink budget likewise, keeping the smallest counterexample so far.
    if (progress.fatal || progress.noVerdict) return;
    if (progress.known) {
      const known = progress.known;
      progress.known = null;
      throw known;
    }
    if (progress.failedAt !== null && performance.now() - progress.failedAt > settings.shrinkBudgetMs) {
      progress.shrinkCut = true;
      return;
    }
    const index = progress.runIndex++;
    if (otherShard(settings, property.id, index, progress.failedAt !== null)) return;
    const run = checkOnce(property, ctx, settings, progress, { scenario, index });
    progress.inFlight = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

/** Resolves when `run` has settled, or at `by` (a `performance.now()`) if it is still running then. */
async function settled(run: Promise<void> | null, by: number): Promise<void> {
  if (!run) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([run, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, by - performance.now()))))]);
  clearTimeout(timer);
}

/** The shrunk failure of fast-check's details, if there is one. */
function failureOf(details: RunDetails<[unknown]>): PropertyRun['failure'] {
  // fast-check reports a run interrupted before any check as failed, with no counterexample: that is
  // the deadline's doing, not the target's.
  if (!details.failed || details.counterexample === null) return null;
  const violation = details.errorInstance instanceof ContractViolation ? details.errorInstance : new ContractViolation(String(details.errorInstance));
  return { violation, scenario: details.counterexample[0], path: details.counterexamplePath ?? '' };
}

/**
 * How fast-check draws `property`'s scenarios, whoever checks them: the arbitrary, and the options (its
 * seed, and the boundary cases as examples before the random runs); `cases` counts those examples.
 */
interface Draw {
  arbitrary: fc.Arbitrary<unknown>;
  options: fc.Parameters<[unknown]>;
  cases: number;
}

/** The draw of `property` in this run: the boundary cases are computed once, as fast-check knows examples by identity. */
function drawOf(property: ContractProperty, settings: RunSettings): Draw {
  const sc = { mode: settings.mode, sessions: settings.sessions, profile: settings.profile };
  const examples = boundaryExamples(property, sc);
  return {
    arbitrary: withBoundaryCases(property.scenario(sc), examples),
    options: { seed: propertySeed(settings.seed, property.id), numRuns: settings.runs + examples.length, examples },
    cases: examples.length,
  };
}

/** The context of `property`'s checks; each pooled run gets a copy with counters and exchanges of its own (the coverage is shared). */
function contextOf(settings: RunSettings, coverage: CheckContext['coverage']): CheckContext {
  return { target: settings.target, mode: settings.mode, sessions: settings.sessions, profile: settings.profile, bounds: settings.bounds, stats: emptyStats(), exchanges: [], coverage };
}

/** fast-check checking `property` with `extra` options until `until`; a check it abandoned is let finish, up to the deadline. */
async function drive(property: ContractProperty, ctx: CheckContext, settings: RunSettings, progress: Progress, run: { draw: Draw; extra: Partial<fc.Parameters<[unknown]>> }, until: number): Promise<RunDetails<[unknown]>> {
  const { draw, extra } = run;
  try {
    const details = await fc.check(fc.asyncProperty(draw.arbitrary, predicateFor(property, ctx, settings, progress)), {
      ...draw.options,
      ...extra,
      interruptAfterTimeLimit: Math.max(1, until - performance.now()),
      markInterruptAsFailure: false,
    });
    progress.closed = true;
    await settled(progress.inFlight, settings.deadline);
    return details;
  } finally {
    progress.closed = true;
  }
}

/** What the shrinking or the runs add to the outcome, from fast-check's details and what the predicate saw. */
function outcomeOf(details: RunDetails<[unknown]>, progress: Progress): Pick<PropertyRun, 'failure' | 'unshrunk' | 'shrinkCut' | 'noVerdict' | 'durations'> {
  if (progress.fatal) throw new FatalRunError(progress.fatal.message);
  const failure = failureOf(details);
  return { failure: failure ?? progress.late, unshrunk: !failure && !!progress.late, shrinkCut: progress.shrinkCut, noVerdict: progress.noVerdict?.message ?? null, durations: progress.durations };
}

/** One run at a time, as fast-check calls them (also a path's replay). */
async function runInTurn(property: ContractProperty, settings: RunSettings, run: { draw: Draw; ctx: CheckContext }, until: number, started: number): Promise<PropertyRun> {
  const { draw, ctx } = run;
  const progress = freshProgress(draw);
  const details = await drive(property, ctx, settings, progress, { draw, extra: settings.path ? { path: settings.path, endOnFailure: true } : {} }, until);
  return { stats: { ...ctx.stats }, durationMs: Math.round(performance.now() - started), interrupted: details.interrupted, shareMs: Math.max(1, until - started), ...outcomeOf(details, progress) };
}

/**
 * Shrinks the pool's first failure alone: fast-check replays the draw from that run's index (its
 * check throws the failure again without a call) and shrinks as it would have with one run at a time.
 */
async function shrinkFrom(property: ContractProperty, settings: RunSettings, run: { draw: Draw; ctx: CheckContext; until: number }, first: PooledRun & { failure: ContractViolation }, durations: number[]): Promise<{ stats: CheckStats; interrupted: boolean } & ReturnType<typeof outcomeOf>> {
  const { draw, ctx, until } = run;
  const progress: Progress = { ...freshProgress(draw), runIndex: settings.runs, failedAt: performance.now(), known: first.failure, durations };
  // Alone in the pool, its steps on a slot of their own: as far as with one run at a time in the same budget.
  const { pool } = settings;
  const shrink = (s: RunSettings): Promise<RunDetails<[unknown]>> => {
    // The budget starts with the shrinking, not with the wait for the pool to empty.
    progress.failedAt = performance.now();
    return drive(property, ctx, s, progress, { draw, extra: { path: String(first.index) } }, until);
  };
  const details = pool ? await alone(pool, settings.deadline, () => shrink({ ...settings, pool: { ...pool, slots: new Slots(1) } })) : await shrink(settings);
  const outcome = outcomeOf(details, progress);
  if (!outcome.failure) Object.assign(outcome, { failure: { violation: first.failure, scenario: first.scenario, path: String(first.index) }, unshrunk: true });
  return { stats: ctx.stats, interrupted: details.interrupted, ...outcome };
}

/** Several runs at a time in `pool`: the scenarios drawn first, checked in a pool, the first failure then shrunk alone. */
async function runPooledProperty(property: ContractProperty, settings: RunSettings & { pool: Pool }, run: { draw: Draw; ctx: CheckContext }, until: number, started: number): Promise<PropertyRun> {
  const { draw, ctx: base } = run;
  const durations: number[] = [];
  const pool = await runPooled({
    durations,
    property,
    scenarios: streamScenarios(draw.arbitrary, draw.options),
    context: () => ({ ...base, stats: emptyStats(), exchanges: [] }),
    pool: settings.pool,
    until,
    deadline: settings.deadline,
    skip: (index) => otherShard(settings, property.id, index, false),
    // The progress line counts random runs, as with one run at a time: the boundary cases come first.
    runDone: (runs) => {
      if (runs > draw.cases) settings.listener.runDone?.(property.id, runs - draw.cases, settings.runs);
    },
  });
  const stats = statsOf(pool.runs, draw.cases);
  const first = pool.first;
  const end = (more: Partial<PropertyRun>): PropertyRun => ({ stats, durationMs: Math.round(performance.now() - started), interrupted: pool.interrupted, shareMs: Math.max(1, until - started), failure: null, shrinkCut: false, unshrunk: false, noVerdict: null, durations, ...more });
  if (first?.stop?.kind === 'fatal') throw new FatalRunError(first.stop.error.message);
  if (first?.stop) return end({ noVerdict: first.stop.error.message });
  if (!first?.failure) return end({});
  if (first.late) return end({ failure: { violation: first.failure, scenario: first.scenario, path: String(first.index) }, unshrunk: true });
  const shrunk = await shrinkFrom(property, settings, { draw, ctx: contextOf(settings, base.coverage), until }, { ...first, failure: first.failure }, durations);
  addStats(stats, { ...shrunk.stats, runs: 0, boundary: 0 });
  return end({ ...shrunk, stats, interrupted: pool.interrupted || shrunk.interrupted, durationMs: Math.round(performance.now() - started) });
}

/**
 * Runs `property` on `settings.runs` scenarios from its own seed, shrinking the first failure, until
 * `until` (a `performance.now()`: its share of the run's deadline). Throws a FatalRunError when
 * seeding stops working or the target is gone.
 */
export async function runProperty(property: ContractProperty, settings: RunSettings, until = settings.deadline): Promise<PropertyRun> {
  const started = performance.now();
  const detach = attachScopes(settings.target);
  try {
    const { pool } = settings;
    // The coverage collector is filed under the settings the report is built with: these, not a copy.
    const run = { draw: drawOf(property, settings), ctx: contextOf(settings, coverageFor(settings, property.id)) };
    return pool && !settings.path ? await runPooledProperty(property, { ...settings, pool }, run, until, started) : await runInTurn(property, settings, run, until, started);
  } finally {
    detach();
  }
}
