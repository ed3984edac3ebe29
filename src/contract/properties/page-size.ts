/**
 * `pagination.page-size`: no page holds more than MaxResults executors.
 */
import fc from 'fast-check';
import type { ListExecutorsRequest } from '../../generated/athena.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { walkAndRunVacuity } from '../vacuity.js';
import { freshSessionId, pageSize, EXECUTOR_STATES } from '../scenarios.js';
import { executorPopulation } from '../../arbitraries/index.js';
import type { ExecutorState, ExecutorsSummary } from '../../generated/athena.js';
import { pageBound, withSeededSession } from '../seeded.js';
import { ContractViolation } from '../violation.js';
import { walk } from '../walk.js';

type Scenario =
  | { mode: 'seeded'; sessionId: string; population: ExecutorsSummary[]; maxResults: number; filter?: ExecutorState }
  | { mode: 'observational'; sessionId: string; maxResults: number; filter?: ExecutorState };

const definedPageSize = () => pageSize().filter((n): n is number => n !== undefined);
const optionalFilter = () => fc.option(fc.constantFrom(...EXECUTOR_STATES), { nil: undefined, freq: 3 });

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
  vacuity: walkAndRunVacuity,
  scenario: (sc): fc.Arbitrary<Scenario> =>
    sc.mode === 'seeded'
      ? fc.record({ sessionId: freshSessionId(), population: executorPopulation({ maxSize: 120 }), maxResults: definedPageSize(), filter: optionalFilter() }).map((s) => ({ mode: 'seeded' as const, ...s }))
      : fc.record({ sessionId: fc.constantFrom(...sc.sessions), maxResults: definedPageSize(), filter: optionalFilter() }).map((s) => ({ mode: 'observational' as const, ...s })),
  async check(s: Scenario, ctx) {
    const request = { SessionId: s.sessionId, MaxResults: s.maxResults, ...(s.filter ? { ExecutorStateFilter: s.filter } : {}) };
    if (s.mode === 'seeded')
      await withSeededSession(ctx, s.sessionId, s.population, () => checkWalk(ctx, request, pageBound(s.population.length)));
    else await checkWalk(ctx, request, ctx.bounds.maxPages);
  },
});
