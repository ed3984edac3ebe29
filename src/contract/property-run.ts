/**
 * Runs one property's checks with fast-check and returns what happened as data (fast-check's
 * `RunDetails`, narrowed to what a report needs): the counters, the shrunk failure, whether the
 * deadline or the shrink budget cut the run short, and why a check could reach no verdict. Nothing
 * here redacts or formats.
 */
import fc, { type RunDetails } from 'fast-check';
import { FatalRunError, InconclusiveError } from '../common/errors.js';
import type { CheckStats, Mode, RunListener } from '../common/results.js';
import { SeedingError } from '../targets/seeding.js';
import { TransportError } from '../targets/send.js';
import type { Target } from '../targets/target.js';
import type { Exchange } from '../wire/exchange.js';
import { boundaryExamples, countRun, withBoundaryCases } from './boundary/phase.js';
import { emptyStats, type CheckContext, type WalkBounds } from './context.js';
import { coverageFor } from './coverage/index.js';
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
  /** Milliseconds the property was given: its share of the time left to the run's deadline. */
  shareMs: number;
  /** Shrinking stopped at the budget: the counterexample is the smallest found by then. */
  shrinkCut: boolean;
  /** The failure is that of a run that finished after the property's share of the deadline: it is not shrunk. */
  unshrunk: boolean;
  /** Why a check could reach no verdict (an {@link InconclusiveError}'s message): it stopped the property there. */
  noVerdict: string | null;
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
  /** How many boundary cases run before the random runs. */
  boundaryCases: number;
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

/**
 * Whether `e` stops the property instead of failing it: seeding that stops working or a target gone
 * (every later verdict meaningless: fatal for the run), or a check that could reach no verdict.
 */
function stops(e: unknown, progress: Progress): boolean {
  if (e instanceof SeedingError || e instanceof TransportError) progress.fatal ??= e;
  else if (e instanceof InconclusiveError) progress.noVerdict ??= e;
  else return false;
  return true;
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
    await property.check(run.scenario, ctx);
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
 * Runs `property` on `settings.runs` scenarios from its own seed, shrinking the first failure, until
 * `until` (a `performance.now()`: its share of the run's deadline). Throws a FatalRunError when
 * seeding stops working or the target is gone.
 */
export async function runProperty(property: ContractProperty, settings: RunSettings, until = settings.deadline): Promise<PropertyRun> {
  const started = performance.now();
  const ctx: CheckContext = { target: settings.target, mode: settings.mode, sessions: settings.sessions, bounds: settings.bounds, stats: emptyStats(), exchanges: [], coverage: coverageFor(settings, property.id) };
  const sc = { mode: settings.mode, sessions: settings.sessions };
  const examples = boundaryExamples(property, sc);
  const progress: Progress = { runIndex: 0, failedAt: null, shrinkCut: false, fatal: null, noVerdict: null, inFlight: null, closed: false, late: null, boundaryCases: examples.length };
  const unsubscribe = settings.target.onExchange((e) => ctx.exchanges.push(e));
  const shareMs = Math.max(1, until - started);
  let details: RunDetails<[unknown]>;
  try {
    details = await fc.check(fc.asyncProperty(withBoundaryCases(property.scenario(sc), examples), predicateFor(property, ctx, settings, progress)), {
      seed: propertySeed(settings.seed, property.id),
      numRuns: settings.runs + examples.length,
      examples,
      ...(settings.path ? { path: settings.path, endOnFailure: true } : {}),
      interruptAfterTimeLimit: shareMs,
      markInterruptAsFailure: false,
    });
    progress.closed = true;
    await settled(progress.inFlight, settings.deadline);
  } finally {
    progress.closed = true;
    unsubscribe();
  }
  if (progress.fatal) throw new FatalRunError(progress.fatal.message);
  const failure = failureOf(details);
  const outcome = { failure: failure ?? progress.late, unshrunk: !failure && !!progress.late, shrinkCut: progress.shrinkCut, noVerdict: progress.noVerdict?.message ?? null };
  return { stats: { ...ctx.stats }, durationMs: Math.round(performance.now() - started), interrupted: details.interrupted, shareMs, ...outcome };
}
