/**
 * Scenarios of the properties that check single walks: in seeded mode one seeded population walked
 * with one request shape, in observational mode one given parent walked with one page size (a boundary
 * case: with each of a few).
 */
import fc from 'fast-check';
import { clean, observedWalk, seededWalk, type ObservedWalk, type SeededWalk } from '../../../arbitraries/index.js';
import { listRequest, type OperationProfile } from '../../../profiles/index.js';
import { boundaryParent, type WalkCase } from '../boundary/index.js';
import { sweepSizes } from '../boundary-sweep.js';
import type { ListRequest } from '../call.js';
import { profileOf, type CheckContext } from '../context.js';
import type { ScenarioContext } from '../property.js';
import { perMode, sessionScenario, type SessionScenario } from './session-scenario.js';

/**
 * An observational walk scenario: the parent, page sizes and filter, and `sample`, the draw that
 * picks the random points of a sampled walk (sampled-walk.ts) where the parent is too large to walk
 * whole; drawn last and never shrunk, so the other members draw and shrink as they did without it.
 * Boundary cases carry none (0). `sweep`: a case of the boundary sweep (boundary-sweep.ts), one
 * offset walk whose first page is at its one page size and every later page at the largest.
 */
export type SampledWalkDraw = ObservedWalk & { sample?: number; sweep?: true };

/** A walk scenario of either mode. */
export type WalkScenario = SessionScenario<SeededWalk, SampledWalkDraw>;

/** The draw of a sampled walk's random points, appended to an observational scenario's draw. */
export function withSample<T extends object>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T & { sample: number }> {
  return fc.tuple(arbitrary, fc.noShrink(fc.nat())).map(([s, sample]) => ({ ...s, sample }));
}

/** Walk scenarios for the mode; `filter` lets requests carry a filter. */
export function walkScenario(sc: ScenarioContext, filter: boolean): fc.Arbitrary<WalkScenario> {
  const profile = profileOf(sc);
  return sessionScenario(sc, {
    seeded: () => seededWalk(profile, filter),
    observational: (sessions) => withSample(filter ? observedWalk(profile, sessions) : observedWalk(profile, sessions).map((s) => ({ ...s, filter: undefined }))),
  });
}

/** The request of a seeded walk: its parent, then its shape's members. */
export function seededRequest(profile: OperationProfile, w: SeededWalk): ListRequest {
  return { [profile.parent.member]: w.sessionId, ...w.request };
}

/** Calls `check` with each request the scenario walks, the most pages that walk may take and (observational) the scenario's sample draw. */
export function forEachWalk(s: WalkScenario, ctx: CheckContext, check: (request: ListRequest, maxPages: number, sample?: number) => Promise<void>): Promise<void> {
  const profile = profileOf(ctx);
  return perMode<SeededWalk, SampledWalkDraw>({
    seeded: (w, _ctx, maxPages) => check(seededRequest(profile, w), maxPages),
    async observational(w, _ctx, maxPages) {
      for (const size of w.pageSizes) await check(clean(listRequest(profile, { parent: w.sessionId, pageSize: size, state: w.filter })), maxPages, w.sample);
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

/**
 * The boundary sweep's cases (observational; none in seeded mode, whose populations are walked whole):
 * for each first-page size, smallest first, each given parent's offset walk, so that a run the call
 * budget or the deadline stops has tested the same share of every parent's boundaries.
 */
export function sweepBoundary(sc: ScenarioContext): WalkScenario[] {
  if (sc.mode === 'seeded') return [];
  return sweepSizes(profileOf(sc).pageBounds).flatMap((first) => sc.sessions.map((sessionId) => ({ mode: 'observational' as const, sessionId, pageSizes: [first], sweep: true as const })));
}
