/**
 * Comparing walks made at different times on a parent that may move while the harness reads it (a
 * live workgroup, an emulator with living data): a walk is compared with reference walks taken just
 * before and just after it, and only what held still across both (same state, same ordering key)
 * binds it. An item that came, went or changed state between the references proves nothing either
 * way; when nothing moved between them, the comparison is exact set equality. A difference counts
 * only when a second bracket shows it again (confirm-twice.ts), as before bracketing: a state that
 * left and came back between two references (IDLE, BUSY, IDLE) looks still to them, and a flaky
 * answer does not repeat.
 */
import { itemId, orderKeyOf, stateOf, type OperationProfile } from '../../../profiles/index.js';
import { confirmTwice } from './confirm-twice.js';
import type { IdDifference } from './ids.js';

/** An item as a reference walk listed it: its state (as JSON text, for comparison) and ordering key. */
export interface Sighting {
  state: string | undefined;
  key: number | undefined;
}

/** What a complete walk listed, by item id. */
export type Snapshot = ReadonlyMap<string, Sighting>;

/** The snapshot of a walk's items (an item listed twice counts as its last listing). */
export function snapshotOf(profile: OperationProfile, items: readonly Record<string, unknown>[]): Map<string, Sighting> {
  return new Map(items.map((e) => [itemId(profile, e), { state: JSON.stringify(stateOf(profile, e)), key: orderKeyOf(profile, e) }]));
}

/** Whether two sightings of one item agree: same state, same ordering key. */
function same(a: Sighting, b: Sighting): boolean {
  return a.state === b.state && a.key === b.key;
}

/** Whether two snapshots list the same items, each in the same state with the same ordering key: nothing moved between them. */
export function stillBetween(before: Snapshot, after: Snapshot): boolean {
  if (before.size !== after.size) return false;
  for (const [id, seen] of before) {
    const later = after.get(id);
    if (!later || !same(seen, later)) return false;
  }
  return true;
}

/** A reading of a compared walk against a reference: which of the reference's items it must list, read off their sightings. */
export type Admits = (seen: Sighting) => boolean;

/** Exact: the compared walk lists the admitted items of `reference`, and nothing else. */
function exact(reference: Snapshot, listed: Snapshot, admits: Admits): IdDifference | undefined {
  const missing = [...reference].filter(([id, seen]) => admits(seen) && !listed.has(id)).map(([id]) => id);
  const extra = [...listed.keys()].filter((id) => {
    const seen = reference.get(id);
    return !seen || !admits(seen);
  });
  return missing.length || extra.length ? { missing, extra } : undefined;
}

/**
 * How `listed` (a walk made between the reference walks `before` and `after`) departs from what they
 * show; undefined when it does not. Nothing moved between them: exactly the admitted items of
 * either. Something moved: an item in both with the same state and ordering key held still for the
 * whole time, so it must be listed where it is admitted (missing otherwise); an item listed that
 * neither reference lists must have come and gone between them, and whatever comes is newer than
 * what was there before it came, so one older than an item that held still is extra. Everything else
 * (an item that came, went or changed state) proves nothing.
 */
export function bracketDifference(before: Snapshot, after: Snapshot, listed: Snapshot, admits: Admits): IdDifference | undefined {
  if (stillBetween(before, after)) return exact(before, listed, admits);
  const held = [...before].filter(([id, seen]) => {
    const later = after.get(id);
    return later !== undefined && same(seen, later);
  });
  const missing = held.filter(([id, seen]) => admits(seen) && !listed.has(id)).map(([id]) => id);
  const newestHeld = held.reduce((m, [, seen]) => Math.max(m, seen.key ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
  const extra = [...listed.keys()].filter((id) => {
    if (before.has(id) || after.has(id)) return false;
    const key = listed.get(id)?.key;
    return key !== undefined && key < newestHeld;
  });
  return missing.length || extra.length ? { missing, extra } : undefined;
}

/** The walks of a bracketed comparison: each resolves to what a complete walk listed, or undefined when it did not complete. */
export interface BracketWalks {
  /** A reference walk (the same request every time). */
  reference(): Promise<Snapshot | undefined>;
  /** The walk compared with the references. */
  compared(): Promise<Snapshot | undefined>;
}

/** A bracketed comparison's outcome: its difference, whether nothing moved between its references, and the newest reference. */
export interface Bracketed {
  difference: IdDifference | undefined;
  /** Nothing moved between the references (or the compared walk matched the first one): the comparison was exact. */
  still: boolean;
  /** The last reference walked: a later comparison's reference before. */
  latest: Snapshot;
}

/**
 * Compares `walks.compared()` with the reference `first` (walked just before) and, only when they
 * differ, a reference walked just after (a walk that matches the one before needs no other); a
 * difference counts when a second bracket, its reference before being the first one's after, shows
 * one again. Undefined when a walk did not complete: nothing was compared.
 */
export async function bracketed(walks: BracketWalks, first: Snapshot, admits: Admits): Promise<Bracketed | undefined> {
  let before = first;
  const read = async (): Promise<Bracketed | undefined> => {
    const listed = await walks.compared();
    if (!listed) return undefined;
    if (!exact(before, listed, admits)) return { difference: undefined, still: true, latest: before };
    const after = await walks.reference();
    if (!after) return undefined;
    const judged = { difference: bracketDifference(before, after, listed, admits), still: stillBetween(before, after), latest: after };
    before = after;
    return judged;
  };
  const { value } = await confirmTwice(read, (v) => v?.difference);
  return value;
}
