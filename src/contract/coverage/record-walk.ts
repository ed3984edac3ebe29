/**
 * Records one walk: its pages, whether it completed, its filter and what that matched, ordering-key
 * ties across its page boundaries, the optional members its items lacked, and the items seeded into
 * its parent while it went, and (observational) what moved since a walk like it. The collector's profile says where an item's ordering key is.
 */
import type { Coverage } from '../../common/results.js';
import { orderKeyOf, type OperationProfile } from '../../profiles/index.js';
import type { CoverageCollector } from './collector.js';

/** One walk as coverage sees it. */
export interface WalkSeen {
  filter?: string;
  /** The items of each page answered 200, in order. */
  pages: readonly (readonly Record<string, unknown>[])[];
  complete: boolean;
  /** Items seeded into the parent between its pages. */
  inserted: number;
  /** Observational: what came, went and changed state since the last walk like it (counted once per run). */
  moved?: { came: number; went: number; changed: number };
}

/** Page boundaries where the last item of one page and the first of the next share an ordering key. */
function tiesOf(profile: OperationProfile, pages: WalkSeen['pages']): number {
  let ties = 0;
  for (let i = 1; i < pages.length; i++) {
    const last = orderKeyOf(profile, pages[i - 1].at(-1));
    const first = orderKeyOf(profile, pages[i][0]);
    if (last !== undefined && last === first) ties++;
  }
  return ties;
}

/** Adds the items of `pages` (to the `executors` member, whatever the operation) and the optional members each lacks. */
function addItems(data: Coverage, pages: WalkSeen['pages']): number {
  let listed = 0;
  for (const page of pages)
    for (const e of page) {
      listed++;
      for (const m of Object.keys(data.executors.lacking)) if (e[m] === undefined || e[m] === null) data.executors.lacking[m]++;
    }
  data.executors.listed += listed;
  return listed;
}

/** Adds `walk` to `collector` (nothing when there is none). */
export function recordWalk(collector: CoverageCollector | undefined, walk: WalkSeen): void {
  if (!collector) return;
  const { data } = collector;
  data.walks.total++;
  if (walk.pages.length >= 2) data.walks.multiPage++;
  data.walks.longest = Math.max(data.walks.longest, walk.pages.length);
  if (walk.complete) data.walks.complete++;
  data.ties += tiesOf(collector.profile, walk.pages);
  const listed = addItems(data, walk.pages);
  if (walk.filter !== undefined) {
    const filter = (data.filters[walk.filter] ??= { walks: 0, matched: 0 });
    filter.walks++;
    filter.matched += listed;
  }
  if (walk.inserted > 0) {
    data.inserted.walks++;
    data.inserted.executors += walk.inserted;
  }
  if (walk.moved) {
    const moving = (data.moving ??= { came: 0, went: 0, changed: 0 });
    moving.came += walk.moved.came;
    moving.went += walk.moved.went;
    moving.changed += walk.moved.changed;
  }
}
