/**
 * Records one walk: its pages, whether it completed, its filter and what that matched, StartDateTime
 * ties across its page boundaries, the optional members its executors lacked, and the executors
 * seeded into its session while it went.
 */
import type { Coverage } from '../../common/results.js';
import type { CoverageCollector } from './collector.js';

/** One walk as coverage sees it. */
export interface WalkSeen {
  filter?: string;
  /** The executors of each page answered 200, in order. */
  pages: readonly (readonly Record<string, unknown>[])[];
  complete: boolean;
  /** Executors seeded into the session between its pages. */
  inserted: number;
}

/** Page boundaries where the last executor of one page and the first of the next share a StartDateTime. */
function tiesOf(pages: WalkSeen['pages']): number {
  let ties = 0;
  for (let i = 1; i < pages.length; i++) {
    const last = pages[i - 1].at(-1)?.StartDateTime;
    const first = pages[i][0]?.StartDateTime;
    if (typeof last === 'number' && last === first) ties++;
  }
  return ties;
}

/** Adds the executors of `pages` and the optional members each lacks. */
function addExecutors(data: Coverage, pages: WalkSeen['pages']): number {
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
  data.ties += tiesOf(walk.pages);
  const listed = addExecutors(data, walk.pages);
  if (walk.filter !== undefined) {
    const filter = (data.filters[walk.filter] ??= { walks: 0, matched: 0 });
    filter.walks++;
    filter.matched += listed;
  }
  if (walk.inserted > 0) {
    data.inserted.walks++;
    data.inserted.executors += walk.inserted;
  }
}
