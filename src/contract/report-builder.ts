/**
 * A property's report built from its run (fast-check's `RunDetails` turned into our
 * {@link PropertyReport}): the verdict, the warnings, and for a failure the counterexample a person
 * can act on: redacted exchanges, the failing request as an aws-cli line, the replay command.
 * Rendering it for a medium is the reporters' job.
 */
import type { Counterexample, Mode, PropertyReport, ReplayCommand } from '../common/results.js';
import type { Target } from '../targets/target.js';
import type { Exchange } from '../wire/exchange.js';
import { createRedactor, environmentCredentials, type Redactor } from '../wire/redact.js';
import { awsCliCommand } from './aws-cli.js';
import { emptyStats } from './context.js';
import type { PropertyRun } from './property-run.js';
import type { ContractProperty } from './property.js';
import { interruptedWarning, shrinkBudgetWarning } from './warnings.js';

/** What building a report needs of the run's options. */
export interface ReportSettings {
  target: Target;
  seed: number;
  /** Runs per property asked for. */
  runs: number;
  shrinkBudgetMs: number;
  /** @defaultValue the recording rules, with the environment's credentials */
  redactor?: Redactor;
  /** Renders the command that replays a counterexample (none when absent). */
  replayCommand?: ReplayCommand;
}

/** The report's fields before the verdict, in the order `--json` writes them. */
function opening(property: ContractProperty, run: Pick<PropertyRun, 'stats'>) {
  return { id: property.id, law: property.law, counterexample: null, replay: null, warnings: [], checks: run.stats };
}

/** The report of a property that does not run in `mode`. */
export function skippedReport(property: ContractProperty, mode: Mode): PropertyReport {
  return { ...opening(property, { stats: emptyStats() }), status: 'skipped', runs: 0, durationMs: 0, reason: property.skipReason ?? `does not run in ${mode} mode` };
}

/** The index of the last ListExecutors exchange: the one that broke the law. */
function lastListExchange(exchanges: readonly Exchange[]): number | null {
  for (let i = exchanges.length - 1; i >= 0; i--)
    if (exchanges[i].request.method === 'POST' && (exchanges[i].request.headers['x-amz-target'] ?? '').endsWith('.ListExecutors')) return i;
  return null;
}

function counterexampleOf(failure: NonNullable<PropertyRun['failure']>, settings: ReportSettings): Counterexample {
  const { violation } = failure;
  const culprit = lastListExchange(violation.exchanges);
  const redactor = settings.redactor ?? createRedactor({ credentials: environmentCredentials() });
  const { cliEndpoint, region } = settings.target;
  return {
    message: violation.message,
    scenario: failure.scenario,
    exchanges: violation.exchanges.map((e) => redactor.exchange(e)),
    failingExchange: culprit,
    awsCli: culprit !== null ? awsCliCommand(redactor.text(violation.exchanges[culprit].request.body), cliEndpoint, region) : undefined,
    seed: settings.seed,
    path: failure.path,
  };
}

/** The report of a property that ran: passed (with its vacuity and deadline warnings) or failed. */
export function propertyReport(property: ContractProperty, run: PropertyRun, settings: ReportSettings): PropertyReport {
  const { stats, durationMs, failure } = run;
  if (!failure) {
    const warnings = [...property.vacuity(stats), ...(run.interrupted ? [interruptedWarning(stats.runs, settings.runs)] : [])];
    return { ...opening(property, run), status: 'passed', runs: stats.runs, durationMs, warnings };
  }
  const counterexample = counterexampleOf(failure, settings);
  const replay = settings.replayCommand?.({ id: property.id, seed: settings.seed, path: counterexample.path }) ?? null;
  const warnings = run.shrinkCut ? [shrinkBudgetWarning(settings.shrinkBudgetMs)] : [];
  return { ...opening(property, run), status: 'failed', runs: stats.runs, durationMs, counterexample, replay, warnings };
}
