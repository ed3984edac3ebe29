/**
 * `pagination.exactly-once`: following the token to the end yields every item of the parent exactly
 * once, in a bounded number of pages. Where the profile lets an unfiltered call list only the active
 * items (ListSessions), a seeded walk must list those its listing shows it reads as active
 * (scaffold/listing.ts): an active item left out, or one IDLE item listed and another not, still fails.
 * Observational runs compare walks of several page sizes: on a parent that moves while it is read,
 * only against what held still for the whole time between the walks compared (an item that came, went
 * or changed state meanwhile proves nothing), since no law says what a moving parent lists; no item
 * twice within one walk is demanded moving or not, a new item at the front being exactly when an
 * offset token lists one twice.
 */
import type fc from 'fast-check';
import type { ObservedWalk, SeededWalk } from '../../../arbitraries/index.js';
import { itemId, LIST_EXECUTORS, listRequest, type OperationProfile } from '../../../profiles/index.js';
import { longSessionWalks, sizedWalks, tieWalks } from '../boundary/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { bracketed, idDifference, mustList, perMode, seededRequest, snapshotOf, walkBoundary, walkScenario, type Snapshot, type WalkScenario } from '../scaffold/index.js';
import { plural, previewIds } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { describeIncomplete, walk, walkedItems, type Walk } from '../walk.js';

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

/**
 * Walks of a given parent with each page size list one set of items, the first size's. The parent
 * may move while it is read (a live workgroup): each walk is compared with walks of the first size
 * made just before and after it, and binds only what held still between them (scaffold/bracket.ts);
 * when nothing moved, the sets must be equal. Within each walk no item comes twice, moving or not.
 */
async function checkObserved(s: ObservedWalk, ctx: CheckContext, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const snapshotWith = async (size: number | undefined) => {
    const w = await walk(ctx, listRequest(profile, { parent: s.sessionId, pageSize: size }), { maxPages });
    completeWithoutDuplicates(profile, w, `walk of ${s.sessionId} with ${profile.pageSize} ${size ?? '(absent)'}`);
    return snapshotOf(profile, walkedItems(w));
  };
  const [first, ...others] = s.pageSizes;
  const named = (size: number | undefined) => `${profile.pageSize} ${size ?? '(absent)'}`;
  let reference: Snapshot = await snapshotWith(first);
  for (const size of others) {
    const judged = await bracketed({ reference: () => snapshotWith(first), compared: () => snapshotWith(size) }, reference, () => true);
    // Its walks throw when they do not complete, so every bracket here compares something.
    if (!judged) return;
    reference = judged.latest;
    const { difference } = judged;
    if (!difference) continue;
    const against = judged.still ? `than with ${named(first)}` : `than what the walks with ${named(first)} just before and after it show held still`;
    throw new ContractViolation(
      `walk of ${s.sessionId} with ${named(size)} lists a different set ${against}, twice in a row: ${difference.missing.length} missing (${previewIds(difference.missing)}), ${difference.extra.length} extra (${previewIds(difference.extra)})`,
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
      return walkBoundary(sc, [...sizedWalks(p), ...tieWalks(p), ...longSessionWalks(p, 'pagination.exactly-once')], [[p.pageBounds.max, p.pageBounds.min, undefined]], 'pagination.exactly-once');
    },
    check: perMode({ seeded: checkSeeded, observational: checkObserved }),
  });
}

/** The property value of `pagination.exactly-once` (ListExecutors' words). */
export const exactlyOnce = exactlyOnceFor(LIST_EXECUTORS);
