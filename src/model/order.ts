/**
 * The model's total order of a parent's items: newest ordering key first (the profile's path, a
 * number on the wire), ties broken by the SHA-256 of the item's id, items without a key last. A
 * position in this order is a small, fixed-size key, which is what a keyset token holds.
 */
import { createHash } from 'node:crypto';
import { itemId, orderKeyOf, stateOf, type OperationProfile } from '../profiles/index.js';
import type { Item } from './types.js';

/** A place in the order: an item's ordering key (undefined sorts last) and the digest of its id. */
export interface Position {
  key: number | undefined;
  digest: string;
}

/** An item with its sort key computed once. */
export interface OrderedItem extends Position {
  item: Item;
}

/** The SHA-256 of an item's id, base64url: a tie-breaker of fixed size whatever the id's length. */
export function idDigest(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

/** Negative when `a` comes first: newer first, an undefined key last, then by digest. */
export function comparePositions(a: Position, b: Position): number {
  if (a.key !== b.key) {
    if (a.key === undefined) return 1;
    if (b.key === undefined) return -1;
    return b.key - a.key;
  }
  return a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0;
}

/*
 * Memoized by array identity (per profile) so that a parent seeded once is sorted once, and filtered
 * once per state, however many pages are read from it. Pure all the same: the store's arrays are
 * readonly, and a changed parent is a new array (so a new view).
 */
const sorted = new WeakMap<OperationProfile, WeakMap<readonly Item[], readonly OrderedItem[]>>();
const filtered = new WeakMap<readonly OrderedItem[], Map<string, readonly OrderedItem[]>>();

/** The items in the order a walk pages through them, with their keys (filterView narrows it to one state). */
export function orderedView(profile: OperationProfile, items: readonly Item[]): readonly OrderedItem[] {
  const views = sorted.get(profile) ?? new WeakMap<readonly Item[], readonly OrderedItem[]>();
  sorted.set(profile, views);
  let view = views.get(items);
  // Stryker disable next-line ConditionalExpression: memo: sorting the same readonly array again gives the same view
  if (!view) {
    view = items.map((item): OrderedItem => ({ item, key: orderKeyOf(profile, item), digest: idDigest(itemId(profile, item)) })).sort(comparePositions);
    views.set(items, view);
  }
  return view;
}

/** The items of `view` in state `state`, in the view's order (all of them when there is no filter). */
export function filterView(profile: OperationProfile, view: readonly OrderedItem[], state: string | undefined): readonly OrderedItem[] {
  if (state === undefined) return view;
  const byState = filtered.get(view) ?? new Map<string, readonly OrderedItem[]>();
  filtered.set(view, byState);
  let kept = byState.get(state);
  // Stryker disable next-line ConditionalExpression: memo: filtering the same readonly view again keeps the same items
  if (!kept) {
    kept = view.filter((e) => stateOf(profile, e.item) === state);
    byState.set(state, kept);
  }
  return kept;
}

/** The model's total order of items: what a walk pages through, newest first. */
export function orderItems<T extends Item>(profile: OperationProfile, items: readonly T[]): T[] {
  return orderedView(profile, items).map((e) => e.item as T);
}

/** The index of the first item strictly after `position` (binary search: the view is sorted). */
export function indexAfter(view: readonly OrderedItem[], position: Position): number {
  let lo = 0;
  let hi = view.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePositions(view[mid], position) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
