/**
 * `ordering.newest-first`: across the whole walk, StartDateTime never increases. The order among
 * equal StartDateTimes is undocumented and never demanded; executors without one are skipped.
 */
import type fc from 'fast-check';
import type { ListExecutorsRequest } from '../../../generated/athena.js';
import { sizedWalks, tieWalks } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { walkVacuity } from '../vacuity-rules.js';
import { forEachWalk, idOf, walkBoundary, walkScenario, type WalkScenario } from '../scaffold/index.js';
import { ContractViolation } from '../violation.js';
import { walk } from '../walk.js';

async function checkWalk(ctx: CheckContext, request: ListExecutorsRequest, maxPages: number): Promise<void> {
  const w = await walk(ctx, request, { maxPages });
  const seen = new Set<string>();
  let previous: { id: string; start: number; page: number } | undefined;
  for (const [p, page] of w.pages.entries())
    for (const e of page.executors) {
      const id = idOf(e);
      // A repeated executor means the walk went round again: what follows is pagination's failure, not ordering's.
      if (seen.has(id)) return;
      seen.add(id);
      const start = e.StartDateTime;
      if (typeof start !== 'number') continue;
      if (previous && start > previous.start)
        throw new ContractViolation(
          `executor ${JSON.stringify(id)} (StartDateTime ${start}, page ${p + 1}) is listed after ${JSON.stringify(previous.id)} (StartDateTime ${previous.start}, page ${previous.page}): newer after older`,
        );
      previous = { id, start, page: p + 1 };
    }
}

/** The property value of `ordering.newest-first`. */
export const newestFirst = defineProperty({
  id: 'ordering.newest-first',
  law: 'Across the whole walk, StartDateTime never increases (ties in any order).',
  modes: ['seeded', 'observational'],
  vacuity: walkVacuity,
  scenario: (sc): fc.Arbitrary<WalkScenario> => walkScenario(sc, true),
  boundary: (sc) => walkBoundary(sc, [...sizedWalks(true), ...tieWalks()], [[2]]),
  check: (s: WalkScenario, ctx) => forEachWalk(s, ctx, (request, maxPages) => checkWalk(ctx, request, maxPages)),
});
