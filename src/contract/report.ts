/**
 * The report of a contract run as data: what `--json` writes, what `verify()` resolves to, and what
 * every output format (console, JUnit, Markdown) is rendered from, so that they never disagree.
 */
import type { PropertyReport, PropertyStatus, Report } from '../common/results.js';
import { runWarnings } from './warnings.js';

/** The exit code a report means: 0 when nothing failed, 1 otherwise. */
export function exitCodeOf(report: Report): 0 | 1 {
  return report.summary.failed > 0 ? 1 : 0;
}

/** The summary counts and run-level warnings of a list of property reports. */
export function summarize(properties: readonly PropertyReport[]): Pick<Report, 'summary' | 'warnings'> {
  const count = (s: PropertyStatus) => properties.filter((p) => p.status === s).length;
  return { summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), inconclusive: count('inconclusive') }, warnings: runWarnings(properties) };
}
