/**
 * What a complete unfiltered walk of a seeded parent must list. Every item, unless the profile lets
 * an unfiltered call list only the "active" ones (ListSessions: API.md, "Readings the contract leaves
 * open"): then a fixed set of states holding at least the profile's `atLeast`, and an item with no
 * state is in no state, so not listed. Which reading a target takes is read off what it listed: a
 * state one of its items was listed in is in its set, so every item in that state must be listed too
 * (some IDLE sessions listed and others not is a loss, not a reading), and an item with no state
 * listed means it lists every item.
 */
import type { Item } from '../../../arbitraries/index.js';
import { itemId, stateOf, type OperationProfile } from '../../../profiles/index.js';
import { plural } from '../text.js';

/** The reading a walk's listing shows, in words for a failure's message. */
export interface Listing {
  /** The ids the walk must have listed. */
  expected: Set<string>;
  /** How the reading was read: `every session`, or `the sessions in CREATING, CREATED, IDLE, BUSY`. */
  reading: string;
}

/** The ids of `population` a complete unfiltered walk that listed `listed` must list, and the reading that says so. */
export function mustList(profile: OperationProfile, population: readonly Item[], listed: ReadonlySet<string>): Listing {
  const every = { expected: new Set(population.map((e) => itemId(profile, e))), reading: `every ${profile.itemNoun}` };
  if (!profile.activeOnly) return every;
  const active = new Set<string>(profile.activeOnly.atLeast);
  for (const e of population) {
    if (!listed.has(itemId(profile, e))) continue;
    const state = stateOf(profile, e);
    if (typeof state !== 'string') return every;
    active.add(state);
  }
  const expected = new Set(population.filter((e) => active.has(stateOf(profile, e) as string)).map((e) => itemId(profile, e)));
  return { expected, reading: `the ${plural(profile.itemNoun)} in ${[...active].join(', ')} (the active-only reading)` };
}
