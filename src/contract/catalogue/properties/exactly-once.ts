/**
 * `pagination.exactly-once`: following the token to the end yields every item of the parent exactly
 * once, in a bounded number of pages. Where the profile lets an unfiltered call list only the active
 * items (ListSessions), a seeded walk must list those its listing shows it reads as active
 * (scaffold/listing.ts): an active item left out, or one IDLE item listed and another not, still fails.
 */
import type fc from 'fast-check';
import type { ObservedWalk, SeededWalk } from '../../../arbitraries/index.js';
import { itemId, LIST_EXECUTORS, listRequest, type OperationProfile } from '../../../profiles/index.js';
import { longSessionWalks, sizedWalks, tieWalks } from '../boundary/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { confirmTwice, idDifference, mustList, perMode, seededRequest, walkBoundary, walkScenario, type WalkScenario } from '../scaffold/index.js';
import { plural, previewIds } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { describeIncomplete, walk, type Walk } from '../walk.js';

/** Fails unless the walk completed and listed no item twice; returns its ids as a set. */
function completeWithoutDuplicates(profile: OperationProfile, w: Walk, label: string): Set<string> {
  if (w.outcome.kind !== 'complete') throw new ContractViolation(`${label}: ${describeIncomplete(w)}`);
  const seen = new Set<string>();
  for (const [p, page] of w.pages.entries())
    for (const e of page.items) {
      const id = itemId(profile, e);
      if (seen.has(id)) throw new ContractViolation(`${label}: ${profile.itemNoun} ${previewIds([id])} listed twice (again on page ${p + 1} of ${w.pages.length})`);
      seen.add(id);
    }
  return seen;
}

/** One walk of the seeded parent lists exactly the seeded items. */
async function checkSeeded(s: SeededWalk, ctx: CheckContext, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const noun = profile.itemNoun;
  const request = seededRequest(profile, s);
  const w = await walk(ctx, request, { maxPages });
  const label = `walk with ${profile.pageSize} ${s.request[profile.pageSize] ?? '(absent)'} over ${s.population.length} seeded ${plural(noun)}`;
  const listed = completeWithoutDuplicates(profile, w, label);
  // The walk is unfiltered: where the profile allows it, it may list only the active items.
  const listing = mustList(profile, s.population, listed);
  const difference = idDifference(listing.expected, listed);
  const reading = listing.expected.size === s.population.length ? '' : ` (read as listing ${listing.reading})`;
  if (difference?.missing.length) throw new ContractViolation(`${label}: ${difference.missing.length} seeded ${noun}(s) never listed${reading}: ${previewIds(difference.missing)}`);
  if (difference?.extra.length) throw new ContractViolation(`${label}: listed ${difference.extra.length} ${noun}(s) that were never seeded: ${previewIds(difference.extra)}`);
}

/** Walks of a given parent with each page size list one set of items, the first size's. */
async function checkObserved(s: ObservedWalk, ctx: CheckContext, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const idsWith = async (size: number | undefined) => {
    const w = await walk(ctx, listRequest(profile, { parent: s.sessionId, pageSize: size }), { maxPages });
    return completeWithoutDuplicates(profile, w, `walk of ${s.sessionId} with ${profile.pageSize} ${size ?? '(absent)'}`);
  };
  const [first, ...others] = s.pageSizes;
  let reference = await idsWith(first);
  for (const size of others) {
    // A second pair of walks renews the reference too: the parent may have changed under the first.
    const { value, difference } = await confirmTwice(
      async (again) => ({ reference: again ? await idsWith(first) : reference, ids: await idsWith(size) }),
      (pair) => idDifference(pair.reference, pair.ids),
    );
    reference = value.reference;
    if (difference)
      throw new ContractViolation(
        `walk of ${s.sessionId} with ${profile.pageSize} ${size ?? '(absent)'} lists a different set than with ${profile.pageSize} ${first ?? '(absent)'}, twice in a row: ${difference.missing.length} missing (${previewIds(difference.missing)}), ${difference.extra.length} extra (${previewIds(difference.extra)})`,
      );
  }
}

/** `pagination.exactly-once` in `profile`'s words. */
export function exactlyOnceFor(profile: OperationProfile): ContractProperty<'pagination.exactly-once'> {
  return defineProperty({
    id: 'pagination.exactly-once',
    law: `Following ${profile.token} to the end yields every ${profile.itemNoun} of the ${profile.parent.noun} exactly once, in a bounded number of pages.`,
    modes: ['seeded', 'observational'],
    vacuity: walkVacuity(profile),
    coverage: lawCoverage(profile, { pages: 'walks' }),
    scenario: (sc): fc.Arbitrary<WalkScenario> => walkScenario(sc, false),
    boundary: (sc) => {
      const p = profileOf(sc);
      return walkBoundary(sc, [...sizedWalks(p), ...tieWalks(p), ...longSessionWalks(p)], [[p.pageBounds.max, p.pageBounds.min, undefined]]);
    },
    check: perMode({ seeded: checkSeeded, observational: checkObserved }),
  });
}

/** The property value of `pagination.exactly-once` (ListExecutors' words). */
export const exactlyOnce = exactlyOnceFor(LIST_EXECUTORS);
