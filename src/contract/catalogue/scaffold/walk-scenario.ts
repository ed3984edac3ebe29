/**
 * Scenarios of the properties that check single walks: in seeded mode one seeded population walked
 * with one request shape, in observational mode one given session walked with each of a few page sizes.
 */
import type fc from 'fast-check';
import { clean, observedWalk, seededWalk, type ObservedWalk, type SeededWalk } from '../../../arbitraries/index.js';
import type { ListExecutorsRequest } from '../../../generated/athena.js';
import { BOUNDARY_SESSION, type WalkCase } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import type { ScenarioContext } from '../property.js';
import { perMode, sessionScenario, type SessionScenario } from './session-scenario.js';

/** A walk scenario of either mode. */
export type WalkScenario = SessionScenario<SeededWalk, ObservedWalk>;

/** Walk scenarios for the mode; `filter` lets requests carry an ExecutorStateFilter. */
export function walkScenario(sc: ScenarioContext, filter: boolean): fc.Arbitrary<WalkScenario> {
  return sessionScenario(sc, {
    seeded: () => seededWalk(filter),
    observational: (sessions) => (filter ? observedWalk(sessions) : observedWalk(sessions).map((s) => ({ ...s, filter: undefined }))),
  });
}

/** Calls `check` with each request the scenario walks and the most pages that walk may take. */
export function forEachWalk(s: WalkScenario, ctx: CheckContext, check: (request: ListExecutorsRequest, maxPages: number) => Promise<void>): Promise<void> {
  return perMode<SeededWalk, ObservedWalk>({
    seeded: (w, _ctx, maxPages) => check({ SessionId: w.sessionId, ...w.request }, maxPages),
    async observational(w, _ctx, maxPages) {
      for (const size of w.pageSizes) await check(clean({ SessionId: w.sessionId, MaxResults: size, ExecutorStateFilter: w.filter }), maxPages);
    },
  })(s, ctx);
}

/** The seeded walk of a boundary case: its session (the boundary one unless the case names another), population and request shape. */
export function seededWalkOf(c: WalkCase): SeededWalk {
  return { sessionId: c.sessionId ?? BOUNDARY_SESSION, population: c.population, request: clean({ MaxResults: c.maxResults, ExecutorStateFilter: c.filter }) };
}

/**
 * Boundary walk scenarios for the mode: each of `cases` seeded and walked, or (observational) each
 * given session walked with each list of `pageSizes`, unfiltered.
 */
export function walkBoundary(sc: ScenarioContext, cases: readonly WalkCase[], pageSizes: readonly (readonly (number | undefined)[])[]): WalkScenario[] {
  if (sc.mode === 'seeded') return cases.map((c) => ({ mode: 'seeded' as const, ...seededWalkOf(c) }));
  return sc.sessions.flatMap((sessionId) => pageSizes.map((sizes) => ({ mode: 'observational' as const, sessionId, pageSizes: [...sizes] })));
}
