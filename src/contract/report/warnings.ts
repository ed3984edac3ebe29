/**
 * The runner's warnings as typed values: tools key on the kind, people read the message. What makes
 * a pass vacuous is each property's own (`vacuity`); these say that a run did less than was asked,
 * or that the target answered in a way the verdict tolerated.
 */
import type { CheckStats, PropertyReport, Warning, WarningKind } from '../../common/results.js';
import { movingOf, movingWarnings } from '../coverage/index.js';
import { propertyKey } from '../engine/seeds.js';

/** Seconds with one decimal, as the warnings say durations. */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The run's deadline stopped a property after `runs` of its `planned` runs, `shareMs` being the time it was given. */
export function interruptedWarning(runs: number, planned: number, shareMs: number): Warning {
  return { kind: 'interrupted', message: `interrupted by the run's deadline after ${runs} of ${planned} runs (its share of the time: ${seconds(shareMs)})` };
}

/** Why a property whose share of the deadline (`shareMs`) ended before any run finished is inconclusive. */
export function noRunReason(shareMs: number): string {
  return `no run finished within its share of the run's deadline (${seconds(shareMs)}); raise --deadline`;
}

/** Shrinking stopped at its budget of `budgetMs` milliseconds. */
export function shrinkBudgetWarning(budgetMs: number): Warning {
  return { kind: 'shrink-budget', message: `shrinking stopped after ${Math.round(budgetMs / 1000)} s: the counterexample is the smallest found by then` };
}

/** Shrinking stopped because a shrink step could reach no verdict, for the reason `why`. */
export function shrinkStoppedWarning(why: string): Warning {
  return { kind: 'shrink-budget', message: `shrinking stopped (${why}): the counterexample is the smallest found by then` };
}

/** The failing run finished after the property's share of the deadline, when there was no time left to shrink it. */
export function unshrunkWarning(): Warning {
  return { kind: 'shrink-budget', message: "not shrunk: the failing run finished after the property's share of the run's deadline; raise --deadline for a smaller counterexample" };
}

/** A counter of the runs that, when above zero, earns the property a warning. */
interface CounterWarning {
  counter: keyof CheckStats;
  kind: WarningKind;
  message(n: number): string;
}

/** What the target did that the verdict let pass, each read from its counter. */
const COUNTER_WARNINGS: readonly CounterWarning[] = [
  { counter: 'flaky', kind: 'flaky', message: (n) => `flaky: ${n} run(s) got a 5xx to a valid request that went away when sent again` },
  { counter: 'errorNamedByCode', kind: 'tolerated', message: (n) => `tolerated: ${n} error(s) named by the body's "code", not its __type (real Athena sends __type)` },
  {
    counter: 'errorNamedByHeader',
    kind: 'tolerated',
    message: (n) => `tolerated: ${n} error(s) named by the X-Amzn-Errortype header, not the body's __type (real Athena sends __type)`,
  },
  { counter: 'boundarySkipped', kind: 'boundary-skipped', message: (n) => `boundary-skipped: ${n} boundary case(s) not run: the target's seeding route refused the population they need` },
];

/** The warnings the counters of a property's runs earn whatever its verdict: flaky runs, tolerated answers. */
export function counterWarnings(stats: CheckStats): Warning[] {
  return COUNTER_WARNINGS.filter((w) => (stats[w.counter] ?? 0) > 0).map((w) => ({ kind: w.kind, message: w.message(stats[w.counter]) }));
}

/** The reports among `properties` that carry a warning of `kind`. */
function warnedOf(properties: readonly PropertyReport[], kind: WarningKind): PropertyReport[] {
  return properties.filter((p) => p.warnings.some((w) => w.kind === kind));
}

/**
 * The run-level warnings of a list of property reports: which passed vacuously, which left their law
 * partly untested, which the deadline cut short, which had flaky runs, and whether the target moved
 * (their changes summed: each property counts those its own walks saw first).
 */
export function runWarnings(properties: readonly PropertyReport[]): Warning[] {
  const vacuous = warnedOf(properties, 'vacuous');
  const untested = warnedOf(properties, 'untested');
  const cut = warnedOf(properties, 'interrupted');
  const flaky = warnedOf(properties, 'flaky');
  const moved = warnedOf(properties, 'moving');
  const ids = (ps: readonly PropertyReport[]) => ps.map((p) => propertyKey(p.id, p.operation)).join(', ');
  const warnings: Warning[] = [];
  if (vacuous.length)
    warnings.push({ kind: 'vacuous', message: `${vacuous.length} of ${properties.length} properties passed vacuously (${ids(vacuous)}): a green run that tested nothing is not a pass` });
  if (untested.length)
    warnings.push({ kind: 'untested', message: `${untested.length} of ${properties.length} properties left part of their law untested (${ids(untested)}): see their coverage` });
  if (cut.length)
    warnings.push({ kind: 'interrupted', message: `${cut.length} of ${properties.length} properties were cut short by the run's deadline (${ids(cut)}): they passed fewer runs than asked; raise --deadline` });
  if (flaky.length)
    warnings.push({ kind: 'flaky', message: `${flaky.length} of ${properties.length} properties had flaky runs (${ids(flaky)}): a 5xx to a valid request went away when sent again` });
  if (moved.length) warnings.push(...movingWarnings(movingOf(moved.map((p) => p.coverage)), ` (seen by ${ids(moved)})`));
  return warnings;
}
