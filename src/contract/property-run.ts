/**
 * Runs one property's checks with fast-check and returns what happened as data (fast-check's
 * `RunDetails`, narrowed to what a report needs): the counters, the shrunk failure, and whether the
 * deadline or the shrink budget cut the run short. Nothing here redacts or formats.
 */
import fc, { type RunDetails } from 'fast-check';
import { FatalRunError } from '../common/errors.js';
import type { CheckStats, Mode, RunListener } from '../common/results.js';
import { SeedingError } from '../targets/seeding.js';
import { TransportError } from '../targets/send.js';
import type { Target } from '../targets/target.js';
import type { Exchange } from '../wire/exchange.js';
import { emptyStats, type CheckContext, type WalkBounds } from './context.js';
import type { ContractProperty } from './property.js';
import { propertySeed, shardOf } from './seeds.js';
import { ContractViolation } from './violation.js';

/** What running one property needs: the run's options with their defaults filled in. */
export interface RunSettings {
  target: Target;
  mode: Mode;
  sessions: readonly string[];
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
}

/** The outcome of one property's checks, before any formatting. */
export interface PropertyRun {
  stats: CheckStats;
  durationMs: number;
  /** The broken law, shrunk: the violation (with its run's exchanges), the scenario and fast-check's path. */
  failure: { violation: ContractViolation; scenario: unknown; path: string } | null;
  /** The deadline stopped the property before all its runs. */
  interrupted: boolean;
  /** Shrinking stopped at the budget: the counterexample is the smallest found by then. */
  shrinkCut: boolean;
}

/** What the predicate remembers across fast-check's calls. */
interface Progress {
  runIndex: number;
  /** When the first failure happened; from then on every call is a shrink step. */
  failedAt: number | null;
  shrinkCut: boolean;
  fatal: Error | null;
}

/** Whether run `index` is another shard's (shrinking, and a path's replay, run in the shard that failed). */
function otherShard(settings: RunSettings, id: string, index: number, failing: boolean): boolean {
  const { shard } = settings;
  return !!shard && !failing && !settings.path && shardOf(settings.seed, id, index, shard.count) !== shard.index - 1;
}

/** What a check threw as a violation that keeps the exchanges of its run. */
function asViolation(e: unknown, exchanges: readonly Exchange[]): ContractViolation {
  const violation = e instanceof ContractViolation ? e : new ContractViolation(`the check threw ${(e as Error).name}: ${(e as Error).message}`);
  violation.exchanges = [...exchanges];
  return violation;
}

function predicateFor(property: ContractProperty, ctx: CheckContext, settings: RunSettings, progress: Progress): (scenario: unknown) => Promise<void> {
  return async (scenario) => {
    // After a fatal error every further call passes at once, so that fast-check stops without shrinking;
    // past the shrink budget likewise, keeping the smallest counterexample found so far.
    if (progress.fatal) return;
    if (progress.failedAt !== null && performance.now() - progress.failedAt > settings.shrinkBudgetMs) {
      progress.shrinkCut = true;
      return;
    }
    const index = progress.runIndex++;
    if (otherShard(settings, property.id, index, progress.failedAt !== null)) return;
    ctx.exchanges.length = 0;
    if (progress.failedAt === null) ctx.stats.runs++;
    try {
      await property.check(scenario, ctx);
    } catch (e) {
      // Seeding that stops working, or a target gone, makes every later verdict meaningless.
      if (e instanceof SeedingError || e instanceof TransportError) {
        progress.fatal = e;
        return;
      }
      progress.failedAt ??= performance.now();
      throw asViolation(e, ctx.exchanges);
    } finally {
      if (progress.failedAt === null) settings.listener.runDone?.(property.id, ctx.stats.runs, settings.runs);
    }
  };
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
 * Runs `property` on `settings.runs` scenarios from its own seed, shrinking the first failure.
 * Throws a FatalRunError when seeding stops working or the target is gone.
 */
export async function runProperty(property: ContractProperty, settings: RunSettings): Promise<PropertyRun> {
  const started = performance.now();
  const ctx: CheckContext = { target: settings.target, mode: settings.mode, sessions: settings.sessions, bounds: settings.bounds, stats: emptyStats(), exchanges: [] };
  const progress: Progress = { runIndex: 0, failedAt: null, shrinkCut: false, fatal: null };
  const unsubscribe = settings.target.onExchange((e) => ctx.exchanges.push(e));
  let details: RunDetails<[unknown]>;
  try {
    details = await fc.check(fc.asyncProperty(property.scenario({ mode: settings.mode, sessions: settings.sessions }), predicateFor(property, ctx, settings, progress)), {
      seed: propertySeed(settings.seed, property.id),
      numRuns: settings.runs,
      ...(settings.path ? { path: settings.path, endOnFailure: true } : {}),
      interruptAfterTimeLimit: Math.max(1, settings.deadline - performance.now()),
      markInterruptAsFailure: false,
    });
  } finally {
    unsubscribe();
  }
  if (progress.fatal) throw new FatalRunError(progress.fatal.message);
  return { stats: ctx.stats, durationMs: Math.round(performance.now() - started), failure: failureOf(details), interrupted: details.interrupted, shrinkCut: progress.shrinkCut };
}
