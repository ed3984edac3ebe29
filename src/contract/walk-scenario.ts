/**
 * Scenarios of the properties that check single walks: in seeded mode one seeded population walked
 * with one request shape, in observational mode one given session walked with each of a few page sizes.
 */
import type fc from 'fast-check';
import type { ListExecutorsRequest } from '../generated/athena.js';
import type { CheckContext } from './context.js';
import type { ScenarioContext } from './property.js';
import { clean, observedWalk, seededWalk, type ObservedWalk, type SeededWalk } from './scenarios.js';
import { pageBound, withSeededSession } from './seeded.js';

/** A walk scenario of either mode. */
export type WalkScenario = ({ mode: 'seeded' } & SeededWalk) | ({ mode: 'observational' } & ObservedWalk);

/** Walk scenarios for the mode; `filter` lets requests carry an ExecutorStateFilter. */
export function walkScenario(sc: ScenarioContext, filter: boolean): fc.Arbitrary<WalkScenario> {
  return sc.mode === 'seeded'
    ? seededWalk(filter).map((s) => ({ mode: 'seeded' as const, ...s }))
    : observedWalk(sc).map((s) => ({ mode: 'observational' as const, ...s, ...(filter ? {} : { filter: undefined }) }));
}

/** Calls `check` with each request the scenario walks and the most pages that walk may take. */
export async function forEachWalk(s: WalkScenario, ctx: CheckContext, check: (request: ListExecutorsRequest, maxPages: number) => Promise<void>): Promise<void> {
  if (s.mode === 'seeded') {
    await withSeededSession(ctx, s.sessionId, s.population, () => check({ SessionId: s.sessionId, ...s.request }, pageBound(s.population.length)));
    return;
  }
  for (const size of s.pageSizes) await check(clean({ SessionId: s.sessionId, MaxResults: size, ExecutorStateFilter: s.filter }), ctx.bounds.maxPages);
}
