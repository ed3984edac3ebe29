/**
 * `filter.honoured`: with ExecutorStateFilter, every executor listed has that state, and the filtered
 * walk is exactly the unfiltered one restricted to that state (compared as sets: no order is fixed).
 */
import fc from 'fast-check';
import { executorPopulation } from '../../arbitraries/index.js';
import type { ExecutorState, ExecutorsSummary } from '../../generated/athena.js';
import { defineProperty } from '../property.js';
import { walkAndRunVacuity } from '../vacuity.js';
import { EXECUTOR_STATES, freshSessionId, pageSize } from '../scenarios.js';
import { pageBound, withSeededSession } from '../seeded.js';
import { ContractViolation } from '../violation.js';
import { previewIds } from '../text.js';
import { idOf, sameIds, walk, walkedExecutors, type Walk } from '../walk.js';

type Scenario =
  | { mode: 'seeded'; sessionId: string; population: ExecutorsSummary[]; filter: ExecutorState; maxResults?: number }
  | { mode: 'observational'; sessionId: string; filter: ExecutorState; maxResults?: number };

/** Fails on any listed executor whose state is not `filter`; returns the ids listed. */
function onlyFiltered(w: Walk, filter: ExecutorState): Set<string> {
  for (const [p, page] of w.pages.entries())
    for (const e of page.executors)
      if (e.ExecutorState !== filter)
        throw new ContractViolation(`with ExecutorStateFilter ${filter}, page ${p + 1} lists executor ${JSON.stringify(idOf(e))} in state ${JSON.stringify(e.ExecutorState ?? null)}`);
  return new Set(walkedExecutors(w).map(idOf));
}

function sameSet(listed: Set<string>, expected: Set<string>, filter: ExecutorState, what: string): void {
  const missing = [...expected].filter((id) => !listed.has(id));
  const extra = [...listed].filter((id) => !expected.has(id));
  if (missing.length) throw new ContractViolation(`with ExecutorStateFilter ${filter}, ${missing.length} ${filter} executor(s) of ${what} never listed: ${previewIds(missing)}`);
  if (extra.length) throw new ContractViolation(`with ExecutorStateFilter ${filter}, listed ${extra.length} executor(s) not among the ${filter} ones of ${what}: ${previewIds(extra)}`);
}

/** The property value of `filter.honoured`. */
export const filterHonoured = defineProperty({
  id: 'filter.honoured',
  law: 'With ExecutorStateFilter, every executor listed has that state, and the filtered walk is exactly the unfiltered walk restricted to that state.',
  modes: ['seeded', 'observational'],
  vacuity: walkAndRunVacuity,
  scenario: (sc): fc.Arbitrary<Scenario> =>
    sc.mode === 'seeded'
      ? fc
          .record({ sessionId: freshSessionId(), population: executorPopulation({ maxSize: 120 }), maxResults: pageSize(), pick: fc.nat() })
          .map(({ pick, ...s }) => {
            // Prefer a state the population has, so the filter has something to keep.
            const present = [...new Set(s.population.map((e) => e.ExecutorState).filter((x): x is ExecutorState => !!x))];
            const pool = present.length && pick % 4 !== 0 ? present : EXECUTOR_STATES;
            return { mode: 'seeded' as const, ...s, filter: pool[pick % pool.length] };
          })
      : fc.record({ sessionId: fc.constantFrom(...sc.sessions), filter: fc.constantFrom(...EXECUTOR_STATES), maxResults: pageSize() }).map((s) => ({ mode: 'observational' as const, ...s })),
  async check(s: Scenario, ctx) {
    const filtered = { SessionId: s.sessionId, ExecutorStateFilter: s.filter, ...(s.maxResults === undefined ? {} : { MaxResults: s.maxResults }) };
    if (s.mode === 'seeded') {
      await withSeededSession(ctx, s.sessionId, s.population, async () => {
        const w = await walk(ctx, filtered, { maxPages: pageBound(s.population.length) });
        const listed = onlyFiltered(w, s.filter);
        if (w.outcome.kind !== 'complete') return;
        sameSet(listed, new Set(s.population.filter((e) => e.ExecutorState === s.filter).map(idOf)), s.filter, 'the seeded population');
      });
      return;
    }
    // The session may change between the two walks (a live one starting executors): a difference
    // counts only when a second pair of walks shows it again.
    const compare = async (): Promise<{ listed: Set<string>; expected: Set<string> } | undefined> => {
      const w = await walk(ctx, filtered, { maxPages: ctx.bounds.maxPages });
      const listed = onlyFiltered(w, s.filter);
      if (w.outcome.kind !== 'complete') return undefined;
      const all = await walk(ctx, { SessionId: s.sessionId, MaxResults: 100 }, { maxPages: ctx.bounds.maxPages });
      // An unfiltered walk that cannot finish is pagination's failure, not the filter's.
      if (all.outcome.kind !== 'complete') return undefined;
      return { listed, expected: new Set(walkedExecutors(all).filter((e) => e.ExecutorState === s.filter).map(idOf)) };
    };
    let sets = await compare();
    if (sets && !sameIds(sets.listed, sets.expected)) sets = await compare();
    if (sets) sameSet(sets.listed, sets.expected, s.filter, 'the unfiltered walk');
  },
});
