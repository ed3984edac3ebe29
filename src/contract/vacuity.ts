/**
 * What makes a property's runs vacuous, read from its counters: each property declares which of these
 * apply to it, so that a pass that tested nothing never looks green.
 */
import type { CheckStats, Warning } from '../common/results.js';

/** The warnings a pass deserves from the counters of its runs. */
export type Vacuity = (stats: CheckStats) => Warning[];

/** A vacuity warning. */
function vacuous(message: string): Warning {
  return { kind: 'vacuous', message: `vacuous: ${message}` };
}

/** For properties that walk: every call an error, or every walk empty. */
export const walkVacuity: Vacuity = (stats) => {
  if (stats.runs + stats.boundary === 0) return [];
  if (stats.okCalls === 0 && stats.errorCalls > 0) return [vacuous('every call was an error, so no page was checked')];
  if (stats.executorsSeen === 0) return [vacuous('every walk was empty, so no executor was checked')];
  return [];
};

/**
 * For properties whose check may find nothing to apply to (and then counts the run in
 * `stats.vacuousRuns`): every run did so, for the reason `why` names.
 */
export function runVacuity(why: string): Vacuity {
  return (stats) => (stats.runs + stats.boundary === 0 || stats.vacuousRuns !== stats.runs + stats.boundary ? [] : [vacuous(`no run could apply its check (${why})`)]);
}

/** Every warning of each of `rules`, in order. */
export function allOf(...rules: Vacuity[]): Vacuity {
  return (stats) => rules.flatMap((rule) => rule(stats));
}
