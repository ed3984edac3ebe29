/**
 * fast-check's own loop, from a path: where `--path` replays a counterexample, and where the pool's
 * first failure is shrunk (fast-check replays the draw from that run's index, its check throwing the
 * failure again without a call, and shrinks as it would with one run at a time). It runs alone in the
 * pool: fast-check calls one check at a time, and a shrink budget is time, which other runs would eat.
 */
import fc, { type RunDetails } from 'fast-check';
import { FatalRunError } from '../../common/errors.js';
import type { CheckStats } from '../../common/results.js';
import type { CheckContext } from '../catalogue/context.js';
import type { ContractProperty } from '../catalogue/property.js';
import { ContractViolation } from '../catalogue/violation.js';
import { countRun } from './boundary-phase.js';
import type { Draw } from './draw.js';
import { alone, settled, type Pool } from './pool.js';
import { guarded, type Stop } from './run-outcome.js';
import { gated } from './call-budget.js';
import { otherShard, propertyKey } from './seeds.js';
import type { RunSettings } from './settings.js';

/** The broken law, as a report takes it: the violation (with its run's exchanges), the scenario and fast-check's path. */
export interface Failure {
  violation: ContractViolation;
  scenario: unknown;
  path: string;
}

/** What fast-check's loop found: the counters, the (shrunk) failure, and why it stopped early if it did. */
export interface LoopOutcome {
  stats: CheckStats;
  /** The share ended before fast-check was done. */
  interrupted: boolean;
  failure: Failure | null;
  /** The failure is that of a run that finished after fast-check had returned (or the pool's, unshrunk). */
  unshrunk: boolean;
  /** Shrinking stopped at the budget. */
  shrinkCut: boolean;
  /** Why a check could reach no verdict: it stopped fast-check there. */
  noVerdict: string | null;
  durations: number[];
  /** The property's share of the call budget ended before fast-check was done: a check refused a call, or none was left. */
  budgetCut: boolean;
}

/** What fast-check's loop runs on: the property's draw, the context of its checks, the end of its share, and its pool. */
export interface Loop {
  draw: Draw;
  ctx: CheckContext;
  until: number;
  pool: Pool;
}

/** What the predicate remembers across fast-check's calls. */
interface Progress {
  runIndex: number;
  /** When the first failure happened; from then on every call is a shrink step. */
  failedAt: number | null;
  shrinkCut: boolean;
  fatal: Error | null;
  noVerdict: Error | null;
  /** The check under way: one that fast-check abandoned at the deadline is let finish before the next property. */
  inFlight: Promise<void> | null;
  /** fast-check has returned: a check still running was abandoned by it. */
  closed: boolean;
  /** The failure of an abandoned run, which fast-check never saw. */
  late: Failure | null;
  /** The failure the pool already saw, where shrinking starts: fast-check's replay of its run gets it at once, with no call. */
  known: ContractViolation | null;
  /** Where the checks' exchange durations go. */
  durations: number[];
  /** How many boundary cases run before the random runs. */
  boundaryCases: number;
  /** The share of the call budget is spent: every further call passes at once, as past the shrink budget. */
  budgetOut: boolean;
}

function freshProgress(draw: Draw): Progress {
  return { runIndex: 0, failedAt: null, shrinkCut: false, fatal: null, noVerdict: null, inFlight: null, closed: false, late: null, known: null, durations: [], boundaryCases: draw.cases, budgetOut: false };
}

/** Remembers what stopped the property (the first stop of each kind). */
function remember(stop: Stop, progress: Progress): void {
  if (stop.kind === 'fatal') progress.fatal ??= stop.error;
  else progress.noVerdict ??= stop.error;
}

/**
 * Run `index` of the check, on `scenario`: counted unless a check stopped the property. A run that
 * fast-check abandoned at the end of the share still counts when it finishes, and its failure is kept
 * (unshrunk: fast-check has returned) rather than lost.
 */
async function checkOnce(property: ContractProperty, settings: RunSettings, loop: Loop, progress: Progress, run: { scenario: unknown; index: number }): Promise<void> {
  const gate = settings.share ? gated(loop.ctx.target, settings.share) : undefined;
  const ctx = gate ? { ...loop.ctx, target: gate.target } : loop.ctx;
  ctx.exchanges.length = 0;
  const counts = progress.failedAt === null;
  const scope = { property: property.id, run: run.index, exchanges: ctx.exchanges, durations: progress.durations };
  const end = await guarded(property, ctx, loop.pool, { scenario: run.scenario, scope });
  if (end.stop) return remember(end.stop, progress);
  // A check refused a call judged a walk the budget cut short: no verdict, neither a pass counted nor a failure.
  if (gate && gate.refused > 0) {
    progress.budgetOut = true;
    return;
  }
  if (counts && countRun(ctx.stats, { index: run.index, path: settings.path }, progress.boundaryCases)) settings.listener.runDone?.(property.id, ctx.stats.runs, settings.runs, settings.profile?.operation);
  if (!end.failure) return;
  if (progress.closed) {
    progress.late ??= { violation: end.failure, scenario: run.scenario, path: settings.path ?? String(run.index) };
    return;
  }
  progress.failedAt ??= performance.now();
  throw end.failure;
}

