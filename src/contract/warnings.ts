/**
 * The runner's warnings as typed values: tools key on the kind, people read the message. What makes
 * a pass vacuous is each property's own (`vacuity`); these say that a run did less than was asked.
 */
import type { PropertyReport, Warning, WarningKind } from '../common/results.js';

/** The run's deadline stopped a property after `runs` of its `planned` runs. */
export function interruptedWarning(runs: number, planned: number): Warning {
  return { kind: 'interrupted', message: `interrupted by the run's deadline after ${runs} of ${planned} runs` };
}

/** Shrinking stopped at its budget of `budgetMs` milliseconds. */
export function shrinkBudgetWarning(budgetMs: number): Warning {
  return { kind: 'shrink-budget', message: `shrinking stopped after ${Math.round(budgetMs / 1000)} s: the counterexample is the smallest found by then` };
}

/** The reports among `properties` that carry a warning of `kind`. */
function warnedOf(properties: readonly PropertyReport[], kind: WarningKind): PropertyReport[] {
  return properties.filter((p) => p.warnings.some((w) => w.kind === kind));
}

/** The run-level warnings of a list of property reports: which passed vacuously, which the deadline cut short. */
export function runWarnings(properties: readonly PropertyReport[]): Warning[] {
  const vacuous = warnedOf(properties, 'vacuous');
  const cut = warnedOf(properties, 'interrupted');
  const ids = (ps: readonly PropertyReport[]) => ps.map((p) => p.id).join(', ');
  const warnings: Warning[] = [];
  if (vacuous.length)
    warnings.push({ kind: 'vacuous', message: `${vacuous.length} of ${properties.length} properties passed vacuously (${ids(vacuous)}): a green run that tested nothing is not a pass` });
  if (cut.length)
    warnings.push({ kind: 'interrupted', message: `${cut.length} of ${properties.length} properties were cut short by the run's deadline (${ids(cut)}): they passed fewer runs than asked; raise --deadline` });
  return warnings;
}
