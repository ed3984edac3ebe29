/**
 * The report of a contract run as data: what `--json` writes, what `verify()` resolves to, and what
 * every output format (console, JUnit, Markdown) is rendered from, so that they never disagree.
 */
import type { Coverage, PropertyReport, PropertyStatus, Report } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import { mergeCoverage } from '../coverage/index.js';
import { runWarnings } from './warnings.js';

/**
 * Whether property `p` of `report` counts for a green run: skipped by its mode, or passed with at
 * least one run, a boundary case or a random one (a shard's may have none, its runs all being other shards').
 */
function green(p: PropertyReport, report: Report): boolean {
  return p.status === 'skipped' || (p.status === 'passed' && (p.runs + (p.boundary ?? 0) > 0 || report.shard !== undefined));
}

/**
 * The exit code a report means: 1 when a property failed; else 0 when every property is green
 * (passed with at least one run, or skipped by its mode) and the run was carried out; 2 otherwise
 * (inconclusive, or a run that could not be carried out): never 0 for a run that tested nothing.
 */
export function exitCodeOf(report: Report): 0 | 1 | 2 {
  if (report.summary.failed > 0) return 1;
  return !report.error && report.properties.every((p) => green(p, report)) ? 0 : 2;
}

/** The operation of property report `p`: ListExecutors for one of a report written before there were several. */
export function operationOf(p: Pick<PropertyReport, 'operation'>): string {
  return p.operation ?? LIST_EXECUTORS.operation;
}

/** The coverage of `properties` (all of `profile`'s operation) merged, saying which operation it counts. */
function operationCoverage(properties: readonly PropertyReport[], profile: OperationProfile): Coverage {
  return { operation: profile.operation, ...mergeCoverage(properties.map((p) => p.coverage), profile) };
}

/**
 * The summary counts, run-level warnings and merged coverage of a list of property reports of
 * `operations` (ListExecutors by default); with several operations, their coverage together (with
 * every operation's keys) and each one's apart.
 */
export function summarize(properties: readonly PropertyReport[], operations: readonly OperationProfile[] = [LIST_EXECUTORS]): Pick<Report, 'summary' | 'warnings' | 'coverage' | 'coverageByOperation'> {
  const count = (s: PropertyStatus) => properties.filter((p) => p.status === s).length;
  const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), inconclusive: count('inconclusive') };
  const warnings = runWarnings(properties);
  if (operations.length === 1) return { summary, warnings, coverage: operationCoverage(properties, operations[0]) };
  const byOperation = operations.map((o) => operationCoverage(properties.filter((p) => operationOf(p) === o.operation), o));
  const coverageByOperation = Object.fromEntries(operations.map((o, i) => [o.operation, byOperation[i]]));
  return { summary, warnings, coverage: mergeCoverage(byOperation, operations[0]), coverageByOperation };
}
