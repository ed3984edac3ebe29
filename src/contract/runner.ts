/**
 * Runs the catalogue against a target with fast-check: per property a seed derived from the run's
 * seed, `runs` scenarios, shrinking of the first failure, and the verdict as a {@link PropertyReport}.
 */
import fc from 'fast-check';
import { createRedactor, environmentCredentials, type Redactor } from '../wire/redact.js';
import { SeedingError } from '../targets/seeding.js';
import { TransportError } from '../targets/send.js';
import type { Target } from '../targets/target.js';
import type { Exchange } from '../wire/exchange.js';
import { awsCliCommand } from './aws-cli.js';
import { catalogue } from './catalogue.js';
import { emptyStats, type CheckContext, type WalkBounds } from './context.js';
import { FatalRunError } from '../common/errors.js';
import type { RunListener, CheckStats, Mode, Counterexample, PropertyReport, Report, ReplayCommand } from '../common/results.js';
import type { ContractProperty } from './property.js';
import { summarize } from './report.js';
import { propertySeed, shardOf } from './seeds.js';
import { ContractViolation } from './violation.js';

/** Options of {@link runContract}. */
export interface RunOptions {
  target: Target;
  mode: Mode;
  /** Observational mode: the sessions to read. */
  sessions?: readonly string[];
  /** Runs per property. @defaultValue 100 */
  runs?: number;
  seed: number;
  /** Only these properties (all when absent). */
  only?: readonly string[];
  /** fast-check path of a counterexample to replay (with one property in `only`). */
  path?: string;
  /** `{ index: 1..count, count }`: run only this shard's share of the runs. */
  shard?: { index: number; count: number };
  bounds?: Partial<WalkBounds>;
  /** Milliseconds the whole run may take; a property still running then stops, with a warning. @defaultValue 600000 */
  deadlineMs?: number;
  /**
   * Milliseconds spent shrinking one failure. Each shrink step re-runs the check against the target,
   * and a target that answers slowly (or times out) would otherwise make shrinking look like a hang.
   * @defaultValue 30000
   */
  shrinkBudgetMs?: number;
  /** Renders the command that replays a counterexample (none when absent). */
  replayCommand?: ReplayCommand;
  /**
   * Redacts the exchanges a report keeps: reports are uploaded as CI artifacts, and a signed request
   * carries the access key id and, with temporary credentials, the session token.
   * @defaultValue the recording rules, with the environment's credentials
   */
  redactor?: Redactor;
  listener?: RunListener;
}

function lastListExchange(exchanges: Exchange[]): number | null {
  for (let i = exchanges.length - 1; i >= 0; i--)
    if (exchanges[i].request.method === 'POST' && (exchanges[i].request.headers['x-amz-target'] ?? '').endsWith('.ListExecutors')) return i;
  return null;
}

/** The vacuity warnings of property `id` for its counters (as text, until reports carry typed warnings). */
export function vacuityWarnings(id: string, stats: CheckStats): string[] {
  const property = (catalogue as readonly ContractProperty[]).find((p) => p.id === id);
  return property ? property.vacuity(stats).map((w) => w.message) : [];
}

