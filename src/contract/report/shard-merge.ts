/**
 * Joins the JSON reports of the shards of one run (`--shard i/n`) into the report of the whole run.
 */
import { UsageError } from '../../common/errors.js';
import type { CheckStats, Coverage, Latency, Mode, PropertyReport, Report, Warning } from '../../common/results.js';
import { mergedLatency } from '../engine/latency.js';
import { catalogueFor } from '../catalogue/index.js';
import type { ContractProperty } from '../catalogue/property.js';
import { LIST_EXECUTORS, profileNamed } from '../../profiles/index.js';
import { emptyStats } from '../catalogue/context.js';
import { mergeCoverage, movingOf, movingWarnings, otherReasonWarnings, passCoverageWarnings } from '../coverage/index.js';
import { operationOf, summarize } from './summary.js';
import { counterWarnings } from './warnings.js';

/** Law `id` of `operation`'s catalogue, undefined for an operation outside the family or an id its catalogue lacks. */
function lawOf(operation: string, id: string): ContractProperty | undefined {
  const profile = profileNamed(operation);
  return profile ? catalogueFor(profile).find((p) => p.id === id) : undefined;
}

/** What the summed counters and merged coverage of all shards make of property `id`'s pass: its own vacuity rules decide, and coverage's. */
function vacuityOf(property: ContractProperty | undefined, checks: CheckStats, coverage: Coverage | undefined, mode: Mode): Warning[] {
  return [...(property ? property.vacuity(checks, coverage) : []), ...passCoverageWarnings(property, coverage, mode)];
}

/**
 * The verdict of property `id` from its shards': failed when any shard failed; else inconclusive
 * when any was, or when no shard ran any of its runs; skipped when all skipped; passed otherwise.
 */
function mergedVerdict(parts: readonly PropertyReport[], runs: number): Pick<PropertyReport, 'status' | 'reason'> {
  if (parts.some((p) => p.status === 'failed')) return { status: 'failed' };
  const inconclusive = parts.filter((p) => p.status === 'inconclusive');
  if (inconclusive.length) return { status: 'inconclusive', reason: [...new Set(inconclusive.map((p) => p.reason ?? 'inconclusive'))].join('; ') };
  if (parts.every((p) => p.status === 'skipped')) return { status: 'skipped', ...(parts[0].reason ? { reason: parts[0].reason } : {}) };
  return runs > 0 ? { status: 'passed' } : { status: 'inconclusive', reason: 'no shard ran any of its runs' };
}

/** The warnings of a merged property: those its summed counters and merged coverage earn (the `moving` note among them), and the shards' interruptions and budget cuts. */
function mergedWarnings(property: ContractProperty | undefined, status: PropertyReport['status'], parts: readonly PropertyReport[], checks: CheckStats, coverage: Coverage | undefined, mode: Mode): Warning[] {
  if (status === 'skipped') return [];
  // What a shard did less than it was asked (its deadline, its call budget) stays said of the merge.
  const interrupted = status === 'failed' ? [] : parts.flatMap((p) => p.warnings.filter((w) => w.kind === 'interrupted' || w.kind === 'budget'));
  const other = otherReasonWarnings(property, coverage);
  return [...(status === 'passed' ? vacuityOf(property, checks, coverage, mode) : []), ...other, ...interrupted, ...counterWarnings(checks), ...movingWarnings(movingOf([coverage]))];
}

function mergeProperty(parts: PropertyReport[], mode: Mode): PropertyReport {
  const [first] = parts;
  const failed = parts.find((p) => p.status === 'failed');
  const checks = emptyStats();
  for (const p of parts) for (const k of Object.keys(checks) as (keyof typeof checks)[]) checks[k] += p.checks?.[k] ?? 0;
  const runs = parts.reduce((n, p) => n + p.runs, 0);
  const boundary = parts.reduce((n, p) => n + (p.boundary ?? 0), 0);
  const { status, reason } = mergedVerdict(parts, runs + boundary);
  const operation = operationOf(first);
  const profile = profileNamed(operation) ?? LIST_EXECUTORS;
  const property = lawOf(operation, first.id);
  // Shards of an older version carry no coverage: the merge then has none either, and its warnings come from the counters.
  const coverage = parts.every((p) => p.coverage) ? { ...(first.coverage?.operation ? { operation } : {}), ...mergeCoverage(parts.map((p) => p.coverage), profile) } : undefined;
  return {
    id: first.id,
    ...(first.operation !== undefined ? { operation: first.operation } : {}),
    law: first.law,
    status,
    runs,
    boundary,
    durationMs: parts.reduce((n, p) => n + p.durationMs, 0),
    counterexample: failed?.counterexample ?? null,
    replay: failed?.replay ?? null,
    ...(reason !== undefined ? { reason } : {}),
    warnings: mergedWarnings(property, status, parts, checks, coverage, mode),
    checks,
    ...(coverage ? { coverage } : {}),
    ...latencyOf(parts),
    ...callsOf(parts),
  };
}

/** The `calls` member: the shards' summed, when each shard's report has one. */
function callsOf(parts: readonly { calls?: number }[]): { calls?: number } {
  return parts.every((p) => p.calls !== undefined) ? { calls: parts.reduce((n, p) => n + (p.calls ?? 0), 0) } : {};
}

/** The `latency` member of reports that had one. */
function latencyOf(parts: readonly { latency?: Latency }[]): { latency?: Latency } {
  const latency = mergedLatency(parts.map((p) => p.latency));
  return latency ? { latency } : {};
}

