/**
 * What makes a property's runs vacuous, read from its counters: each property declares which of these
 * apply to it, so that a pass that tested nothing never looks green.
 */
import type { CheckStats, Warning } from '../common/results.js';

/** A vacuity warning. */
function vacuous(message: string): Warning {
  return { kind: 'vacuous', message: `vacuous: ${message}` };
}

/** For properties that walk: every call an error, or every walk empty. */
export function walkVacuity(stats: CheckStats): Warning[] {
  if (stats.runs === 0) return [];
  if (stats.okCalls === 0 && stats.errorCalls > 0) return [vacuous('every call was an error, so no page was checked')];
  if (stats.executorsSeen === 0) return [vacuous('every walk was empty, so no executor was checked')];
  return [];
}

/** For every property: no run could apply its check. */
export function runVacuity(stats: CheckStats): Warning[] {
  if (stats.runs === 0 || stats.vacuousRuns !== stats.runs) return [];
  return [vacuous('no run could apply its check (no NextToken could be obtained, or no other session was given)')];
}

/** For properties that walk and may find nothing to apply to: both of the above. */
export function walkAndRunVacuity(stats: CheckStats): Warning[] {
  return [...walkVacuity(stats), ...runVacuity(stats)];
}
