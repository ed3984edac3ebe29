/**
 * `pagination.exactly-once`: following NextToken to the end yields every executor of the session
 * exactly once, in a bounded number of pages.
 */
import type fc from 'fast-check';
import type { ObservedWalk, SeededWalk } from '../../../arbitraries/index.js';
import { longSessionWalks, sizedWalks, tieWalks } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { confirmTwice, idDifference, idOf, perMode, walkBoundary, walkScenario, type WalkScenario } from '../scaffold/index.js';
import { previewIds } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { describeIncomplete, walk, type Walk } from '../walk.js';

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

/** One walk of the seeded session lists exactly the seeded executors. */
async function checkSeeded(s: SeededWalk, ctx: CheckContext, maxPages: number): Promise<void> {
  const request = { SessionId: s.sessionId, ...s.request };
  const w = await walk(ctx, request, { maxPages });
  const label = `walk with MaxResults ${request.MaxResults ?? '(absent)'} over ${s.population.length} seeded executors`;
  const difference = idDifference(new Set(s.population.map(idOf)), completeWithoutDuplicates(w, label));
  if (difference?.missing.length) throw new ContractViolation(`${label}: ${difference.missing.length} seeded executor(s) never listed: ${previewIds(difference.missing)}`);
  if (difference?.extra.length) throw new ContractViolation(`${label}: listed ${difference.extra.length} executor(s) that were never seeded: ${previewIds(difference.extra)}`);
}

/** Walks of a given session with each page size list one set of executors, the first size's. */
async function checkObserved(s: ObservedWalk, ctx: CheckContext, maxPages: number): Promise<void> {
  const idsWith = async (size: number | undefined) => {
    const w = await walk(ctx, { SessionId: s.sessionId, ...(size === undefined ? {} : { MaxResults: size }) }, { maxPages });
    return completeWithoutDuplicates(w, `walk of ${s.sessionId} with MaxResults ${size ?? '(absent)'}`);
  };
  const [first, ...others] = s.pageSizes;
  let reference = await idsWith(first);
  for (const size of others) {
    // A second pair of walks renews the reference too: the session may have changed under the first.
    const { value, difference } = await confirmTwice(
      async (again) => ({ reference: again ? await idsWith(first) : reference, ids: await idsWith(size) }),
      (pair) => idDifference(pair.reference, pair.ids),
    );
    reference = value.reference;
    if (difference)
      throw new ContractViolation(
        `walk of ${s.sessionId} with MaxResults ${size ?? '(absent)'} lists a different set than with MaxResults ${first ?? '(absent)'}, twice in a row: ${difference.missing.length} missing (${previewIds(difference.missing)}), ${difference.extra.length} extra (${previewIds(difference.extra)})`,
      );
  }
}

/** The property value of `pagination.exactly-once`. */
export const exactlyOnce = defineProperty({
  id: 'pagination.exactly-once',
  law: 'Following NextToken to the end yields every executor of the session exactly once, in a bounded number of pages.',
  modes: ['seeded', 'observational'],
  vacuity: walkVacuity,
  scenario: (sc): fc.Arbitrary<WalkScenario> => walkScenario(sc, false),
  boundary: (sc) => walkBoundary(sc, [...sizedWalks(), ...tieWalks(), ...longSessionWalks()], [[100, 1, undefined]]),
  check: perMode({ seeded: checkSeeded, observational: checkObserved }),
});
