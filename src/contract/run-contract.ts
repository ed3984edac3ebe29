/**
 * Runs the catalogue against a target with fast-check: per property a seed derived from the run's
 * seed, `runs` scenarios, shrinking of the first failure, and the verdict as a {@link PropertyReport}.
 * Running is property-run.ts's, building the report from the run is report-builder.ts's.
 */
import type { Target } from '../targets/target.js';
import type { Redactor } from '../wire/redact.js';
import { LIST_EXECUTORS, type OperationProfile } from '../profiles/index.js';
import { catalogueFor } from './catalogue/index.js';
import type { WalkBounds } from './catalogue/context.js';
import type { RunListener, Mode, PropertyReport, Report, ReplayCommand } from '../common/results.js';
import type { ContractProperty } from './catalogue/property.js';
import { runProperty, type RunSettings } from './engine/property-run.js';
import { propertyReport, skippedReport, type ReportSettings } from './report/property-report.js';
import { summarize } from './report/summary.js';
import { fanOut, inCatalogueOrder } from './engine/run-listeners.js';
import { createPool } from './engine/pool.js';
import { latencyOf } from './engine/latency.js';

/** Options of {@link runContract}. */
export interface RunOptions {
  target: Target;
  mode: Mode;
  /** Observational mode: the sessions to read. */
  sessions?: readonly string[];
  /** The operation whose laws are checked. @defaultValue ListExecutors */
  profile?: OperationProfile;
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
  /**
   * Milliseconds the whole run may take, shared out among the properties that run (each may use the
   * time left divided by the properties left); a property still running at the end of its share
   * stops, with a warning, and one that finished no run is inconclusive. @defaultValue 600000
   */
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
  /** Told of every property starting and ending and of every run done, in this order. */
  listeners?: readonly RunListener[];
  /** One more listener, told after `listeners` (the single listener `verify()` and library users pass). */
  listener?: RunListener;
  /**
   * Checks in flight at once, across properties and runs (a positive integer). Above 1 the properties
   * run at once, sharing the whole deadline, and so do a property's runs; the verdicts, counterexamples
   * and paths of a seed are those of 1, and listeners hear the properties in catalogue order. @defaultValue 1
   */
  concurrency?: number;
}

/** The run's options with their defaults filled in: what running and reporting a property need. */
function settingsOf(options: RunOptions, listener: RunListener): RunSettings & ReportSettings {
  return {
    target: options.target,
    mode: options.mode,
    sessions: options.sessions ?? [],
    profile: options.profile,
    runs: options.runs ?? 100,
    seed: options.seed,
    path: options.path,
    shard: options.shard,
    bounds: { maxPages: options.bounds?.maxPages ?? 10_000, maxWalkMs: options.bounds?.maxWalkMs ?? 60_000 },
    deadline: performance.now() + (options.deadlineMs ?? 600_000),
    shrinkBudgetMs: options.shrinkBudgetMs ?? 30_000,
    listener,
    redactor: options.redactor,
    replayCommand: options.replayCommand,
  };
}

/**
 * When the next property must stop, with `left` properties (it included) still to run before
 * `deadline`: an equal share of the time left, so that every property gets time and one that
 * finishes early leaves the rest to those after it.
 */
function shareOf(deadline: number, left: number): number {
  const now = performance.now();
  return now + Math.max(0, deadline - now) / Math.max(1, left);
}

/** The report of one selected property: run (within its share, until `until`) or skipped in this mode. */
async function reportOf(property: ContractProperty, settings: RunSettings & ReportSettings & { durations?: number[] }, until: () => number): Promise<PropertyReport> {
  if (!property.modes.includes(settings.mode)) return skippedReport(property, settings.mode);
  const run = await runProperty(property, settings, until());
  const durations = run.durations ?? [];
  settings.durations?.push(...durations);
  return { ...propertyReport(property, run, settings), latency: latencyOf(durations) };
}

/** The properties one after another, each within an equal share of the time left. */
async function inTurn(selected: readonly ContractProperty[], settings: RunSettings & ReportSettings & { listener: Required<RunListener> }): Promise<PropertyReport[]> {
  let toRun = selected.filter((p) => p.modes.includes(settings.mode)).length;
  const properties: PropertyReport[] = [];
  for (const [i, property] of selected.entries()) {
    settings.listener.propertyStart(property.id, i, selected.length);
    const report = await reportOf(property, settings, () => shareOf(settings.deadline, toRun--));
    properties.push(report);
    settings.listener.propertyEnd(report);
  }
  return properties;
}

/** The properties at once, sharing `concurrency` slots and the whole deadline; their events in catalogue order. */
async function atOnce(selected: readonly ContractProperty[], settings: RunSettings & ReportSettings & { listener: Required<RunListener> }, concurrency: number): Promise<PropertyReport[]> {
  const ordered = inCatalogueOrder(settings.listener, selected.length);
  const pool = createPool(concurrency, settings.mode === 'seeded');
  const runs = selected.map(async (property, i) => {
    const listener = ordered.for(i);
    listener.propertyStart(property.id, i, selected.length);
    try {
      const report = await reportOf(property, { ...settings, listener, pool }, () => settings.deadline);
      listener.propertyEnd(report);
      return report;
    } catch (e) {
      // The run cannot go on: the others start no further run, and the error is the run's once they have stopped.
      pool.stopped = true;
      throw e;
    }
  });
  const settled = await Promise.allSettled(runs);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<PropertyReport>).value);
}

/** Runs the selected properties (in catalogue order, or at once with `concurrency` above 1) within the deadline, and resolves to the report. */
export async function runContract(options: RunOptions): Promise<Report> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const listener = fanOut([...(options.listeners ?? []), ...(options.listener ? [options.listener] : [])]);
  const settings = { ...settingsOf(options, listener), durations: [] as number[] };
  const selected = catalogueFor(options.profile ?? LIST_EXECUTORS).filter((p) => !options.only || options.only.includes(p.id));
  const concurrency = options.concurrency ?? 1;
  const properties = concurrency > 1 ? await atOnce(selected, { ...settings, listener }, concurrency) : await inTurn(selected, { ...settings, listener });
  return {
    mode: options.mode,
    target: options.target.description,
    seed: options.seed,
    runs: settings.runs,
    properties,
    ...summarize(properties),
    ...(options.shard ? { shard: options.shard } : {}),
    startedAt,
    durationMs: Math.round(performance.now() - started),
    latency: latencyOf(settings.durations),
  };
}