function predicateFor(property: ContractProperty, settings: RunSettings, loop: Loop, progress: Progress): (scenario: unknown) => Promise<void> {
  return async (scenario) => {
    // After a check that stopped the property every further call passes at once, so that fast-check
    // stops without shrinking; past the shrink budget likewise, keeping the smallest counterexample so far.
    if (progress.fatal || progress.noVerdict || progress.budgetOut) return;
    if (progress.known) {
      const known = progress.known;
      progress.known = null;
      throw known;
    }
    if (settings.share && settings.share.left === 0) {
      progress.budgetOut = true;
      return;
    }
    if (progress.failedAt !== null && performance.now() - progress.failedAt > settings.shrinkBudgetMs) {
      progress.shrinkCut = true;
      // fast-check's own stop: it ends the shrinking here and reports the smallest failure so far. A pass would have it
      // try every other candidate of the level instead (thousands for a large population, each drawn and mapped anew).
      throw new fc.PreconditionFailure(true);
    }
    const index = progress.runIndex++;
    if (otherShard(settings, propertyKey(property.id, settings.profile?.operation), index, progress.failedAt !== null)) return;
    const run = checkOnce(property, settings, loop, progress, { scenario, index });
    progress.inFlight = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

/** The shrunk failure of fast-check's details, if there is one. */
function failureOf(details: RunDetails<[unknown]>): Failure | null {
  // fast-check reports a run interrupted before any check as failed, with no counterexample: that is
  // the deadline's doing, not the target's.
  if (!details.failed || details.counterexample === null) return null;
  const violation = details.errorInstance instanceof ContractViolation ? details.errorInstance : new ContractViolation(String(details.errorInstance));
  return { violation, scenario: details.counterexample[0], path: details.counterexamplePath ?? '' };
}

/**
 * fast-check checking `property` from `path` until the share ends, alone in the pool; a check it
 * abandoned is let finish, up to the deadline. With `endOnFailure` it replays without shrinking.
 */
async function fromPath(property: ContractProperty, settings: RunSettings, loop: Loop, progress: Progress, extra: { path: string; endOnFailure?: boolean }): Promise<LoopOutcome> {
  const { draw, ctx, until } = loop;
  const details = await alone(loop.pool, settings.deadline, async () => {
    // A shrink budget starts with the shrinking, not with the wait for the pool to empty.
    if (progress.failedAt !== null) progress.failedAt = performance.now();
    try {
      const checked = await fc.check(fc.asyncProperty(draw.arbitrary, predicateFor(property, settings, loop, progress)), {
        ...draw.options,
        ...extra,
        interruptAfterTimeLimit: Math.max(1, until - performance.now()),
        markInterruptAsFailure: false,
      });
      progress.closed = true;
      await settled(progress.inFlight ? [progress.inFlight] : [], settings.deadline);
      return checked;
    } finally {
      progress.closed = true;
    }
  });
  if (progress.fatal) throw new FatalRunError(progress.fatal.message);
  const failure = failureOf(details);
  // A copy: a check abandoned at the deadline may still count on the context after this.
  // Stopped at the end of the shrink budget (above) is not interrupted by the deadline.
  return { stats: { ...ctx.stats }, interrupted: details.interrupted && !progress.shrinkCut, failure: failure ?? progress.late, unshrunk: !failure && !!progress.late, shrinkCut: progress.shrinkCut, noVerdict: progress.noVerdict?.message ?? null, durations: progress.durations, budgetCut: progress.budgetOut };
}

/** Replays fast-check's `path` of a counterexample: the runs it names, one at a time, without shrinking. */
export function replayPath(property: ContractProperty, settings: RunSettings, loop: Loop, path: string): Promise<LoopOutcome> {
  return fromPath(property, settings, loop, freshProgress(loop.draw), { path, endOnFailure: true });
}

/**
 * Shrinks the pool's first failure, run `first.index`, in `loop.ctx` (fresh counters); its shrink
 * steps come after every run (their scopes' indices follow `settings.runs`). Where shrinking finds
 * nothing (the share ended first), the failure stands as it was, unshrunk.
 */
export async function shrinkFrom(property: ContractProperty, settings: RunSettings, loop: Loop, first: { index: number; scenario: unknown; failure: ContractViolation }, durations: number[]): Promise<LoopOutcome> {
  const progress: Progress = { ...freshProgress(loop.draw), runIndex: settings.runs, failedAt: performance.now(), known: first.failure, durations };
  const outcome = await fromPath(property, settings, loop, progress, { path: String(first.index) });
  return outcome.failure ? outcome : { ...outcome, failure: { violation: first.failure, scenario: first.scenario, path: String(first.index) }, unshrunk: true };
}
