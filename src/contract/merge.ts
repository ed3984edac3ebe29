/**
 * Joins the JSON reports of the shards of one run (`--shard i/n`) into the report of the whole run.
 */
import { UsageError } from '../common/errors.js';
import type { CheckStats, PropertyReport, Report, Warning } from '../common/results.js';
import { catalogue } from './catalogue.js';
import type { ContractProperty } from './property.js';
import { emptyStats } from './context.js';
import { summarize } from './report.js';
import { counterWarnings } from './warnings.js';

/** What the summed counters of all shards make of property `id`'s pass: its own vacuity rules decide. */
function vacuityOf(id: string, checks: CheckStats): Warning[] {
  const property = (catalogue as readonly ContractProperty[]).find((p) => p.id === id);
  return property ? property.vacuity(checks) : [];
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

/** The warnings of a merged property: those its summed counters earn, and the shards' interruptions. */
function mergedWarnings(id: string, status: PropertyReport['status'], parts: readonly PropertyReport[], checks: CheckStats): Warning[] {
  if (status === 'skipped') return [];
  const interrupted = status === 'failed' ? [] : parts.flatMap((p) => p.warnings.filter((w) => w.kind === 'interrupted'));
  return [...(status === 'passed' ? vacuityOf(id, checks) : []), ...interrupted, ...counterWarnings(checks)];
}

function mergeProperty(parts: PropertyReport[]): PropertyReport {
  const [first] = parts;
  const failed = parts.find((p) => p.status === 'failed');
  const checks = emptyStats();
  for (const p of parts) for (const k of Object.keys(checks) as (keyof typeof checks)[]) checks[k] += p.checks?.[k] ?? 0;
  const runs = parts.reduce((n, p) => n + p.runs, 0);
  const { status, reason } = mergedVerdict(parts, runs);
  return {
    id: first.id,
    law: first.law,
    status,
    runs,
    durationMs: parts.reduce((n, p) => n + p.durationMs, 0),
    counterexample: failed?.counterexample ?? null,
    replay: failed?.replay ?? null,
    ...(reason !== undefined ? { reason } : {}),
    warnings: mergedWarnings(first.id, status, parts, checks),
    checks,
  };
}

/** Merges shard reports of one run (same seed, mode and target); throws a UsageError when they differ. */
export function mergeReports(reports: readonly Report[]): Report {
  if (!reports.length) throw new UsageError('merge-reports: no JSON reports found; give the directories that --json wrote into');
  const [first] = reports;
  for (const r of reports)
    if (r.seed !== first.seed || r.mode !== first.mode || r.target !== first.target || r.runs !== first.runs)
      throw new UsageError(`merge-reports: reports of different runs (seed ${first.seed} vs ${r.seed}, target ${first.target} vs ${r.target}); merge the shards of one run`);
  const count = first.shard?.count;
  const indexes = reports.map((r) => r.shard?.index);
  if (count !== undefined && (new Set(indexes).size !== indexes.length || reports.some((r) => r.shard?.count !== count)))
    throw new UsageError(`merge-reports: expected each of shards 1..${count} once, got ${indexes.join(', ')}`);
  const ids = first.properties.map((p) => p.id);
  const properties = ids.map((id) => mergeProperty(reports.map((r) => r.properties.find((p) => p.id === id)).filter((p): p is PropertyReport => !!p)));
  return {
    mode: first.mode,
    target: first.target,
    seed: first.seed,
    runs: first.runs,
    properties,
    ...summarize(properties),
    startedAt: reports.map((r) => r.startedAt).sort()[0],
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
  };
}
