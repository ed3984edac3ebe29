/**
 * `pagination.exactly-once`: following the token to the end yields every item of the parent exactly
 * once, in a bounded number of pages. Where the profile lets an unfiltered call list only the active
 * items (ListSessions), a seeded walk must list those its listing shows it reads as active
 * (scaffold/listing.ts): an active item left out, or one IDLE item listed and another not, still fails.
 * Observational runs compare a walk at the drawn page size with the run's walk at the largest (boundary
 * cases: walks of several page sizes with the first's): on a parent that moves while it is read,
 * only against what held still for the whole time between the walks compared (an item that came, went
 * or changed state meanwhile proves nothing), since no law says what a moving parent lists; no item
 * twice within one walk is demanded moving or not, a new item at the front being exactly when an
 * offset token lists one twice.
 */
import type fc from 'fast-check';
import type { SeededWalk } from '../../../arbitraries/index.js';
import { itemId, LIST_EXECUTORS, listRequest, type OperationProfile } from '../../../profiles/index.js';
import { longSessionWalks, sizedWalks, tieWalks } from '../boundary/index.js';
import { lawCoverage, recordSweep } from '../../coverage/index.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { bracketed, idDifference, mustList, perMode, seededRequest, snapshotOf, sweepBoundary, walkBoundary, walkScenario, type SampledWalkDraw, type Snapshot, type WalkScenario } from '../scaffold/index.js';
import { plural, previewIds } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { referenceWalk, sharedReference, refusedToken, rememberRefusal, SAMPLE_ABOVE_PAGES, segmentFailed, sweepBasis, walkAtSize, type SizedWalk } from '../sampled-walk.js';
import { offsetWalk, sweptBoundaries } from '../boundary-sweep.js';
import { judgeSegment } from '../segment-agreement.js';
import { describeIncomplete, walk, walkedItems, type Walk } from '../walk.js';

/** Fails unless the walk completed and listed no item twice; returns its ids as a set. */
function completeWithoutDuplicates(profile: OperationProfile, w: Walk, label: string): Set<string> {
  if (w.outcome.kind !== 'complete') throw new ContractViolation(`${label}: ${describeIncomplete(w)}`);
  return withoutDuplicates(profile, w, label);
}

