/**
 * `pagination.page-size`: no page holds more items than the page size asked for.
 */
import fc from 'fast-check';
import { freshParentId, itemPopulation, pageSize, type Item } from '../../../arbitraries/index.js';
import { LIST_EXECUTORS, listRequest, type OperationProfile } from '../../../profiles/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { boundaryPageSizes, boundaryParent, sizedWalks, type WalkCase } from '../boundary/index.js';
import type { ListRequest } from '../call.js';
import { profileOf, type CheckContext } from '../context.js';
import type { ContractProperty, ScenarioContext } from '../property.js';
import { defineProperty } from '../property.js';
import { inSession, sessionScenario, withSample, type SessionScenario } from '../scaffold/index.js';
import { plural } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { walkAtSize } from '../sampled-walk.js';
import type { Walk } from '../walk.js';

type Scenario = SessionScenario<
  { sessionId: string; population: Item[]; maxResults: number; filter?: string },
  // `sample`: the random points of a sampled walk, where the parent is too large to walk whole (none in boundary cases).
  { sessionId: string; maxResults: number; filter?: string; sample?: number }
>;

const definedPageSize = (profile: OperationProfile) => pageSize(profile).filter((n): n is number => n !== undefined);
const optionalFilter = (profile: OperationProfile) => fc.option(fc.constantFrom(...profile.states), { nil: undefined, freq: 3 });

/** The boundary cases: every boundary page size over every boundary population, or (observational) over each given parent. */
function boundary(sc: ScenarioContext): Scenario[] {
  const profile = profileOf(sc);
  const sized = (c: WalkCase): c is WalkCase & { maxResults: number } => c.maxResults !== undefined;
  if (sc.mode === 'seeded')
    return sizedWalks(profile).filter(sized).map((c, i) => ({ mode: 'seeded', sessionId: c.sessionId ?? boundaryParent(profile, 'pagination.page-size', i), population: c.population, maxResults: c.maxResults, ...(c.filter ? { filter: c.filter } : {}) }));
  // A given parent may be large: pages of the smallest size are left to the walks of pagination.exactly-once.
  const sizes = boundaryPageSizes(profile).filter((m): m is number => m !== undefined && m > profile.pageBounds.min);
  return sc.sessions.flatMap((sessionId) => sizes.map((maxResults): Scenario => ({ mode: 'observational', sessionId, maxResults })));
}

/**
 * Walks `request` whole, or (a parent too large to walk whole at `maxResults`, observational) sampled:
 * then every page of the short walks resumed from the reference's tokens is held to `maxResults`, and
 * the reference's pages to the largest page size it asked for.
 */
async function checkWalk(ctx: CheckContext, request: ListRequest, maxResults: number, maxPages: number, sample?: number): Promise<void> {
  const profile = profileOf(ctx);
  const sized = await walkAtSize(ctx, request, { maxPages, sample });
  if (sized.kind === 'whole') return checkPages(profile, sized.walk, maxResults, '');
  checkPages(profile, sized.reference, profile.pageBounds.max, ` of the reference walk with ${profile.pageSize} ${profile.pageBounds.max}`);
  for (const segment of sized.segments)
    checkPages(profile, segment.walk, segment.pageSize ?? maxResults, segment.at === 0 ? '' : ` of the walk with ${profile.pageSize} ${segment.pageSize} resumed after ${profile.itemNoun} ${segment.at} (sampled)`);
}

function checkPages(profile: OperationProfile, w: Walk, maxResults: number, of: string): void {
  for (const [i, page] of w.pages.entries())
    if (page.items.length > maxResults)
      throw new ContractViolation(`page ${i + 1}${of} holds ${page.items.length} ${plural(profile.itemNoun)}, more than ${profile.pageSize} ${maxResults}`);
}

/** `pagination.page-size` in `profile`'s words. */
export function pageSizeFor(profile: OperationProfile): ContractProperty<'pagination.page-size'> {
  return defineProperty({
    id: 'pagination.page-size',
    law: `No page holds more than ${profile.pageSize} ${plural(profile.itemNoun)}.`,
    modes: ['seeded', 'observational'],
    vacuity: walkVacuity(profile),
    coverage: lawCoverage(profile, { pages: 'walks' }),
    scenario: (sc): fc.Arbitrary<Scenario> => {
      const p = profileOf(sc);
      return sessionScenario(sc, {
        seeded: () => fc.record({ sessionId: freshParentId(p), population: itemPopulation(p, { maxSize: 120 }), maxResults: definedPageSize(p), filter: optionalFilter(p) }),
        observational: (sessions) => withSample(fc.record({ sessionId: fc.constantFrom(...sessions), maxResults: definedPageSize(p), filter: optionalFilter(p) })),
      });
    },
    boundary,
    async check(s: Scenario, ctx) {
      const request = listRequest(profileOf(ctx), { parent: s.sessionId, pageSize: s.maxResults, ...(s.filter ? { state: s.filter } : {}) });
      await inSession(s, ctx, (maxPages) => checkWalk(ctx, request, s.maxResults, maxPages, s.mode === 'observational' ? s.sample : undefined));
    },
  });
}

/** The property value of `pagination.page-size` (ListExecutors' words). */
export const pageSizeProperty = pageSizeFor(LIST_EXECUTORS);