/** The operations a report ran, as text (ListExecutors for a report that names none). */
function operationsText(r: Report): string {
  return (r.operations ?? [LIST_EXECUTORS.operation]).join(', ');
}

/** A run as messages name it: `seed 7, 10000 runs, seeded` (and its operations, when not ListExecutors alone). */
function runOf(r: Report): string {
  const ops = operationsText(r);
  return `seed ${r.seed}, ${r.runs} runs, ${r.mode}${ops === LIST_EXECUTORS.operation ? '' : `, ${ops}`}`;
}

/** `1/3 and 3/3`, `1/5, 2/5 and 4/5`. */
function shardList(indexes: readonly number[], count: number): string {
  const names = indexes.map((i) => `${i}/${count}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
}

/** Throws a UsageError naming the first report that is of another run than the first one. */
function checkSameRun(reports: readonly Report[], names: readonly string[]): void {
  const [first] = reports;
  reports.forEach((r, i) => {
    if (r.seed !== first.seed || r.mode !== first.mode || r.target !== first.target || r.runs !== first.runs || operationsText(r) !== operationsText(first))
      throw new UsageError(`merge-reports: ${names[i]} is of another run (${runOf(r)}, ${r.target}) than ${names[0]} (${runOf(first)}, ${first.target}); merge the shards of one run`);
  });
}

/**
 * Throws a UsageError unless `reports` are each shard 1..n of one run exactly once (or one whole
 * run): a missing shard would pass a third of the runs as all of them, a doubled one count twice.
 */
function checkShards(reports: readonly Report[], names: readonly string[]): void {
  checkSameRun(reports, names);
  const [first] = reports;
  const whole = reports.flatMap((r, i) => (r.shard ? [] : [names[i]]));
  if (whole.length === reports.length && reports.length === 1) return;
  if (whole.length === reports.length) throw new UsageError(`merge-reports: ${whole.join(' and ')} are whole runs (no --shard), nothing to merge; give the reports of verify --shard i/n`);
  if (whole.length) throw new UsageError(`merge-reports: ${whole[0]} is a whole run (no --shard), not a shard of ${runOf(first)}; give only the shards' reports`);
  const count = reports.find((r) => r.shard)!.shard!.count;
  reports.forEach((r, i) => {
    const { index, count: n } = r.shard!;
    if (n !== count || index < 1 || index > n) throw new UsageError(`merge-reports: ${names[i]} is shard ${index}/${n}, another split than ${count} shards; merge the shards of one run (${runOf(first)})`);
  });
  const holders = (index: number) => names.filter((_, i) => reports[i].shard!.index === index);
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  const doubled = indexes.find((i) => holders(i).length > 1);
  if (doubled !== undefined) throw new UsageError(`merge-reports: shard ${doubled}/${count} is given more than once (${holders(doubled).join(' and ')}); give each shard's JSON report once`);
  const missing = indexes.filter((i) => !holders(i).length);
  if (missing.length) throw new UsageError(`merge-reports: shard ${shardList(missing, count)} ${missing.length > 1 ? 'are' : 'is'} missing (${runOf(first)}); give every shard's JSON report`);
}

/** What ended a shard early, carried into the merged report, naming the shard: the merged run is not whole. */
function endings(reports: readonly Report[]): Pick<Report, 'error' | 'interrupted'> {
  const errored = reports.find((r) => r.error);
  const interrupted = reports.find((r) => r.interrupted);
  const of = (r: Report) => (r.shard ? `shard ${r.shard.index}/${r.shard.count}: ` : '');
  return { ...(errored?.error ? { error: { message: `${of(errored)}${errored.error.message}` } } : {}), ...(interrupted?.interrupted ? { interrupted: interrupted.interrupted } : {}) };
}

/**
 * Merges the shard reports of one run (same seed, runs, mode and target, each shard 1..n once);
 * throws a UsageError naming the report or shard at fault otherwise. `names` name the reports in
 * those messages (their files). @defaultValue `report 1`, `report 2`, ...
 */
export function mergeReports(reports: readonly Report[], names: readonly string[] = reports.map((_, i) => `report ${i + 1}`)): Report {
  if (!reports.length) throw new UsageError('merge-reports: no JSON reports found; give the directories that --json wrote into');
  checkShards(reports, names);
  const [first] = reports;
  // Every property any shard holds, keyed by its operation and id: a shard that ended early holds fewer.
  const key = (p: PropertyReport) => `${operationOf(p)}/${p.id}`;
  const keys = [...new Set(reports.flatMap((r) => r.properties.map(key)))];
  const properties = keys.map((k) => mergeProperty(reports.map((r) => r.properties.find((p) => key(p) === k)).filter((p): p is PropertyReport => !!p), first.mode));
  const operations = [...new Set([...reports.flatMap((r) => r.operations ?? []), ...properties.map(operationOf)])];
  const profiles = operations.map((o) => profileNamed(o) ?? LIST_EXECUTORS);
  return {
    mode: first.mode,
    target: first.target,
    seed: first.seed,
    runs: first.runs,
    ...(first.operations ? { operations } : {}),
    properties,
    ...summarize(properties, profiles.length ? profiles : [LIST_EXECUTORS]),
    ...endings(reports),
    startedAt: reports.map((r) => r.startedAt).sort()[0],
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
    ...latencyOf(reports),
  };
}
