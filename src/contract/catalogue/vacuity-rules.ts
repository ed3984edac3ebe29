/**
 * What makes a property's runs vacuous, read from its coverage (from its counters where a report has
 * none): each property declares which of these apply to it, so that a pass that tested nothing never
 * looks green.
 */
import type { CheckStats, Coverage, Warning } from '../../common/results.js';
import type { OperationProfile } from '../../profiles/index.js';
import { callsOf } from '../coverage/index.js';

/** The warnings a pass deserves from the counters and the coverage of its runs. */
export type Vacuity = (stats: CheckStats, coverage?: Coverage) => Warning[];

/** A vacuity warning. */
function vacuous(message: string): Warning {
  return { kind: 'vacuous', message: `vacuous: ${message}` };
}

/** Calls answered 200, calls answered otherwise, and items walks listed: from the coverage when there is one. */
function callCounts(stats: CheckStats, coverage?: Coverage): { ok: number; failed: number; listed: number } {
  if (!coverage) return { ok: stats.okCalls, failed: stats.errorCalls, listed: stats.executorsSeen };
  const ok = coverage.answers['200'] ?? 0;
  return { ok, failed: callsOf(coverage) - ok, listed: coverage.executors.listed };
}

/** For properties that walk `profile`'s lists: every call an error, or every walk empty. */
export function walkVacuity(profile: OperationProfile): Vacuity {
  return (stats, coverage) => {
    if (stats.runs + stats.boundary === 0) return [];
    const { ok, failed, listed } = callCounts(stats, coverage);
    if (ok === 0 && failed > 0) return [vacuous('every call was an error, so no page was checked')];
    if (listed === 0) return [vacuous(`every walk was empty, so no ${profile.itemNoun} was checked`)];
    return [];
  };
}

/**
 * For properties whose check may find nothing to apply to (and then counts the run in
 * `stats.vacuousRuns`): every run did so, for the reason `why` names.
 */
export function runVacuity(why: string): Vacuity {
  return (stats) => (stats.runs + stats.boundary === 0 || stats.vacuousRuns !== stats.runs + stats.boundary ? [] : [vacuous(`no run could apply its check (${why})`)]);
}

/** Every warning of each of `rules`, in order. */
export function allOf(...rules: Vacuity[]): Vacuity {
  return (stats, coverage) => rules.flatMap((rule) => rule(stats, coverage));
}
