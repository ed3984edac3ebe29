/**
 * A property's report built from its run (fast-check's `RunDetails` turned into our
 * {@link PropertyReport}): the verdict, the warnings, and for a failure the counterexample a person
 * can act on: redacted exchanges, the failing request as an aws-cli line, the replay command; for an
 * inconclusive one, why no verdict was reached.
 * Rendering it for a medium is the reporters' job.
 */
import type { Counterexample, Coverage, Mode, PropertyReport, ReplayCommand } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import type { Target } from '../../targets/target.js';
import type { Exchange } from '../../wire/exchange.js';
import { createRedactor, environmentCredentials, type Redactor } from '../../wire/redact.js';
import { awsCliCommand } from './aws-cli.js';
import { reproducerScript } from './reproducer.js';
import { emptyStats } from '../catalogue/context.js';
import { emptyCoverage, movingOf, movingWarnings, otherReasonWarnings, passCoverageWarnings, takeCoverage } from '../coverage/index.js';
import type { PropertyRun } from '../engine/property-run.js';
import type { ContractProperty } from '../catalogue/property.js';
import { counterWarnings, interruptedWarning, noRunReason, shrinkBudgetWarning, shrinkStoppedWarning, unshrunkWarning } from './warnings.js';

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
  /** The run's mode, for the coverage warnings that depend on it. @defaultValue observational (the stricter reading: fewer warnings) */
  mode?: Mode;
  /** The operation the laws were checked on, for the failing call's command line and reproducer. @defaultValue ListExecutors */
  profile?: OperationProfile;
}

/** The report's fields before the verdict, in the order `--json` writes them; the coverage says which operation it counts. */
function opening(property: ContractProperty, run: Pick<PropertyRun, 'stats'>, coverage: Coverage | undefined, profile: OperationProfile) {
  const { operation } = profile;
  return { id: property.id, operation, law: property.law, counterexample: null, replay: null, warnings: [], checks: run.stats, ...(coverage ? { coverage: { operation, ...coverage } } : {}) };
}

/** The report of a property of `profile`'s operation (ListExecutors by default) that does not run in `mode`. */
export function skippedReport(property: ContractProperty, mode: Mode, profile: OperationProfile = LIST_EXECUTORS): PropertyReport {
  return { ...opening(property, { stats: emptyStats() }, emptyCoverage(profile), profile), status: 'skipped', runs: 0, boundary: 0, durationMs: 0, reason: property.skipReason ?? `does not run in ${mode} mode` };
}

/** The index of the last call of the operation: the one that broke the law. */
function lastListExchange(exchanges: readonly Exchange[], profile: OperationProfile): number | null {
  for (let i = exchanges.length - 1; i >= 0; i--)
    if (exchanges[i].request.method === 'POST' && (exchanges[i].request.headers['x-amz-target'] ?? '').endsWith(`.${profile.operation}`)) return i;
  return null;
}

function counterexampleOf(property: ContractProperty, failure: NonNullable<PropertyRun['failure']>, settings: ReportSettings): Counterexample {
  const { violation } = failure;
  const profile = settings.profile ?? LIST_EXECUTORS;
  const culprit = lastListExchange(violation.exchanges, profile);
  const redactor = settings.redactor ?? createRedactor({ credentials: environmentCredentials() });
  const { cliEndpoint, region } = settings.target;
  const exchanges = violation.exchanges.map((e) => redactor.exchange(e));
  return {
    message: violation.message,
    scenario: failure.scenario,
    exchanges,
    failingExchange: culprit,
    awsCli: culprit !== null ? awsCliCommand(redactor.text(violation.exchanges[culprit].request.body), cliEndpoint, region, profile) : undefined,
    reproduce: culprit !== null ? reproducerScript({ id: property.id, law: property.law, message: violation.message, exchanges, culprit, target: settings.target, profile }) : undefined,
    seed: settings.seed,
    path: failure.path,
  };
}

/** The report of a failed property: its counterexample, the command that replays it, and why shrinking stopped early. */
function failedReport(property: ContractProperty, run: PropertyRun, failure: NonNullable<PropertyRun['failure']>, settings: ReportSettings, coverage: Coverage | undefined): PropertyReport {
  const counterexample = counterexampleOf(property, failure, settings);
  const operation = (settings.profile ?? LIST_EXECUTORS).operation;
  const replay = settings.replayCommand?.({ id: property.id, operation, seed: settings.seed, path: counterexample.path }) ?? null;
  const cut = run.unshrunk ? [unshrunkWarning()] : run.noVerdict !== null ? [shrinkStoppedWarning(run.noVerdict)] : run.shrinkCut ? [shrinkBudgetWarning(settings.shrinkBudgetMs)] : [];
  const warnings = [...cut, ...otherReasonWarnings(property, coverage), ...counterWarnings(run.stats), ...movingWarnings(movingOf([coverage]))];
  return { ...opening(property, run, coverage, settings.profile ?? LIST_EXECUTORS), status: 'failed', runs: run.stats.runs, boundary: run.stats.boundary, durationMs: run.durationMs, counterexample, replay, warnings };
}

/**
 * The report of a property that ran: failed; inconclusive when a check could reach no verdict or no
 * run finished before its share of the deadline ran out; passed otherwise (with its vacuity and
 * deadline warnings, and those its coverage earns). Whatever the verdict, the counters earn their
 * warnings (flaky, tolerated), an error property whose every call failed for another reason says so,
 * and one whose walks saw the target move has the `moving` note.
 * The coverage is the one the run of `settings` collected for the property.
 */
export function propertyReport(property: ContractProperty, run: PropertyRun, settings: ReportSettings): PropertyReport {
  const { stats, durationMs, failure } = run;
  const coverage = takeCoverage(settings, property.id);
  if (failure) return failedReport(property, run, failure, settings, coverage);
  const cut = run.interrupted ? [interruptedWarning(stats.runs, settings.runs, run.shareMs)] : [];
  const reason = run.noVerdict ?? (stats.runs + stats.boundary === 0 && run.interrupted ? noRunReason(run.shareMs) : null);
  const other = otherReasonWarnings(property, coverage);
  const moving = movingWarnings(movingOf([coverage]));
  if (reason !== null) return { ...opening(property, run, coverage, settings.profile ?? LIST_EXECUTORS), status: 'inconclusive', runs: stats.runs, boundary: stats.boundary, durationMs, reason, warnings: [...cut, ...other, ...counterWarnings(stats), ...moving] };
  const vacuity = [...property.vacuity(stats, coverage), ...passCoverageWarnings(property, coverage, settings.mode ?? 'observational'), ...other];
  return { ...opening(property, run, coverage, settings.profile ?? LIST_EXECUTORS), status: 'passed', runs: stats.runs, boundary: stats.boundary, durationMs, warnings: [...vacuity, ...cut, ...counterWarnings(stats), ...moving] };
}
