/**
 * `response.conforms`: every 200 body validates against the response schema and, where the operation
 * echoes it, echoes the request's parent.
 */
import type fc from 'fast-check';
import { LIST_EXECUTORS, validateFor, valueAt, type OperationProfile } from '../../../profiles/index.js';
import { edgeWalks, longSessionWalks, tieWalks } from '../boundary/index.js';
import type { ListRequest } from '../call.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { walkVacuity } from '../vacuity-rules.js';
import { forEachWalk, walkBoundary, walkScenario, type WalkScenario } from '../scaffold/index.js';
import { clip } from '../text.js';
import { ContractViolation } from '../violation.js';
import { walkAtSize } from '../sampled-walk.js';
import type { Walk } from '../walk.js';

/** Walks `request` whole, or sampled (a parent too large to walk whole at its page size): every page it gets is judged. */
async function checkWalk(ctx: CheckContext, request: ListRequest, maxPages: number, sample?: number): Promise<void> {
  const sized = await walkAtSize(ctx, request, { maxPages, sample });
  const walks = sized.kind === 'whole' ? [sized.walk] : [sized.reference, ...sized.segments.map((s) => s.walk)];
  for (const w of walks) checkPages(profileOf(ctx), request, w);
}

function checkPages(profile: OperationProfile, request: ListRequest, w: Walk): void {
  for (const [i, page] of w.pages.entries()) {
    const v = validateFor(profile, 'response', page.call.json);
    if (!v.ok) throw new ContractViolation(`page ${i + 1}: the 200 body breaks the response schema: ${v.errors.slice(0, 3).join('; ')}`);
    // The SDK reads what the schema cannot see (an epoch-seconds timestamp as a Date): a body it cannot read fails its users.
    if (page.call.error) throw new ContractViolation(`page ${i + 1}: the SDK could not read the 200 body: ${clip(page.call.error.message, 160)}`);
    if (profile.echo === undefined) continue;
    const echoed = valueAt(page.call.json, [profile.echo]);
    const asked = valueAt(request, [profile.parent.member]);
    if (echoed !== asked) throw new ContractViolation(`page ${i + 1}: ${profile.echo} ${JSON.stringify(echoed)} does not echo the request's ${JSON.stringify(asked)}`);
  }
}

/** `response.conforms` in `profile`'s words. */
export function responseConformsFor(profile: OperationProfile): ContractProperty<'response.conforms'> {
  return defineProperty({
    id: 'response.conforms',
    law: `Every 200 body validates against the response schema${profile.echo === undefined ? '' : ` and echoes the request's ${profile.parent.member}`}.`,
    modes: ['seeded', 'observational'],
    vacuity: walkVacuity(profile),
    scenario: (sc): fc.Arbitrary<WalkScenario> => walkScenario(sc, true),
    boundary: (sc) => {
      const p = profileOf(sc);
      return walkBoundary(sc, [...tieWalks(p), ...longSessionWalks(p, 'response.conforms'), ...edgeWalks(p)], [[p.pageBounds.max, undefined]], 'response.conforms');
    },
    check: (s: WalkScenario, ctx) => forEachWalk(s, ctx, (request, maxPages, sample) => checkWalk(ctx, request, maxPages, sample)),
  });
}

/** The property value of `response.conforms` (ListExecutors' words). */
export const responseConforms = responseConformsFor(LIST_EXECUTORS);
