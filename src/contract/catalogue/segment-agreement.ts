/**
 * Whether a short walk resumed from a reference walk's token (a sampled walk's segment) agrees with
 * the reference from that point: the same items in the same order for as far as it goes, where items
 * sharing an ordering key (a tie) may come in any order among themselves, since that order is
 * undocumented; a segment that reached the end lists everything the reference lists after its point.
 * On a parent that moves, only items that held still between the references walked just before and
 * after the segment bind it (scaffold/bracket.ts), and a difference counts only when a second bracket
 * shows one again (confirm-twice.ts).
 */
import { itemId, orderKeyOf, type OperationProfile } from '../../profiles/index.js';
import { confirmTwice, snapshotOf, stillBetween } from './scaffold/index.js';
import type { Segment } from './sampled-walk.js';
import { walkedItems } from './walk.js';

type Item = Record<string, unknown>;

/** Where a segment first departs from the reference: item `index` of the reference (0-based), what it listed there and what the reference lists. */
export interface SegmentDifference {
  index: number;
  listed?: string;
  expected?: string;
}

/** Each item's tie group in `items`: the index of its run of equal ordering keys. */
function groupsOf(profile: OperationProfile, items: readonly Item[]): number[] {
  const groups: number[] = [];
  let g = 0;
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && orderKeyOf(profile, items[i]) !== orderKeyOf(profile, items[i - 1])) g++;
    groups.push(g);
  }
  return groups;
}

/**
 * How `listed` (a segment resumed at item `at` of `reference`) departs from it, if it does: an item
 * the reference does not list, or one out of the reference's place (another tie group at that
 * position: skipped or moved), or (`complete`: it reached the end) fewer items than the reference
 * lists after `at`. Items listed twice are the caller's to catch first.
 */
export function segmentDifference(profile: OperationProfile, reference: readonly Item[], at: number, listed: readonly Item[], complete: boolean): SegmentDifference | undefined {
  const groups = groupsOf(profile, reference);
  const position = new Map(reference.map((e, i) => [itemId(profile, e), i]));
  for (const [i, e] of listed.entries()) {
    const j = at + i;
    const id = itemId(profile, e);
    const expected = j < reference.length ? itemId(profile, reference[j]) : undefined;
    const p = position.get(id);
    if (p === undefined || j >= reference.length || groups[p] !== groups[j]) return { index: j, listed: id, ...(expected === undefined ? {} : { expected }) };
  }
  const end = at + listed.length;
  if (complete && end < reference.length) return { index: end, expected: itemId(profile, reference[end]) };
  return undefined;
}

/** The reference's items that held still between `before` and `after` (same state and ordering key), in `after`'s order, and the segment's point among them. */
function heldStill(profile: OperationProfile, before: readonly Item[], after: readonly Item[], at: number): { held: Set<string>; items: Item[]; at: number } {
  const was = snapshotOf(profile, before);
  const now = snapshotOf(profile, after);
  const held = new Set([...was].filter(([id, seen]) => now.get(id)?.state === seen.state && now.get(id)?.key === seen.key).map(([id]) => id));
  const items = after.filter((e) => held.has(itemId(profile, e)));
  // The point: just after the last held-still item the reference before listed ahead of it.
  const ahead = before.slice(0, at).filter((e) => held.has(itemId(profile, e)));
  const last = ahead.at(-1);
  const point = last === undefined ? 0 : items.findIndex((e) => itemId(profile, e) === itemId(profile, last)) + 1;
  return { held, items, at: point };
}

/** A segment's agreement as judged: its difference (none when it agreed), and whether the references held still (the comparison was exact). */
export interface SegmentJudged {
  difference: SegmentDifference | undefined;
  still: boolean;
}

/**
 * Judges `segment` against `reference` (walked just before it); on a difference, brackets it with a
 * reference walked after it, and confirms on a second bracket (the segment walked again from the same
 * token). `rewalk` walks the reference again (undefined when it did not complete: nothing compared).
 */
export async function judgeSegment(profile: OperationProfile, segment: Segment, reference: readonly Item[], rewalk: () => Promise<Item[] | undefined>): Promise<SegmentJudged> {
  let before: readonly Item[] = reference;
  let walked = segment.walk;
  // The segment's point, found again in a later reference by the last item ahead of it there: items may have come ahead
  // of it, and the one just before it may have gone (a filtered listing loses an item that changes state).
  const ahead = reference.slice(0, segment.at).map((e) => itemId(profile, e));
  const pointIn = (items: readonly Item[]) => {
    const index = new Map(items.map((e, i) => [itemId(profile, e), i]));
    for (let k = ahead.length - 1; k >= 0; k--) {
      const i = index.get(ahead[k]);
      if (i !== undefined) return i + 1;
    }
    return 0;
  };
  const read = async (again: boolean): Promise<SegmentJudged | undefined> => {
    if (again) walked = await segment.again();
    const listed = walkedItems(walked);
    const complete = walked.outcome.kind === 'complete';
    const exact = segmentDifference(profile, before, pointIn(before), listed, complete);
    if (!exact) return { difference: undefined, still: true };
    const after = await rewalk();
    if (!after) return undefined;
    const still = stillBetween(snapshotOf(profile, before), snapshotOf(profile, after));
    let difference: SegmentDifference | undefined = exact;
    if (!still) {
      const h = heldStill(profile, before, after, pointIn(before));
      const mine = listed.filter((e) => h.held.has(itemId(profile, e)));
      difference = mine.length === 0 ? undefined : segmentDifference(profile, h.items, h.at, mine, complete);
    }
    before = after;
    return { difference, still };
  };
  const { value } = await confirmTwice(read, (v) => v?.difference);
  return value ?? { difference: undefined, still: false };
}
