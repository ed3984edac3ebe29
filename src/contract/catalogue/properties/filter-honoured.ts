/**
 * `filter.honoured`: with ExecutorStateFilter, every executor listed has that state, and the filtered
 * walk is exactly the unfiltered one restricted to that state (compared as sets: no order is fixed).
 * A walk that does not complete is pagination's failure, not the filter's: the run is then vacuous.
 */
import fc from 'fast-check';
import { EXECUTOR_STATES, executorPopulation, freshSessionId, pageSize } from '../../../arbitraries/index.js';
import type { ExecutorState, ExecutorsSummary, ListExecutorsRequest } from '../../../generated/athena.js';
import { BOUNDARY_SESSION, filterWalks } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import { defineProperty, type ScenarioContext } from '../property.js';
import { confirmTwice, idDifference, idOf, perMode, sessionScenario, type IdDifference, type SessionScenario } from '../scaffold/index.js';
import { previewIds } from '../text.js';
import { allOf, runVacuity, walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { walk, walkedExecutors, type Walk } from '../walk.js';

interface Seeded {
  sessionId: string;
  population: ExecutorsSummary[];
  maxResults?: number;
  filter: ExecutorState;
}

interface Observed {
  sessionId: string;
  filter: ExecutorState;
  maxResults?: number;
}

type Scenario = SessionScenario<Seeded, Observed>;

/** Prefers a state the population has (three times in four), so the filter has something to keep. */
function pickFilter(population: readonly ExecutorsSummary[], pick: number): ExecutorState {
  const present = [...new Set(population.map((e) => e.ExecutorState).filter((x): x is ExecutorState => !!x))];
  const pool = present.length && pick % 4 !== 0 ? present : EXECUTOR_STATES;
  return pool[pick % pool.length];
}

/** Fails on any listed executor whose state is not `filter`; returns the ids listed. */
function onlyFiltered(w: Walk, filter: ExecutorState): Set<string> {
  for (const [p, page] of w.pages.entries())
    for (const e of page.executors)
      if (e.ExecutorState !== filter)
        throw new ContractViolation(`with ExecutorStateFilter ${filter}, page ${p + 1} lists executor ${JSON.stringify(idOf(e))} in state ${JSON.stringify(e.ExecutorState ?? null)}`);
  return new Set(walkedExecutors(w).map(idOf));
}

/** The ids of the `filter` executors among `executors`. */
function idsInState(executors: readonly (Record<string, unknown> | ExecutorsSummary)[], filter: ExecutorState): Set<string> {
  return new Set(executors.filter((e) => e.ExecutorState === filter).map(idOf));
}

/** Fails on a difference between the filtered walk and the `filter` executors of `what`. */
function failOn(difference: IdDifference | undefined, filter: ExecutorState, what: string): void {
  if (difference?.missing.length) throw new ContractViolation(`with ExecutorStateFilter ${filter}, ${difference.missing.length} ${filter} executor(s) of ${what} never listed: ${previewIds(difference.missing)}`);
  if (difference?.extra.length) throw new ContractViolation(`with ExecutorStateFilter ${filter}, listed ${difference.extra.length} executor(s) not among the ${filter} ones of ${what}: ${previewIds(difference.extra)}`);
}

/** A walk that cannot finish is pagination's failure, not the filter's: the run compared nothing. */
function incomplete(ctx: CheckContext): void {
  ctx.stats.vacuousRuns++;
}

function filtered(s: Seeded | Observed): ListExecutorsRequest {
  return { SessionId: s.sessionId, ExecutorStateFilter: s.filter, ...(s.maxResults === undefined ? {} : { MaxResults: s.maxResults }) };
}

/** The filtered walk of the seeded session lists exactly its executors in that state. */
async function checkSeeded(s: Seeded, ctx: CheckContext, maxPages: number): Promise<void> {
  const w = await walk(ctx, filtered(s), { maxPages });
  const listed = onlyFiltered(w, s.filter);
  if (w.outcome.kind !== 'complete') return incomplete(ctx);
  failOn(idDifference(idsInState(s.population, s.filter), listed), s.filter, 'the seeded population');
}

/** The filtered walk of a given session lists exactly the executors in that state of an unfiltered walk. */
async function checkObserved(s: Observed, ctx: CheckContext, maxPages: number): Promise<void> {
  const sets = async (): Promise<{ listed: Set<string>; expected: Set<string> } | undefined> => {
    const w = await walk(ctx, filtered(s), { maxPages });
    const listed = onlyFiltered(w, s.filter);
    if (w.outcome.kind !== 'complete') return undefined;
    const all = await walk(ctx, { SessionId: s.sessionId, MaxResults: 100 }, { maxPages });
    if (all.outcome.kind !== 'complete') return undefined;
    return { listed, expected: idsInState(walkedExecutors(all), s.filter) };
  };
  const { value, difference } = await confirmTwice(sets, (v) => v && idDifference(v.expected, v.listed));
  if (!value) return incomplete(ctx);
  failOn(difference, s.filter, 'the unfiltered walk');
}

/** The boundary cases: every filter over a population it keeps some of and one it keeps none of, or (observational) every filter over each given session. */
function boundary(sc: ScenarioContext): Scenario[] {
  if (sc.mode === 'seeded')
    return filterWalks().map((c) => ({ mode: 'seeded', sessionId: c.sessionId ?? BOUNDARY_SESSION, population: c.population, maxResults: c.maxResults, filter: c.filter ?? EXECUTOR_STATES[0] }));
  return sc.sessions.flatMap((sessionId) => EXECUTOR_STATES.map((filter): Scenario => ({ mode: 'observational', sessionId, filter })));
}

/** The property value of `filter.honoured`. */
export const filterHonoured = defineProperty({
  id: 'filter.honoured',
  law: 'With ExecutorStateFilter, every executor listed has that state, and the filtered walk is exactly the unfiltered walk restricted to that state.',
  modes: ['seeded', 'observational'],
  vacuity: allOf(walkVacuity, runVacuity('no walk completed, so no filtered walk could be compared')),
  scenario: (sc): fc.Arbitrary<Scenario> =>
    sessionScenario(sc, {
      seeded: () =>
        fc
          .record({ sessionId: freshSessionId(), population: executorPopulation({ maxSize: 120 }), maxResults: pageSize(), pick: fc.nat() })
          .map(({ pick, ...s }) => ({ ...s, filter: pickFilter(s.population, pick) })),
      observational: (sessions) => fc.record({ sessionId: fc.constantFrom(...sessions), filter: fc.constantFrom(...EXECUTOR_STATES), maxResults: pageSize() }),
    }),
  boundary,
  check: perMode({ seeded: checkSeeded, observational: checkObserved }),
});
