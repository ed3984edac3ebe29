/**
 * Scenarios of the properties that check single walks: in seeded mode one seeded population walked
 * with one request shape, in observational mode one given parent walked with each of a few page sizes.
 */
import type fc from 'fast-check';
import { clean, observedWalk, seededWalk, type ObservedWalk, type SeededWalk } from '../../../arbitraries/index.js';
import { listRequest, type OperationProfile } from '../../../profiles/index.js';
import { boundaryParent, type WalkCase } from '../boundary/index.js';
import type { ListRequest } from '../call.js';
import { profileOf, type CheckContext } from '../context.js';
import type { ScenarioContext } from '../property.js';
import { perMode, sessionScenario, type SessionScenario } from './session-scenario.js';

/** A walk scenario of either mode. */
export type WalkScenario = SessionScenario<SeededWalk, ObservedWalk>;

/** Walk scenarios for the mode; `filter` lets requests carry a filter. */
export function walkScenario(sc: ScenarioContext, filter: boolean): fc.Arbitrary<WalkScenario> {
  const profile = profileOf(sc);
  return sessionScenario(sc, {
    seeded: () => seededWalk(profile, filter),
    observational: (sessions) => (filter ? observedWalk(profile, sessions) : observedWalk(profile, sessions).map((s) => ({ ...s, filter: undefined }))),
  });
}

/** The request of a seeded walk: its parent, then its shape's members. */
export function seededRequest(profile: OperationProfile, w: SeededWalk): ListRequest {
  return { [profile.parent.member]: w.sessionId, ...w.request };
}

/** Calls `check` with each request the scenario walks and the most pages that walk may take. */
export function forEachWalk(s: WalkScenario, ctx: CheckContext, check: (request: ListRequest, maxPages: number) => Promise<void>): Promise<void> {
  const profile = profileOf(ctx);
  return perMode<SeededWalk, ObservedWalk>({
    seeded: (w, _ctx, maxPages) => check(seededRequest(profile, w), maxPages),
    async observational(w, _ctx, maxPages) {
      for (const size of w.pageSizes) await check(clean(listRequest(profile, { parent: w.sessionId, pageSize: size, state: w.filter })), maxPages);
    },
  })(s, ctx);
}

/** The seeded walk of boundary case `index` of `law`: its parent (its own unless the case names one), population and request shape. */
export function seededWalkOf(profile: OperationProfile, c: WalkCase, law: string, index: number): SeededWalk {
  return { sessionId: c.sessionId ?? boundaryParent(profile, law, index), population: c.population, request: clean({ [profile.pageSize]: c.maxResults, [profile.filter.member]: c.filter }) as SeededWalk['request'] };
}

/**
 * Boundary walk scenarios of `law` for the mode: each of `cases` seeded (in a parent of its own) and
 * walked, or (observational) each given parent walked with each list of `pageSizes`, unfiltered.
 */
export function walkBoundary(sc: ScenarioContext, cases: readonly WalkCase[], pageSizes: readonly (readonly (number | undefined)[])[], law: string): WalkScenario[] {
  if (sc.mode === 'seeded') return cases.map((c, i) => ({ mode: 'seeded' as const, ...seededWalkOf(profileOf(sc), c, law, i) }));
  return sc.sessions.flatMap((sessionId) => pageSizes.map((sizes) => ({ mode: 'observational' as const, sessionId, pageSizes: [...sizes] })));
}
