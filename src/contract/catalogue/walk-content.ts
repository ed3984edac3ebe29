/**
 * What a walk's pages have brought: each executor listed and where, the first one listed again, and
 * the pages that brought nothing new. A server with server-side cursors hands out a fresh token per
 * page, so a walk that goes round never repeats a token: its content shows it instead. Observational
 * walks also learn how many such pages to allow from what the run's walks of the session listed.
 */
import type { ListExecutorsRequest } from '../../generated/athena.js';
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
  /** The most executors one page of the walk held. */
  largestPage: number;
  /** Executors seeded into the session between the walk's pages (a session grown mid-walk), for coverage. */
  inserted: number;
}

/** What the run's unfiltered walks of one session have shown. */
export interface SessionSeen {
  /** The most executors one walk listed. */
  listed: number;
  /** The most executors one page held on walks without MaxResults: at most the server's default page size. */
  defaultPage?: number;
}

/** Nothing brought yet. */
export function emptyContent(): Content {
  return { firstListed: new Map(), barren: 0, largestPage: 0, inserted: 0 };
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
  content.largestPage = Math.max(content.largestPage, executors.length);
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

/** Per run (the runner hands one WalkBounds to every check of a run): what the unfiltered walks of each session showed. */
const seenByRun = new WeakMap<WalkBounds, Map<string, SessionSeen>>();

/** What the unfiltered walks of `sessionId` showed so far in the run of `bounds`; undefined before any. */
export function mostListed(bounds: WalkBounds, sessionId: string): SessionSeen | undefined {
  return seenByRun.get(bounds)?.get(sessionId);
}

/** Remembers what a walk of `request` showed, when it was unfiltered (only then does it list the whole session). */
export function recordListed(bounds: WalkBounds, request: ListExecutorsRequest, content: Content): void {
  if (request.ExecutorStateFilter !== undefined) return;
  let run = seenByRun.get(bounds);
  if (!run) seenByRun.set(bounds, (run = new Map()));
  const before = run.get(request.SessionId);
  const defaultPage = request.MaxResults === undefined && content.largestPage > 0 ? Math.max(before?.defaultPage ?? 0, content.largestPage) : before?.defaultPage;
  run.set(request.SessionId, { listed: Math.max(before?.listed ?? 0, content.firstListed.size), ...(defaultPage === undefined ? {} : { defaultPage }) });
}

/** The executors of the session a walk of `request` must allow for: the most a walk of it listed, or this walk has. */
export function sessionSize(known: SessionSeen | undefined, content: Content): number {
  return Math.max(known?.listed ?? 0, content.firstListed.size);
}

/**
 * The pages bringing nothing new a walk of `request` may take: before a repeat these are empty pages,
 * which a server that filters after paging may legally send mid-walk, one per page of the session it
 * reads. It reads at most MaxResults executors a page (without MaxResults, its default page size, which
 * is at least the largest page an unfiltered walk without MaxResults got), so a filtered walk may bring
 * ceil(N / page) empty pages over a session of N executors; an unfiltered walk, or a filtered one whose
 * page size nothing has shown, up to N. Plus the slack. A filtered walk cut short by a server whose
 * pages are shorter only checks fewer pages: no property fails on an incomplete filtered walk.
 */
export function barrenAllowance(known: SessionSeen | undefined, content: Content, request: ListExecutorsRequest): number {
  const page = request.ExecutorStateFilter === undefined ? 1 : (request.MaxResults ?? known?.defaultPage ?? 1);
  return Math.ceil(sessionSize(known, content) / Math.max(1, page)) + BARREN_SLACK;
}
