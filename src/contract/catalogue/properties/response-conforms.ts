/**
 * `response.conforms`: every 200 body validates against the response schema and echoes the
 * request's SessionId.
 */
import type fc from 'fast-check';
import { validate } from '../../../schema/validators.js';
import type { ListExecutorsRequest } from '../../../generated/athena.js';
import { edgeWalks, longSessionWalks, tieWalks } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { walkVacuity } from '../vacuity-rules.js';
import { forEachWalk, walkBoundary, walkScenario, type WalkScenario } from '../scaffold/index.js';
import { ContractViolation } from '../violation.js';
import { walk } from '../walk.js';

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
  vacuity: walkVacuity,
  scenario: (sc): fc.Arbitrary<WalkScenario> => walkScenario(sc, true),
  boundary: (sc) => walkBoundary(sc, [...tieWalks(), ...longSessionWalks(), ...edgeWalks()], [[100, undefined]]),
  check: (s: WalkScenario, ctx) => forEachWalk(s, ctx, (request, maxPages) => checkWalk(ctx, request, maxPages)),
});
