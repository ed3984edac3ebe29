/**
 * What the call budget (`--max-calls`) left untested, as warnings of kind `budget`: per property, the
 * runs its share of the calls did not pay for; per run, which properties it cut short. A property the
 * budget let finish no run is inconclusive, as one the deadline let finish none: it tested nothing.
 */
import type { PropertyReport, Warning } from '../../common/results.js';
import type { PropertyRun } from '../engine/property-run.js';
import { propertyKey } from '../engine/seeds.js';

/** Property `run` stopped by its share of the call budget after `runs` of `planned` runs. */
export function budgetWarning(run: Pick<PropertyRun, 'calls' | 'callShare'>, done: { runs: number; boundary?: number }, planned: number): Warning {
  const left = Math.max(0, planned - done.runs);
  const cases = done.boundary ? ` and ${done.boundary} boundary case(s)` : '';
  return {
    kind: 'budget',
    message: `cut short by the call budget after ${done.runs} of ${planned} runs${cases} (its share: ${run.callShare ?? 0} calls, ${run.calls ?? 0} made): ${left} run(s) left untested; raise --max-calls`,
  };
}

/** Why a property whose share of the call budget paid for no whole run is inconclusive. */
export function noRunForBudget(share: number): string {
  return `no run finished within its share of the call budget (${share} calls); raise --max-calls`;
}

/** `report` of the property that ran as `run` (with `planned` runs asked for), with what the call budget left untested. */
export function withBudget(report: PropertyReport, run: PropertyRun, planned: number): PropertyReport {
  if (!run.budgetCut) return report;
  const warnings = [...report.warnings, budgetWarning(run, report, planned)];
  if (report.status === 'passed' && report.runs + (report.boundary ?? 0) === 0) return { ...report, status: 'inconclusive', reason: noRunForBudget(run.callShare ?? 0), warnings };
  return { ...report, warnings };
}

/** The run-level warning of `properties` the call budget cut short, if any did. */
export function budgetRunWarnings(properties: readonly PropertyReport[]): Warning[] {
  const cut = properties.filter((p) => p.warnings.some((w) => w.kind === 'budget'));
  if (!cut.length) return [];
  const calls = properties.reduce((n, p) => n + (p.calls ?? 0), 0);
  const ids = cut.map((p) => propertyKey(p.id, p.operation)).join(', ');
  return [{ kind: 'budget', message: `${cut.length} of ${properties.length} properties were cut short by the call budget (${calls} list calls made; ${ids}): they ran fewer runs than asked, the rest untested; raise --max-calls` }];
}