async function runProperty(property: ContractProperty, options: Required<Pick<RunOptions, 'runs' | 'seed'>> & RunOptions, bounds: WalkBounds, deadline: number): Promise<PropertyReport> {
  const started = performance.now();
  const stats = emptyStats();
  const base = { id: property.id, law: property.law, counterexample: null, replay: null, warnings: [] as string[], checks: stats };
  if (!property.modes.includes(options.mode))
    return { ...base, status: 'skipped', runs: 0, durationMs: 0, reason: property.skipReason ?? `does not run in ${options.mode} mode` };
  const exchanges: Exchange[] = [];
  const unsubscribe = options.target.onExchange((e) => exchanges.push(e));
  const ctx: CheckContext = { target: options.target, mode: options.mode, sessions: options.sessions ?? [], bounds, stats, exchanges };
  const seed = propertySeed(options.seed, property.id);
  let runIndex = 0;
  let failing = false;
  let failedAt = 0;
  let shrinkCut = false;
  let fatal: Error | undefined;
  const shrinkBudgetMs = options.shrinkBudgetMs ?? 30_000;
  const predicate = async (scenario: unknown): Promise<void> => {
    // After a fatal error every further call passes at once, so that fast-check stops without shrinking;
    // past the shrink budget likewise, keeping the smallest counterexample found so far.
    if (fatal) return;
    if (failing && performance.now() - failedAt > shrinkBudgetMs) {
      shrinkCut = true;
      return;
    }
    const index = runIndex++;
    if (options.shard && !failing && !options.path && shardOf(options.seed, property.id, index, options.shard.count) !== options.shard.index - 1) return;
    exchanges.length = 0;
    if (!failing) stats.runs++;
    try {
      await property.check(scenario, ctx);
    } catch (e) {
      // Seeding that stops working, or a target gone, makes every later verdict meaningless.
      if (e instanceof SeedingError || e instanceof TransportError) {
        fatal = e;
        return;
      }
      const violation = e instanceof ContractViolation ? e : new ContractViolation(`the check threw ${(e as Error).name}: ${(e as Error).message}`);
      violation.exchanges = [...exchanges];
      if (!failing) failedAt = performance.now();
      failing = true;
      throw violation;
    } finally {
      if (!failing) options.listener?.runDone?.(property.id, stats.runs, options.runs);
    }
  };
  const details = await fc.check(fc.asyncProperty(property.scenario({ mode: options.mode, sessions: options.sessions ?? [] }), predicate), {
    seed,
    numRuns: options.runs,
    ...(options.path ? { path: options.path, endOnFailure: true } : {}),
    interruptAfterTimeLimit: Math.max(1, deadline - performance.now()),
    markInterruptAsFailure: false,
  });
  unsubscribe();
  if (fatal) throw new FatalRunError(fatal.message);
  const durationMs = Math.round(performance.now() - started);
  // fast-check reports a run interrupted before any check as failed, with no counterexample: that is
  // the deadline's doing, not the target's.
  if (!details.failed || details.counterexample === null) {
    const warnings = property.vacuity(stats).map((w) => w.message);
    if (details.interrupted) warnings.push(`interrupted by the run's deadline after ${stats.runs} of ${options.runs} runs`);
    return { ...base, status: 'passed', runs: stats.runs, durationMs, warnings };
  }
  const violation = details.errorInstance instanceof ContractViolation ? details.errorInstance : new ContractViolation(String(details.errorInstance));
  const culprit = lastListExchange(violation.exchanges);
  const redactor = options.redactor ?? createRedactor({ credentials: environmentCredentials() });
  const counterexample: Counterexample = {
    message: violation.message,
    scenario: details.counterexample?.[0],
    exchanges: violation.exchanges.map((e) => redactor.exchange(e)),
    failingExchange: culprit,
    awsCli: culprit !== null ? awsCliCommand(redactor.text(violation.exchanges[culprit].request.body), options.target.kind === 'emulator' ? 'http://127.0.0.1:4566' : options.target.endpoint, options.target.region) : undefined,
    seed: options.seed,
    path: details.counterexamplePath ?? '',
  };
  const replay = options.replayCommand?.({ id: property.id, seed: options.seed, path: counterexample.path }) ?? null;
  const warnings = shrinkCut ? [`shrinking stopped after ${Math.round(shrinkBudgetMs / 1000)} s: the counterexample is the smallest found by then`] : [];
  return { ...base, status: 'failed', runs: stats.runs, durationMs, counterexample, replay, warnings };
}

/** Runs the selected properties in catalogue order and resolves to the report. */
export async function runContract(options: RunOptions): Promise<Report> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const runs = options.runs ?? 100;
  const bounds: WalkBounds = { maxPages: options.bounds?.maxPages ?? 10_000, maxWalkMs: options.bounds?.maxWalkMs ?? 60_000 };
  const deadline = performance.now() + (options.deadlineMs ?? 600_000);
  const selected = catalogue.filter((p) => !options.only || options.only.includes(p.id)) as readonly ContractProperty[];
  const properties: PropertyReport[] = [];
  for (const [i, property] of selected.entries()) {
    options.listener?.propertyStart?.(property.id, i, selected.length);
    const report = await runProperty(property, { ...options, runs }, bounds, deadline);
    properties.push(report);
    options.listener?.propertyEnd?.(report);
  }
  return {
    mode: options.mode,
    target: options.target.description,
    seed: options.seed,
    runs,
    properties,
    ...summarize(properties),
    ...(options.shard ? { shard: options.shard } : {}),
    startedAt,
    durationMs: Math.round(performance.now() - started),
  };
}
