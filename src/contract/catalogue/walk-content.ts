/**
 * What a walk's pages have brought: each item listed and where, the first one listed again, and the
 * pages that brought nothing new. A server with server-side cursors hands out a fresh token per page,
 * so a walk that goes round never repeats a token: its content shows it instead. Observational walks
 * also learn how many such pages to allow from what the run's walks of the parent listed. Items are
 * told apart by their ids as `itemId` reads them; requests are read as their parts.
 */
import type { ListParts } from '../../profiles/index.js';
import type { WalkBounds } from './context.js';

/** An item listed a second time (its id): the pages (1-based) that listed it first and again. */
export interface Repeat {
  item: string;
  firstPage: number;
  againPage: number;
}

/** What a walk's pages have brought so far. */
export interface Content {
  /** Each item listed, by id, with the page that first listed it. */
  readonly firstListed: Map<string, number>;
  /** The first item listed a second time. */
  repeat?: Repeat;
  /** Pages that listed no item not listed before (until a repeat, exactly the empty pages). */
  barren: number;
  /** The most items one page of the walk held. */
  largestPage: number;
  /** Items seeded into the parent between the walk's pages (a parent grown mid-walk), for coverage. */
  inserted: number;
}

/** What the run's unfiltered walks of one parent have shown. */
export interface ParentSeen {
  /** The most items one walk listed. */
  listed: number;
  /** The most items one page held on walks without a page size: at most the server's default page size. */
  defaultPage?: number;
}

/** Nothing brought yet. */
export function emptyContent(): Content {
  return { firstListed: new Map(), barren: 0, largestPage: 0, inserted: 0 };
}

/** Adds the items of page `page` (1-based), given by their ids; returns whether the page brought one not listed before. */
export function addPage(content: Content, page: number, ids: readonly string[]): boolean {
  let fresh = false;
  for (const id of ids) {
    const first = content.firstListed.get(id);
    if (first === undefined) {
      content.firstListed.set(id, page);
      fresh = true;
    } else content.repeat ??= { item: id, firstPage: first, againPage: page };
  }
  if (!fresh) content.barren++;
  content.largestPage = Math.max(content.largestPage, ids.length);
  return fresh;
}

/**
 * The repeat that shows the walk has gone round, if it has: an item was listed again, and a later
 * page brought nothing new. A correct server lists no item twice, and a walk that advances brings
 * something new on every page but a trailing empty one (which ends the walk before this is asked), so
 * a walk that repeats itself and then stops bringing anything new can only go on repeating, whatever
 * its tokens look like. The page that first repeats does not count on its own: a server with offset
 * tokens whose parent grew at the front re-lists the items before its cursor on one page and then
 * advances again (a duplicate, not a loop); a walk that goes round shows it again on the next.
 */
export function wentRound(content: Content, page: number, fresh: boolean): Repeat | undefined {
  return !fresh && content.repeat && content.repeat.againPage < page ? content.repeat : undefined;
}

/**
 * Pages bringing nothing new an observational walk may take beyond the most items a walk of its
 * parent listed: the legal trailing empty page, and room for a few items added since. Kept small,
 * because a server that sends empty pages forever costs this many calls on every walk; a filtered
 * walk cut short by a parent that grew more only checks fewer pages, and the next unfiltered walk
 * learns the new size. So the bound holds on a parent that moves while the run reads it: the most
 * items listed only lags its growth (an unfiltered walk counts its own items too, and a correct
 * server's unfiltered pages each bring a new item however it grows), and items that went leave it
 * larger, never smaller.
 */
export const BARREN_SLACK = 3;

/** Per run (the runner hands one WalkBounds to every check of a run): what the unfiltered walks of each parent showed. */
const seenByRun = new WeakMap<WalkBounds, Map<string, ParentSeen>>();

/** What the unfiltered walks of `parent` showed so far in the run of `bounds`; undefined before any. */
export function mostListed(bounds: WalkBounds, parent: string): ParentSeen | undefined {
  return seenByRun.get(bounds)?.get(parent);
}

/** Remembers what a walk of `request` showed, when it was unfiltered (only then does it list the whole parent). */
export function recordListed(bounds: WalkBounds, request: ListParts, content: Content): void {
  if (request.state !== undefined) return;
  let run = seenByRun.get(bounds);
  if (!run) seenByRun.set(bounds, (run = new Map()));
  const before = run.get(request.parent);
  const defaultPage = request.pageSize === undefined && content.largestPage > 0 ? Math.max(before?.defaultPage ?? 0, content.largestPage) : before?.defaultPage;
  run.set(request.parent, { listed: Math.max(before?.listed ?? 0, content.firstListed.size), ...(defaultPage === undefined ? {} : { defaultPage }) });
}

/** The items of the parent a walk must allow for: the most a walk of it listed, or this walk has. */
export function parentSize(known: ParentSeen | undefined, content: Content): number {
  return Math.max(known?.listed ?? 0, content.firstListed.size);
}

/**
 * The pages bringing nothing new a walk of `request` may take: before a repeat these are empty pages,
 * which a server that filters after paging may legally send mid-walk, one per page of the parent it
 * reads. It reads at most a page size of items a page (without one, its default page size, which is
 * at least the largest page an unfiltered walk without one got), so a filtered walk may bring
 * ceil(N / page) empty pages over a parent of N items; an unfiltered walk, or a filtered one whose
 * page size nothing has shown, up to N. Plus the slack. A filtered walk cut short by a server whose
 * pages are shorter only checks fewer pages: no property fails on an incomplete filtered walk.
 */
export function barrenAllowance(known: ParentSeen | undefined, content: Content, request: ListParts): number {
  const page = request.state === undefined ? 1 : (request.pageSize ?? known?.defaultPage ?? 1);
  return Math.ceil(parentSize(known, content) / Math.max(1, page)) + BARREN_SLACK;
}
