/**
 * The report of a contract run as data: what `--json` writes, what `verify()` resolves to, and what
 * every output format (console, JUnit, Markdown) is rendered from, so that they never disagree.
 */
import type { Exchange } from '../targets/exchange.js';
import type { CheckStats, Mode } from './context.js';

/** A property's verdict. */
export type PropertyStatus = 'passed' | 'failed' | 'skipped';

/** The shrunk scenario that broke a law, with the answer that broke it and how to replay it. */
export interface Counterexample {
  /** What was expected and what came, in one line. */
  message: string;
  /** The minimal scenario (population, request) after shrinking. */
  scenario: unknown;
  /** The exchanges of the failing run, in order. */
  exchanges: Exchange[];
  /** Index in `exchanges` of the ListExecutors exchange that broke the law (the last one made). */
  failingExchange: number | null;
  /** The same request as an `aws athena list-executors ...` command a person can run by hand. */
  awsCli?: string;
  /** fast-check's seed and path of the counterexample. */
  seed: number;
  path: string;
}

/** One property's result. */
export interface PropertyReport {
  id: string;
  law: string;
  status: PropertyStatus;
  /** Runs executed (for a failure: up to and including the first failing one, before shrinking). */
  runs: number;
  durationMs: number;
  counterexample: Counterexample | null;
  /** The command that replays the counterexample, or null. */
  replay: string | null;
  /** Why the property was skipped. */
  reason?: string;
  /** Why a pass may mean less than it says (e.g. every walk was empty). */
  warnings: string[];
  /** What the runs actually exercised: the ground for the vacuity warnings. */
  checks: CheckStats;
}

/** The whole run's report (the `--json` shape). */
export interface Report {
  mode: Mode;
  /** The target: `built-in emulator (in process)` or the endpoint URL. */
  target: string;
  seed: number;
  /** Runs per property asked for. */
  runs: number;
  properties: PropertyReport[];
  /** Run-level warnings, e.g. that some passes were vacuous. */
  warnings: string[];
  summary: { passed: number; failed: number; skipped: number };
  /** Set when the run was one shard of several (`--shard i/n`). */
  shard?: { index: number; count: number };
  startedAt: string;
  durationMs: number;
}

/** The exit code a report means: 0 when nothing failed, 1 otherwise. */
export function exitCodeOf(report: Report): 0 | 1 {
  return report.summary.failed > 0 ? 1 : 0;
}

/** The summary counts and run-level warnings of a list of property reports. */
export function summarize(properties: readonly PropertyReport[]): Pick<Report, 'summary' | 'warnings'> {
  const count = (s: PropertyStatus) => properties.filter((p) => p.status === s).length;
  const vacuous = properties.filter((p) => p.warnings.some((w) => w.startsWith('vacuous')));
  const cut = properties.filter((p) => p.warnings.some((w) => w.startsWith('interrupted')));
  const warnings: string[] = [];
  if (vacuous.length)
    warnings.push(`${vacuous.length} of ${properties.length} properties passed vacuously (${vacuous.map((p) => p.id).join(', ')}): a green run that tested nothing is not a pass`);
  if (cut.length)
    warnings.push(`${cut.length} of ${properties.length} properties were cut short by the run's deadline (${cut.map((p) => p.id).join(', ')}): they passed fewer runs than asked; raise --deadline`);
  return { summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') }, warnings };
}
