/**
 * The report of a contract run as data: what `--json` writes, what `verify()` resolves to, and what
 * every output format (console, JUnit, Markdown) is rendered from, so that they never disagree.
 */
import type { PropertyReport, PropertyStatus, Report } from '../../common/results.js';
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

/** The summary counts, run-level warnings and merged coverage of a list of property reports. */
export function summarize(properties: readonly PropertyReport[]): Pick<Report, 'summary' | 'warnings' | 'coverage'> {
  const count = (s: PropertyStatus) => properties.filter((p) => p.status === s).length;
  const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), inconclusive: count('inconclusive') };
  return { summary, warnings: runWarnings(properties), coverage: mergeCoverage(properties.map((p) => p.coverage)) };
}
