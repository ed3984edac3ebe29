/**
 * Runs one property's checks and returns what happened as data (narrowed to what a report needs): the
 * counters, the shrunk failure, whether the deadline or the shrink budget cut the run short, and why
 * a check could reach no verdict. Its runs are checked in the pool (pooled-runs.ts: one run at a time
 * is a pool of one) and the first failure is shrunk in fast-check's own loop, which also replays a
 * given path (path-replay.ts). Nothing here redacts or formats.
 */
import { FatalRunError } from '../../common/errors.js';
import type { CheckStats } from '../../common/results.js';
import { attachScopes } from '../../targets/exchange-scope.js';
import { emptyStats, type CheckContext } from '../catalogue/context.js';
import type { ContractProperty } from '../catalogue/property.js';
import { coverageFor, foldCoverage, runCoverage } from '../coverage/index.js';
import { drawOf } from './draw.js';
import { replayPath, shrinkFrom, type Failure, type Loop } from './path-replay.js';
import { createPool } from './pool.js';
import { runPooled, statsOf } from './pooled-runs.js';
import { addStats } from './run-outcome.js';
import { streamScenarios } from './scenario-stream.js';
import { otherShard, propertyKey } from './seeds.js';
import type { RunSettings } from './settings.js';

/** The outcome of one property's checks, before any formatting. */
export interface PropertyRun {
  stats: CheckStats;
  durationMs: number;
  /** The broken law, shrunk: the violation (with its run's exchanges), the scenario and fast-check's path. */
  failure: Failure | null;
  /** The deadline stopped the property before all its runs. */
  interrupted: boolean;
  /** Milliseconds the property was given: its share of the time left to the run's deadline. */
  shareMs: number;
  /** Shrinking stopped at the budget: the counterexample is the smallest found by then. */
  shrinkCut: boolean;
  /** The failure is that of a run that finished after the property's share of the deadline: it is not shrunk. */
  unshrunk: boolean;
  /** Why a check could reach no verdict (an {@link InconclusiveError}'s message): it stopped the property there. */
  noVerdict: string | null;
  /** Milliseconds the target took to answer each call the property made, seeding and shrinking included. */
  durations?: number[];
  /** List calls the property made, shrink steps included (counted where the run has a call budget's share; absent otherwise). */
  calls?: number;
  /** The calls the property was given: its share of the run's call budget (absent without a bound). */
  callShare?: number;
  /** Its share of the call budget ended before all its runs (runs cut short by it are left out). */
  budgetCut?: boolean;
}

/** The context of `property`'s checks; each pooled run gets a copy with counters and exchanges of its own (the coverage is shared). */
function contextOf(settings: RunSettings, coverage: CheckContext['coverage']): CheckContext {
  return { target: settings.target, mode: settings.mode, sessions: settings.sessions, profile: settings.profile, bounds: settings.bounds, stats: emptyStats(), exchanges: [], coverage, property: {} };
}

/** The scenarios drawn in order and checked in the pool, the first that did not pass then shrunk alone. */
async function poolRuns(property: ContractProperty, settings: RunSettings, loop: Loop, started: number): Promise<PropertyRun> {
  const { draw, ctx: base, until } = loop;
  const durations: number[] = [];
  const pool = await runPooled({
    ...(settings.share ? { share: settings.share } : {}),
    ...(settings.profile ? { route: settings.profile.parent.route } : {}),
    durations,
    property,
    scenarios: streamScenarios(draw.arbitrary, draw.options),
    context: () => ({ ...base, stats: emptyStats(), exchanges: [], ...(base.coverage ? { coverage: runCoverage(base.coverage) } : {}) }),
    countCoverage: (ctx) => {
      if (base.coverage && ctx.coverage && ctx.coverage !== base.coverage) foldCoverage(base.coverage, ctx.coverage);
    },
    pool: loop.pool,
    until,
    deadline: settings.deadline,
    skip: (index) => otherShard(settings, propertyKey(property.id, settings.profile?.operation), index, false),
    // The progress line counts random runs: the boundary cases come first.
    runDone: (runs) => {
      if (runs > draw.cases) settings.listener.runDone?.(property.id, runs - draw.cases, settings.runs, settings.profile?.operation);
    },
  });
  const stats = statsOf(pool.runs, draw.cases);
  const first = pool.first;
  const end = (more: Partial<PropertyRun>): PropertyRun => ({ stats, durationMs: Math.round(performance.now() - started), interrupted: pool.interrupted, shareMs: Math.max(1, until - started), failure: null, shrinkCut: false, unshrunk: false, noVerdict: null, durations, ...budgetOf(settings, pool.budgetCut), ...more });
  if (first?.stop?.kind === 'fatal') throw new FatalRunError(first.stop.error.message);
  if (first?.stop) return end({ noVerdict: first.stop.error.message });
  if (!first?.failure) return end({});
  if (first.late) return end({ failure: { violation: first.failure, scenario: first.scenario, path: String(first.index) }, unshrunk: true });
  const shrunk = await shrinkFrom(property, settings, { ...loop, ctx: contextOf(settings, base.coverage) }, { ...first, failure: first.failure }, durations);
  addStats(stats, { ...shrunk.stats, runs: 0, boundary: 0 });
  return end({ ...shrunk, stats, interrupted: pool.interrupted || shrunk.interrupted, ...budgetOf(settings, pool.budgetCut || shrunk.budgetCut) });
}

/** What a run's call budget says of the property: its calls, its share, and whether the share cut it short (nothing without a share). */
function budgetOf(settings: RunSettings, cut: boolean): Pick<PropertyRun, 'calls' | 'callShare' | 'budgetCut'> {
  const share = settings.share;
  if (!share) return {};
  return { calls: share.calls, ...(share.limit === Infinity ? {} : { callShare: share.limit, budgetCut: cut }) };
}

/**
 * Runs `property` on `settings.runs` scenarios from its own seed, shrinking the first failure, until
 * `until` (a `performance.now()`: its share of the run's deadline), in `settings.pool` (a pool of
 * one when it has none); with `settings.path`, replays that path instead. Throws a FatalRunError
 * when seeding stops working or the target is gone.
 */
export async function runProperty(property: ContractProperty, settings: RunSettings, until = settings.deadline): Promise<PropertyRun> {
  const started = performance.now();
  const detach = attachScopes(settings.target);
  try {
    // The coverage collector is filed under the settings the report is built with: these, not a copy.
    const loop = { draw: drawOf(property, settings), ctx: contextOf(settings, coverageFor(settings, property.id)), until, pool: settings.pool ?? createPool(1, settings.mode === 'seeded') };
    if (!settings.path) return await poolRuns(property, settings, loop, started);
    const replayed = await replayPath(property, settings, loop, settings.path);
    return { ...replayed, durationMs: Math.round(performance.now() - started), shareMs: Math.max(1, until - started), ...budgetOf(settings, replayed.budgetCut) };
  } finally {
    detach();
  }
}
