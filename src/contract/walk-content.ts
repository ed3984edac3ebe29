/**
 * What a walk's pages have brought: each executor listed and where, the first one listed again, and
 * the pages that brought nothing new. A server with server-side cursors hands out a fresh token per
 * page, so a walk that goes round never repeats a token: its content shows it instead. Observational
 * walks also learn how many such pages to allow from what the run's walks of the session listed.
 */
import type { ListExecutorsRequest } from '../generated/athena.js';
import type { WalkBounds } from './context.js';
import { idOf } from './scaffold/ids.js';

/** An executor listed a second time: the pages (1-based) that listed it first and again. */
export interface Repeat {
  executor: string;
  firstPage: number;
  againPage: number;
}

/** What a walk's pages have brought so far. */
export interface Content {
  /** Each executor listed, by id, with the page that first listed it. */
  readonly firstListed: Map<string, number>;
  /** The first executor listed a second time. */
  repeat?: Repeat;
  /** Pages that listed no executor not listed before (until a repeat, exactly the empty pages). */
  barren: number;
}

/** Nothing brought yet. */
export function emptyContent(): Content {
  return { firstListed: new Map(), barren: 0 };
}

/** Adds the executors of page `page` (1-based); returns whether the page brought one not listed before. */
export function addPage(content: Content, page: number, executors: readonly Record<string, unknown>[]): boolean {
  let fresh = false;
  for (const e of executors) {
    const id = idOf(e);
    const first = content.firstListed.get(id);
    if (first === undefined) {
      content.firstListed.set(id, page);
      fresh = true;
    } else content.repeat ??= { executor: id, firstPage: first, againPage: page };
  }
  if (!fresh) content.barren++;
  return fresh;
}

/**
 * The repeat that shows the walk has gone round, if it has: an executor was listed again, and a later
 * page brought nothing new. A correct server lists no executor twice, and a walk that advances brings
 * something new on every page but a trailing empty one (which ends the walk before this is asked), so
 * a walk that repeats itself and then stops bringing anything new can only go on repeating, whatever
 * its tokens look like. The page that first repeats does not count on its own: a server with offset
 * tokens whose session grew at the front re-lists the executors before its cursor on one page and
 * then advances again (a duplicate, not a loop); a walk that goes round shows it again on the next.
 */
export function wentRound(content: Content, page: number, fresh: boolean): Repeat | undefined {
  return !fresh && content.repeat && content.repeat.againPage < page ? content.repeat : undefined;
}

/**
 * Pages bringing nothing new an observational walk may take beyond the most executors a walk of its
 * session listed: the legal trailing empty page, and room for a few executors started since. Kept
 * small, because a server that sends empty pages forever costs this many calls on every walk; a
 * filtered walk cut short by a session that grew more only checks fewer pages, and the next
 * unfiltered walk learns the new size.
 */
export const BARREN_SLACK = 3;

/** Per run (the runner hands one WalkBounds to every check of a run): the most executors an unfiltered walk of each session listed. */
const mostListedByRun = new WeakMap<WalkBounds, Map<string, number>>();

/** The most executors an unfiltered walk of `sessionId` listed so far in the run of `bounds`; undefined before any. */
export function mostListed(bounds: WalkBounds, sessionId: string): number | undefined {
  return mostListedByRun.get(bounds)?.get(sessionId);
}

/** Remembers what a walk of `request` listed, when it was unfiltered (only then does it list the whole session). */
export function recordListed(bounds: WalkBounds, request: ListExecutorsRequest, content: Content): void {
  if (request.ExecutorStateFilter !== undefined) return;
  let run = mostListedByRun.get(bounds);
  if (!run) mostListedByRun.set(bounds, (run = new Map()));
  run.set(request.SessionId, Math.max(run.get(request.SessionId) ?? 0, content.firstListed.size));
}

/**
 * The pages bringing nothing new a walk of `request` may take: before a repeat these are empty pages,
 * which a server that filters after paging may legally send mid-walk, one per page of the session it
 * reads. It reads at most MaxResults executors a page, so a filtered walk with MaxResults m may bring
 * ceil(N / m) empty pages over a session of N executors (N: the most a walk of the session listed, or
 * this walk has); an unfiltered walk, or one without MaxResults (the default page size is the server's),
 * up to N. Plus the slack. A filtered walk cut short by a server whose pages are shorter still only
 * checks fewer pages: no property fails on an incomplete filtered walk.
 */
export function barrenAllowance(known: number | undefined, content: Content, request: ListExecutorsRequest): number {
  const size = Math.max(known ?? 0, content.firstListed.size);
  const perPage = request.ExecutorStateFilter !== undefined && request.MaxResults !== undefined && request.MaxResults > 0 ? request.MaxResults : 1;
  return Math.ceil(size / perPage) + BARREN_SLACK;
}
