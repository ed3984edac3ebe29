/**
 * Runs the catalogue against a target: the properties selected from the catalogue, run by the engine
 * (engine/schedule.ts: one pool, one deadline policy), each judged by the report's builder, and the
 * run's report from their reports. This module only joins the three rooms.
 */
import type { Redactor } from '../wire/redact.js';
import type { OperationProfile } from '../profiles/index.js';
import { catalogueFor } from './catalogue/index.js';
import type { Report, ReplayCommand } from '../common/results.js';
import { runProperties, type Selected } from './engine/schedule.js';
import { runOperations, runSettings, type EngineOptions } from './engine/settings.js';
import { propertyReport, skippedReport } from './report/property-report.js';
import { summarize } from './report/summary.js';
import { budgetRunWarnings, withBudget } from './report/budget.js';

/** Options of {@link runContract}: the engine's (target, mode, runs, seed, deadline, concurrency...), which properties, and what a failure's report needs. */
export interface RunOptions extends EngineOptions {
  /**
   * Only these properties (all when absent): a law id (`ordering.newest-first`) selects it in every
   * operation run, `Operation/id` (`ListSessions/ordering.newest-first`) in that operation only.
   */
  only?: readonly string[];
  /** Renders the command that replays a counterexample (none when absent). */
  replayCommand?: ReplayCommand;
  /**
   * Redacts the exchanges a report keeps: reports are uploaded as CI artifacts, and a signed request
   * carries the access key id and, with temporary credentials, the session token.
   * @defaultValue the recording rules, with the environment's credentials
   */
  redactor?: Redactor;
}

/** Whether `only` (absent: everything) selects law `id` of `operation`: by its id alone, or as `Operation/id`. */
export function selects(only: readonly string[] | undefined, operation: string, id: string): boolean {
  return !only || only.includes(id) || only.includes(`${operation}/${id}`);
}

/** The properties `only` selects of each of `operations`, operation by operation, each in catalogue order. */
export function selectedOf(operations: readonly OperationProfile[], only?: readonly string[]): Selected[] {
  return operations.flatMap((profile) => catalogueFor(profile).filter((p) => selects(only, profile.operation, p.id)).map((property) => ({ property, profile })));
}

/** Runs the selected properties (operation by operation, each in catalogue order, `concurrency` at a time) within the deadline, and resolves to the report. */
export async function runContract(options: RunOptions): Promise<Report> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const settings = runSettings(options);
  const operations = runOperations(options);
  const selected = selectedOf(operations, options.only);
  const { properties, latency } = await runProperties(selected, settings, {
    ran: (property, run, own) => withBudget(propertyReport(property, run, own), run, settings.runs),
    skipped: (property, own) => skippedReport(property, own.mode, own.profile),
  });
  const summary = summarize(properties, operations);
  return {
    mode: options.mode,
    target: options.target.description,
    seed: options.seed,
    runs: settings.runs,
    operations: operations.map((p) => p.operation),
    properties,
    ...summary,
    warnings: [...summary.warnings, ...budgetRunWarnings(properties)],
    ...(options.shard ? { shard: options.shard } : {}),
    startedAt,
    durationMs: Math.round(performance.now() - started),
    latency,
  };
}
