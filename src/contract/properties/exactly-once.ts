/**
 * `pagination.exactly-once`: following NextToken to the end yields every executor of the session
 * exactly once, in a bounded number of pages.
 */
import fc from 'fast-check';
import { defineProperty } from '../property.js';
import { walkAndRunVacuity } from '../vacuity.js';
import { observedWalk, seededWalk, type ObservedWalk, type SeededWalk } from '../scenarios.js';
import { pageBound, withSeededSession } from '../seeded.js';
import { ContractViolation } from '../violation.js';
import { describeIncomplete, idOf, sameIds, walk, type Walk } from '../walk.js';
import { previewIds } from '../text.js';

type Scenario = ({ mode: 'seeded' } & SeededWalk) | ({ mode: 'observational' } & ObservedWalk);

/** Fails unless the walk completed and listed no executor twice; returns its ids as a set. */
function completeWithoutDuplicates(w: Walk, label: string): Set<string> {
  if (w.outcome.kind !== 'complete') throw new ContractViolation(`${label}: ${describeIncomplete(w)}`);
  const seen = new Set<string>();
  for (const [p, page] of w.pages.entries())
    for (const e of page.executors) {
      const id = idOf(e);
      if (seen.has(id)) throw new ContractViolation(`${label}: executor ${previewIds([id])} listed twice (again on page ${p + 1} of ${w.pages.length})`);
      seen.add(id);
    }
  return seen;
}

/** The property value of `pagination.exactly-once`. */
export const exactlyOnce = defineProperty({
  id: 'pagination.exactly-once',
  law: 'Following NextToken to the end yields every executor of the session exactly once, in a bounded number of pages.',
  modes: ['seeded', 'observational'],
  vacuity: walkAndRunVacuity,
  scenario: (sc): fc.Arbitrary<Scenario> =>
    sc.mode === 'seeded'
      ? seededWalk(false).map((s) => ({ mode: 'seeded' as const, ...s }))
      : observedWalk(sc).map((s) => ({ mode: 'observational' as const, ...s, filter: undefined })),
  async check(s: Scenario, ctx) {
    if (s.mode === 'seeded') {
      const request = { SessionId: s.sessionId, ...s.request };
      await withSeededSession(ctx, s.sessionId, s.population, async () => {
        const w = await walk(ctx, request, { maxPages: pageBound(s.population.length) });
        const label = `walk with MaxResults ${request.MaxResults ?? '(absent)'} over ${s.population.length} seeded executors`;
        const seen = completeWithoutDuplicates(w, label);
        const seeded = new Set(s.population.map(idOf));
        const missing = [...seeded].filter((id) => !seen.has(id));
        const foreign = [...seen].filter((id) => !seeded.has(id));
        if (missing.length) throw new ContractViolation(`${label}: ${missing.length} seeded executor(s) never listed: ${previewIds(missing)}`);
        if (foreign.length) throw new ContractViolation(`${label}: listed ${foreign.length} executor(s) that were never seeded: ${previewIds(foreign)}`);
      });
      return;
    }
    // A session the harness does not control may change between two walks (a live session starting
    // executors); a difference counts only when a second pair of walks shows it again.
    const idsWith = async (size: number | undefined) => {
      const w = await walk(ctx, { SessionId: s.sessionId, ...(size === undefined ? {} : { MaxResults: size }) }, { maxPages: ctx.bounds.maxPages });
      return completeWithoutDuplicates(w, `walk of ${s.sessionId} with MaxResults ${size ?? '(absent)'}`);
    };
    const [first, ...others] = s.pageSizes;
    let reference = await idsWith(first);
    for (const size of others) {
      let ids = await idsWith(size);
      if (!sameIds(reference, ids)) {
        reference = await idsWith(first);
        ids = await idsWith(size);
      }
      if (!sameIds(reference, ids)) {
        const missing = [...reference].filter((id) => !ids.has(id));
        const extra = [...ids].filter((id) => !reference.has(id));
        throw new ContractViolation(
          `walk of ${s.sessionId} with MaxResults ${size ?? '(absent)'} lists a different set than with MaxResults ${first ?? '(absent)'}, twice in a row: ${missing.length} missing (${previewIds(missing)}), ${extra.length} extra (${previewIds(extra)})`,
        );
      }
    }
  },
});