/** Fails when the walk (whole or a segment) listed an item twice; returns its ids as a set. */
function withoutDuplicates(profile: OperationProfile, w: Walk, label: string): Set<string> {
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
async function checkObserved(s: SampledWalkDraw, ctx: CheckContext, maxPages: number): Promise<void> {
  if (s.sweep) return checkSwept(s, ctx, maxPages);
  const profile = profileOf(ctx);
  // A parent too large to walk whole at a small size is sampled: its listing is then the reference's (walk at the largest
  // size), the run's latest, except where a bracket needs one walked after the compared walk (`fresh`).
  const snapshotWith = async (size: number | undefined, fresh = false) => {
    const request = listRequest(profile, { parent: s.sessionId, pageSize: size });
    const label = `walk of ${s.sessionId} with ${profile.pageSize} ${size ?? '(absent)'}`;
    const sized = await walkAtSize(ctx, request, { maxPages, sample: s.sample, freshReference: fresh });
    if (sized.kind === 'whole') {
      completeWithoutDuplicates(profile, sized.walk, label);
      return snapshotOf(profile, walkedItems(sized.walk));
    }
    await checkSampled(ctx, sized, label, () => referenceWalk(ctx, request, maxPages));
    return snapshotOf(profile, walkedItems(sized.reference));
  };
  // A drawn scenario walks one size: it is compared with the run's walk at the largest size, the one its sampled walks resume from.
  const drawn = s.pageSizes.length === 1;
  const [first, ...others] = drawn ? [profile.pageBounds.max, ...s.pageSizes] : s.pageSizes;
  const named = (size: number | undefined) => `${profile.pageSize} ${size ?? '(absent)'}`;
  const again = () => (drawn ? runReference(ctx, s.sessionId, maxPages, true) : snapshotWith(first, true));
  let reference: Snapshot = drawn ? await runReference(ctx, s.sessionId, maxPages) : await snapshotWith(first);
  for (const size of others) {
    const judged = await bracketed({ reference: again, compared: () => snapshotWith(size) }, reference, () => true);
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

/**
 * The run's latest walk of `parent` at the largest page size (unfiltered), walked now when the run has
 * none (`fresh`: walked now, a bracket's reference after): judged as any walk (complete, no item twice), then the listing a walk at another size must
 * list. It was walked before the walk compared with it, so a parent that moved since is bracketed as
 * ever (scaffold/bracket.ts): only what held still between it and a reference walked after binds.
 */
async function runReference(ctx: CheckContext, parent: string, maxPages: number, fresh = false): Promise<Snapshot> {
  const profile = profileOf(ctx);
  const request = listRequest(profile, { parent, pageSize: profile.pageBounds.max });
  const w = fresh ? await referenceWalk(ctx, request, maxPages) : await sharedReference(ctx, request, maxPages);
  completeWithoutDuplicates(profile, w, `walk of ${parent} with ${profile.pageSize} ${profile.pageBounds.max}`);
  return snapshotOf(profile, walkedItems(w));
}

/**
 * A sampled walk: the reference (at the largest page size) completes and lists no item twice; each
 * segment (a short walk at the small size resumed from one of its tokens) ends as planned, lists no
 * item twice, and agrees with the reference from its point (segment-agreement.ts: bracketed where the
 * target moves, confirmed on a second bracket).
 */
async function checkSampled(ctx: CheckContext, sized: Extract<SizedWalk, { kind: 'sampled' }>, label: string, rewalk: () => Promise<Walk>): Promise<void> {
  const profile = profileOf(ctx);
  const noun = profile.itemNoun;
  const referenceLabel = label.replace(/with .*$/, `with ${profile.pageSize} ${profile.pageBounds.max}`);
  completeWithoutDuplicates(profile, sized.reference, referenceLabel);
  const reference = walkedItems(sized.reference);
  const again = async () => {
    const w = await rewalk();
    return w.outcome.kind === 'complete' ? walkedItems(w) : undefined;
  };
  for (const segment of sized.segments) {
    const where = `${label} (sampled: ${segment.at === 0 ? 'from the start' : `resumed after ${noun} ${segment.at} of the ${reference.length} the ${referenceLabel} listed`})`;
    if (segmentFailed(segment)) throw new ContractViolation(`${where}: ${describeIncomplete(segment.walk)}`);
    withoutDuplicates(profile, segment.walk, where);
    const { difference, still } = await judgeSegment(profile, segment, reference, again);
    if (!difference) continue;
    const against = still ? `the ${referenceLabel}` : `what the walks with ${profile.pageSize} ${profile.pageBounds.max} just before and after it show held still`;
    const at = `at ${noun} ${difference.index + 1}`;
    const what =
      difference.listed === undefined
        ? `ends ${at}, where ${against} lists ${previewIds([difference.expected ?? ''])}`
        : difference.expected === undefined
          ? `lists ${previewIds([difference.listed])} ${at}, past the end of ${against}`
          : `lists ${previewIds([difference.listed])} ${at}, where ${against} lists ${previewIds([difference.expected])} (a ${noun} skipped, listed twice or moved)`;
    throw new ContractViolation(`${where} ${what}, twice in a row`);
  }
}

/** The snapshot of each sweep basis, taken once: every case of the sweep compares its walk with it. */
const basisSnapshots = new WeakMap<Walk, Snapshot>();

function basisSnapshot(profile: OperationProfile, basis: Walk): Snapshot {
  let snapshot = basisSnapshots.get(basis);
  if (!snapshot) basisSnapshots.set(basis, (snapshot = snapshotOf(profile, walkedItems(basis))));
  return snapshot;
}

/** What one case of the boundary sweep walked: its walk, how to walk it again, its label, the boundaries it tests. */
interface Swept {
  walk: Walk;
  again(): Promise<Walk>;
  label: string;
  tested: number;
  refused: boolean;
}

/** The whole walk of `parent` at the smallest page size, which crosses every boundary: the sweep's where offset walks are not worth it or not taken. */
async function wholeAtSmallest(ctx: CheckContext, parent: string, why: string, tested: number, refused: boolean, maxPages: number): Promise<Swept> {
  const profile = profileOf(ctx);
  const min = profile.pageBounds.min;
  const whole = () => walk(ctx, listRequest(profile, { parent, pageSize: min }), { maxPages });
  return { walk: await whole(), again: whole, label: `walk of ${parent} with ${profile.pageSize} ${min} (the boundary sweep, walked whole: ${why})`, tested, refused };
}

/**
 * The walk of the sweep's case with first page `first` over a parent of `listed` items: its offset
 * walk; or, for the case of the smallest size, a whole walk at that size (every boundary) where the
 * parent is small enough to walk whole at it anyway (the sweep's other cases then walk nothing: their
 * walks would cost more calls and runs for the same boundaries) or where the target refused the offset
 * walk's token issued under another page size (legal: the other cases then walk nothing more).
 */
async function sweptWalk(ctx: CheckContext, parent: string, first: number, listed: number, maxPages: number): Promise<Swept | 'none' | 'refused'> {
  const profile = profileOf(ctx);
  const { min, max } = profile.pageBounds;
  if (listed <= SAMPLE_ABOVE_PAGES * min) return first === min ? wholeAtSmallest(ctx, parent, `${parent} lists ${listed} ${plural(profile.itemNoun)}`, listed - 1, false, maxPages) : 'none';
  const offset = () => offsetWalk(ctx, parent, first, maxPages);
  const walked = await offset();
  if (!refusedToken(walked, 2))
    return { walk: walked, again: offset, label: `walk of ${parent} with ${profile.pageSize} ${first}, then ${max} (the boundary sweep: page boundaries after ${profile.itemNoun}s ${first}, ${first + max}, ...)`, tested: sweptBoundaries(listed, first, max), refused: false };
  rememberRefusal(ctx, listRequest(profile, { parent }));
  if (first !== min) return 'refused';
  // It counts the boundaries of the refused cases: those after multiples of the largest size are the largest size's case's, which no refusal stops.
  return wholeAtSmallest(ctx, parent, `${parent} refused a ${profile.token} issued under another ${profile.pageSize}`, listed - 1 - sweptBoundaries(listed, max, max), true, maxPages);
}

/**
 * One case of the boundary sweep (boundary-sweep.ts): the offset walk whose first page is at the
 * case's page size and every later one at the largest, judged whole: it completes, lists no item
 * twice, and lists the set the sweep's basis (the run's walk at the largest page size) lists,
 * bracketed where the parent moves, a reference walked afresh only to confirm a difference. A target
 * that refuses a token issued under another page size (legal) cannot be swept: the case of the
 * smallest size walks the parent whole at that size instead, crossing every boundary, and the others
 * pass; coverage counts the refusals, and the report says so (a `tolerated` note).
 */
async function checkSwept(s: SampledWalkDraw, ctx: CheckContext, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const max = profile.pageBounds.max;
  const request = listRequest(profile, { parent: s.sessionId, pageSize: max });
  const referenceLabel = `walk of ${s.sessionId} with ${profile.pageSize} ${max}`;
  let basis = await sweepBasis(ctx, request, maxPages);
  // A basis another run walked and did not finish (its share of the call budget ran out) is walked again: only this run's own walks are judged.
  if (basis.outcome.kind !== 'complete') basis = await referenceWalk(ctx, request, maxPages);
  completeWithoutDuplicates(profile, basis, referenceLabel);
  const listed = walkedItems(basis).length;
  const record = (tested: number, refused: boolean) => recordSweep(ctx.coverage, { parent: s.sessionId, listed, tested, refused });
  const first = s.pageSizes[0] ?? profile.pageBounds.min;
  if (sweptBoundaries(listed, first, max) === 0) return record(0, false);
  // The case of the largest size is the basis itself, judged above: its boundaries are tested without walking it again.
  if (first === max) return record(sweptBoundaries(listed, max, max), false);
  const swept = await sweptWalk(ctx, s.sessionId, first, listed, maxPages);
  if (swept === 'none' || swept === 'refused') return record(0, swept === 'refused');
  let pending: Walk | undefined = swept.walk;
  const compared = async () => {
    const w = pending ?? (await swept.again());
    pending = undefined;
    completeWithoutDuplicates(profile, w, swept.label);
    return snapshotOf(profile, walkedItems(w));
  };
  const reference = async () => {
    const w = await referenceWalk(ctx, request, maxPages);
    completeWithoutDuplicates(profile, w, referenceLabel);
    return snapshotOf(profile, walkedItems(w));
  };
  const judged = await bracketed({ reference, compared }, basisSnapshot(profile, basis), () => true);
  const difference = judged?.difference;
  if (difference) {
    const against = judged.still ? `than the ${referenceLabel}` : `than what the walks with ${profile.pageSize} ${max} just before and after it show held still`;
    throw new ContractViolation(`${swept.label} lists a different set ${against}, twice in a row: ${difference.missing.length} missing (${previewIds(difference.missing)}), ${difference.extra.length} extra (${previewIds(difference.extra)})`);
  }
  record(swept.tested, swept.refused);
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
      return [
        ...walkBoundary(sc, [...sizedWalks(p), ...tieWalks(p), ...longSessionWalks(p, 'pagination.exactly-once')], [[p.pageBounds.max, p.pageBounds.min, undefined]], 'pagination.exactly-once'),
        ...sweepBoundary(sc),
      ];
    },
    check: perMode({ seeded: checkSeeded, observational: checkObserved }),
  });
}

/** The property value of `pagination.exactly-once` (ListExecutors' words). */
export const exactlyOnce = exactlyOnceFor(LIST_EXECUTORS);
