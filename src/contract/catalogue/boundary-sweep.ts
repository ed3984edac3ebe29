/**
 * The boundary sweep (observational `pagination.exactly-once`): for each given parent, offset walks,
 * each with its first page at `MaxResults` r and every later page at the largest page size, to the
 * end. Such a walk lists the whole parent, so it is judged whole; its page boundaries fall after
 * items r, r + max, r + 2·max, ..., so the walks r = min..max (1..100) together cross every page
 * boundary of the parent (the boundary after item p is the walk r ≡ p mod max's), at about n + max
 * calls for n items, in max independent chains of n / max calls that the pool runs side by side. A
 * sampled walk tests the boundaries it aims at; the sweep tests all of them, so a fault at one
 * boundary deep in a large parent is found whatever the seed. A parent small enough to walk whole at
 * the smallest page size (at most SAMPLE_ABOVE_PAGES pages) is swept by that one whole walk instead,
 * fewer calls and runs for the same boundaries. The cases are enumerated (boundary cases, replayed by
 * `--path`); seeded runs walk their small populations whole instead.
 */
import { listRequest } from '../../profiles/index.js';
import { profileOf, type CheckContext } from './context.js';
import { walk, type Walk } from './walk.js';

/** The first-page sizes of the sweep's walks of a parent: every size from the smallest to the largest. */
export function sweepSizes(bounds: { min: number; max: number }): number[] {
  return Array.from({ length: bounds.max - bounds.min + 1 }, (_, i) => bounds.min + i);
}

/**
 * The page boundaries of an `items`-item listing that the offset walk with first page `first` and
 * later pages of `later` crosses: after items first, first + later, ... below `items` (none when its
 * first page holds them all). Over first = 1..later they add up to items − 1, every boundary once.
 */
export function sweptBoundaries(items: number, first: number, later: number): number {
  return first < items ? Math.ceil((items - first) / later) : 0;
}

/** The offset walk of `parent` with first page `first`: every later page at the largest page size. */
export function offsetWalk(ctx: CheckContext, parent: string, first: number, maxPages: number): Promise<Walk> {
  const profile = profileOf(ctx);
  return walk(ctx, listRequest(profile, { parent, pageSize: first }), { maxPages, laterPageSize: profile.pageBounds.max });
}
