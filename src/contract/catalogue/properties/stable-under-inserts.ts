/**
 * `pagination.stable-under-inserts` (seeded): executors started during a walk (StartDateTime at or
 * above the newest so far, loaded by a PUT of the grown population) cause no duplicate and no loss of
 * those that existed throughout. Whether the new ones are listed is not fixed.
 */
import fc from 'fast-check';
import { executorPopulation, freshSessionId, growPopulation } from '../../../arbitraries/index.js';
import type { ExecutorsSummary } from '../../../generated/athena.js';
import { BOUNDARY_SESSION, insertWalks } from '../boundary/index.js';
import { defineProperty } from '../property.js';
import { idOf, pageBound, seedingOf, withSeededSession } from '../scaffold/index.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { describeIncomplete, walk } from '../walk.js';

interface Scenario {
  sessionId: string;
  population: ExecutorsSummary[];
  grown: ExecutorsSummary[];
  maxResults: number;
  /** The session grows after this many pages (1 = after the first). */
  insertAfter: number;
}

/** The property value of `pagination.stable-under-inserts`. */
export const stableUnderInserts = defineProperty({
  id: 'pagination.stable-under-inserts',
  law: 'Executors started during a walk cause no duplicate and no loss of those that existed throughout.',
  modes: ['seeded'],
  skipReason: 'needs seeding: the harness must grow the session mid-walk',
  vacuity: walkVacuity,
  scenario: (): fc.Arbitrary<Scenario> =>
    fc
      .record({ sessionId: freshSessionId(), population: executorPopulation({ minSize: 3, maxSize: 40 }), maxResults: fc.integer({ min: 1, max: 5 }), insertAfter: fc.integer({ min: 1, max: 3 }) })
      .chain((s) => growPopulation(s.population).map((grown) => ({ ...s, grown }))),
  boundary: (): Scenario[] => insertWalks().map((c) => ({ sessionId: BOUNDARY_SESSION, ...c })),
  async check(s: Scenario, ctx) {
    const grownTo = [...s.population, ...s.grown];
    await withSeededSession(ctx, s, async () => {
      const w = await walk(ctx, { SessionId: s.sessionId, MaxResults: s.maxResults }, {
        maxPages: pageBound(grownTo.length),
        afterPage: async (i) => {
          if (i + 1 === s.insertAfter) await seedingOf(ctx).put(s.sessionId, grownTo);
        },
      });
      const label = `walk with MaxResults ${s.maxResults}, ${s.grown.length} executor(s) started after page ${s.insertAfter}`;
      if (w.outcome.kind !== 'complete') throw new ContractViolation(`${label}: ${describeIncomplete(w)}`);
      const count = new Map<string, number>();
      for (const page of w.pages) for (const e of page.executors) count.set(idOf(e), (count.get(idOf(e)) ?? 0) + 1);
      const twice = [...count].filter(([, n]) => n > 1).map(([id]) => id);
      if (twice.length) throw new ContractViolation(`${label}: ${twice.length} executor(s) listed twice, e.g. ${JSON.stringify(twice[0])}`);
      const lost = s.population.map(idOf).filter((id) => !count.has(id));
      if (lost.length) throw new ContractViolation(`${label}: ${lost.length} executor(s) present throughout never listed, e.g. ${JSON.stringify(lost[0])}`);
    });
  },
});
