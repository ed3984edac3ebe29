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
import { inSession, sessionScenario, type SessionScenario } from '../scaffold/index.js';
import { plural } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { walk } from '../walk.js';

type Scenario = SessionScenario<
  { sessionId: string; population: Item[]; maxResults: number; filter?: string },
  { sessionId: string; maxResults: number; filter?: string }
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

async function checkWalk(ctx: CheckContext, request: ListRequest, maxResults: number, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const w = await walk(ctx, request, { maxPages });
  for (const [i, page] of w.pages.entries())
    if (page.items.length > maxResults)
      throw new ContractViolation(`page ${i + 1} holds ${page.items.length} ${plural(profile.itemNoun)}, more than ${profile.pageSize} ${maxResults}`);
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
        observational: (sessions) => fc.record({ sessionId: fc.constantFrom(...sessions), maxResults: definedPageSize(p), filter: optionalFilter(p) }),
      });
    },
    boundary,
    async check(s: Scenario, ctx) {
      const request = listRequest(profileOf(ctx), { parent: s.sessionId, pageSize: s.maxResults, ...(s.filter ? { state: s.filter } : {}) });
      await inSession(s, ctx, (maxPages) => checkWalk(ctx, request, s.maxResults, maxPages));
    },
  });
}

/** The property value of `pagination.page-size` (ListExecutors' words). */
export const pageSizeProperty = pageSizeFor(LIST_EXECUTORS);
