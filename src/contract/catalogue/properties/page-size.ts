/**
 * `pagination.page-size`: no page holds more than MaxResults executors.
 */
import fc from 'fast-check';
import { EXECUTOR_STATES, executorPopulation, freshSessionId, pageSize } from '../../../arbitraries/index.js';
import type { ExecutorState, ExecutorsSummary, ListExecutorsRequest } from '../../../generated/athena.js';
import { BOUNDARY_PAGE_SIZES, BOUNDARY_SESSION, sizedWalks, type WalkCase } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import type { ScenarioContext } from '../property.js';
import { defineProperty } from '../property.js';
import { inSession, sessionScenario, type SessionScenario } from '../scaffold/index.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { walk } from '../walk.js';

type Scenario = SessionScenario<
  { sessionId: string; population: ExecutorsSummary[]; maxResults: number; filter?: ExecutorState },
  { sessionId: string; maxResults: number; filter?: ExecutorState }
>;

const definedPageSize = () => pageSize().filter((n): n is number => n !== undefined);
const optionalFilter = () => fc.option(fc.constantFrom(...EXECUTOR_STATES), { nil: undefined, freq: 3 });

/** The boundary cases: every boundary page size over every boundary population, or (observational) over each given session. */
function boundary(sc: ScenarioContext): Scenario[] {
  const sized = (c: WalkCase): c is WalkCase & { maxResults: number } => c.maxResults !== undefined;
  if (sc.mode === 'seeded')
    return sizedWalks().filter(sized).map((c) => ({ mode: 'seeded', sessionId: c.sessionId ?? BOUNDARY_SESSION, population: c.population, maxResults: c.maxResults, ...(c.filter ? { filter: c.filter } : {}) }));
  // A given session may be large: pages of 1 are left to the walks of pagination.exactly-once.
  const sizes = BOUNDARY_PAGE_SIZES.filter((m): m is number => m !== undefined && m > 1);
  return sc.sessions.flatMap((sessionId) => sizes.map((maxResults): Scenario => ({ mode: 'observational', sessionId, maxResults })));
}

async function checkWalk(ctx: CheckContext, request: ListExecutorsRequest & { MaxResults: number }, maxPages: number): Promise<void> {
  const w = await walk(ctx, request, { maxPages });
  for (const [i, page] of w.pages.entries())
    if (page.executors.length > request.MaxResults)
      throw new ContractViolation(`page ${i + 1} holds ${page.executors.length} executors, more than MaxResults ${request.MaxResults}`);
}

/** The property value of `pagination.page-size`. */
export const pageSizeProperty = defineProperty({
  id: 'pagination.page-size',
  law: 'No page holds more than MaxResults executors.',
  modes: ['seeded', 'observational'],
  vacuity: walkVacuity,
  scenario: (sc): fc.Arbitrary<Scenario> =>
    sessionScenario(sc, {
      seeded: () => fc.record({ sessionId: freshSessionId(), population: executorPopulation({ maxSize: 120 }), maxResults: definedPageSize(), filter: optionalFilter() }),
      observational: (sessions) => fc.record({ sessionId: fc.constantFrom(...sessions), maxResults: definedPageSize(), filter: optionalFilter() }),
    }),
  boundary,
  async check(s: Scenario, ctx) {
    const request = { SessionId: s.sessionId, MaxResults: s.maxResults, ...(s.filter ? { ExecutorStateFilter: s.filter } : {}) };
    await inSession(s, ctx, (maxPages) => checkWalk(ctx, request, maxPages));
  },
});
