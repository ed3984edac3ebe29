/**
 * `response.conforms`: every 200 body validates against the response schema and echoes the
 * request's SessionId.
 */
import fc from 'fast-check';
import { validate } from '../../schema/validators.js';
import type { ListExecutorsRequest } from '../../generated/athena.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { clean, observedWalk, seededWalk, type ObservedWalk, type SeededWalk } from '../scenarios.js';
import { pageBound, withSeededSession } from '../seeded.js';
import { ContractViolation } from '../violation.js';
import { walk } from '../walk.js';

type Scenario = ({ mode: 'seeded' } & SeededWalk) | ({ mode: 'observational' } & ObservedWalk);

async function checkWalk(ctx: CheckContext, request: ListExecutorsRequest, maxPages: number): Promise<void> {
  const w = await walk(ctx, request, { maxPages });
  for (const [i, page] of w.pages.entries()) {
    const v = validate('list-executors-response.schema.json', page.call.json);
    if (!v.ok) throw new ContractViolation(`page ${i + 1}: the 200 body breaks the response schema: ${v.errors.slice(0, 3).join('; ')}`);
    const echoed = (page.call.json as { SessionId?: unknown }).SessionId;
    if (echoed !== request.SessionId)
      throw new ContractViolation(`page ${i + 1}: SessionId ${JSON.stringify(echoed)} does not echo the request's ${JSON.stringify(request.SessionId)}`);
  }
}

/** The property value of `response.conforms`. */
export const responseConforms = defineProperty({
  id: 'response.conforms',
  law: "Every 200 body validates against the response schema and echoes the request's SessionId.",
  modes: ['seeded', 'observational'],
  scenario: (sc): fc.Arbitrary<Scenario> =>
    sc.mode === 'seeded' ? seededWalk(true).map((s) => ({ mode: 'seeded' as const, ...s })) : observedWalk(sc).map((s) => ({ mode: 'observational' as const, ...s })),
  async check(s: Scenario, ctx) {
    if (s.mode === 'seeded') {
      await withSeededSession(ctx, s.sessionId, s.population, () => checkWalk(ctx, { SessionId: s.sessionId, ...s.request }, pageBound(s.population.length)));
      return;
    }
    for (const size of s.pageSizes)
      await checkWalk(ctx, clean({ SessionId: s.sessionId, MaxResults: size, ExecutorStateFilter: s.filter }), ctx.bounds.maxPages);
  },
});
