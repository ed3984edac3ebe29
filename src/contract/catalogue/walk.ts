/**
 * A bounded walk: follow the token from the first page to the end, never longer than the bounds, and
 * say how it ended. Every walk the harness makes goes through here, so none can loop forever: a
 * repeated token ends it, and so does its content going round (walk-content.ts), whatever the tokens.
 * The context's profile names the members read and written.
 */
import { itemId, itemsOf, listRequest, partsOf, valueAt, type ListParts, type OperationProfile } from '../../profiles/index.js';
import { describeAnswer, listCall, type ListCall, type ListRequest } from './call.js';
import { profileOf, type CheckContext } from './context.js';
import { recordWalk, seededDuring } from '../coverage/index.js';
import { noticeMoves } from './moving.js';
import { clip, plural } from './text.js';
import { addPage, BARREN_SLACK, barrenAllowance, emptyContent, mostListed, parentSize, recordListed, wentRound, type Content, type Repeat } from './walk-content.js';

/**
 * Whether a call brought a page: a 200 whose raw body is JSON. The laws read the raw body, so a JSON
 * object the SDK could not read (a timestamp sent as an ISO string makes it throw) is still a page,
 * judged by `response.conforms` and the laws, not cut short as a failed call.
 */
function isPage(call: ListCall): boolean {
  if (call.status !== 200 || typeof call.json !== 'object' || call.json === null) return false;
  return !call.error || !Array.isArray(call.json);
}

/** One page of a walk: the call and the items of its raw body. */
export interface Page {
  call: ListCall;
  request: ListRequest;
  /** The items of the raw JSON body (members as the target sent them). */
  items: Record<string, unknown>[];
  nextToken?: string;
}

/** How a walk ended. */
export type WalkOutcome =
  | { kind: 'complete' }
  | { kind: 'loop'; token: string }
  /** Page `page` brought nothing new after `repeat`'s item was listed again. */
  | { kind: 'went-round'; page: number; repeat: Repeat }
  /** More than `limit` pages brought nothing new (observational: `known` is the most items a walk of the parent listed). */
  | { kind: 'too-many-barren'; limit: number; known: number }
  | { kind: 'too-many-pages'; limit: number }
  | { kind: 'too-slow'; limitMs: number }
  | { kind: 'error'; call: ListCall; page: number };

/** The pages of a walk and how it ended. */
export interface Walk {
  pages: Page[];
  outcome: WalkOutcome;
  /** Tokens in the order they were received. */
  tokens: string[];
  /** The operation walked, whose words describe how the walk ended. */
  profile: OperationProfile;
}

/** Options of {@link walk}. */
export interface WalkOptions {
  /**
   * Pages allowed before the walk counts as non-terminating: exact in seeded mode; in observational
   * mode a last resort, the walk's content and what the run's walks saw ending it long before.
   */
  maxPages: number;
  /** Milliseconds allowed. @defaultValue the context's bound */
  maxMs?: number;
  /** Called after each page (e.g. to grow the parent mid-walk). */
  afterPage?: (pageIndex: number, page: Page) => Promise<void>;
  /**
   * The walk lists part of the parent only (resumed from a token, or cut short on purpose: a sampled
   * walk's segment), so it says nothing of the parent's size or of what came and went.
   */
  partial?: boolean;
  /**
   * Pages after the first ask for this page size (an offset walk of the boundary sweep: its first
   * page sets where its page boundaries fall). @defaultValue the first page's
   */
  laterPageSize?: number;
}

/**
 * Walks `request` to the end within the bounds. A repeated token ends the walk as a loop; a page that
 * brings nothing new, after the page that listed an item again, as gone round ({@link wentRound});
 * and (observational mode) more pages bringing nothing new than {@link barrenAllowance} allows as
 * non-terminating too.
 */
export async function walk(ctx: CheckContext, request: ListRequest, options: WalkOptions): Promise<Walk> {
  const profile = profileOf(ctx);
  const content = emptyContent();
  const w = await walkPages(ctx, request, options, content);
  const parts = partsOf(profile, request as Readonly<Record<string, unknown>>);
  const complete = w.outcome.kind === 'complete';
  const whole = ctx.mode === 'observational' && !options.partial;
  if (whole) recordListed(ctx.bounds, parts, content);
  // Only a whole unfiltered listing shows what came and went.
  const moved = whole && complete && parts.state === undefined ? noticeMoves(ctx.bounds, profile, parts.parent, parts.pageSize, walkedItems(w)) : undefined;
  recordWalk(ctx.coverage, { filter: parts.state, pages: w.pages.map((p) => p.items), complete, inserted: content.inserted, ...(moved ? { moved } : {}) });
  return w;
}

async function walkPages(ctx: CheckContext, request: ListRequest, options: WalkOptions, content: Content): Promise<Walk> {
  const profile = profileOf(ctx);
  const parts = partsOf(profile, request as Readonly<Record<string, unknown>>);
  const pages: Page[] = [];
  const tokens: string[] = [];
  const seenTokens = new Set<string>();
  const end = (outcome: WalkOutcome): Walk => ({ pages, tokens, outcome, profile });
  const maxMs = options.maxMs ?? ctx.bounds.maxWalkMs;
  const deadline = performance.now() + maxMs;
  let next: string | undefined;
  for (;;) {
    if (pages.length >= options.maxPages) return end({ kind: 'too-many-pages', limit: options.maxPages });
    if (performance.now() > deadline) return end({ kind: 'too-slow', limitMs: maxMs });
    const later = options.laterPageSize === undefined ? {} : { [profile.pageSize]: options.laterPageSize };
    const pageRequest: ListRequest = next === undefined ? request : { ...request, ...later, [profile.token]: next };
    // Every page request is one the contract calls valid, so a 5xx is sent once more before it counts.
    const call = await listCall(ctx, pageRequest, { resendOn5xx: true });
    if (!isPage(call)) return end({ kind: 'error', call, page: pages.length + 1 });
    const items = itemsOf(profile, call.json);
    ctx.stats.executorsSeen += items.length;
    const token = valueAt(call.json, [profile.token]);
    const page: Page = { call, request: pageRequest, items, nextToken: typeof token === 'string' ? token : undefined };
    pages.push(page);
    const { afterPage } = options;
    if (afterPage) content.inserted += await seededDuring(ctx.coverage, ctx.exchanges, parts.parent, () => afterPage(pages.length - 1, page));
    const fresh = addPage(content, pages.length, items.map((e) => itemId(profile, e)));
    // As the SDK's paginator does: a missing or empty token ends the walk.
    if (typeof token !== 'string' || token === '') return end({ kind: 'complete' });
    tokens.push(token);
    if (seenTokens.has(token)) return end({ kind: 'loop', token });
    seenTokens.add(token);
    const repeat = wentRound(content, pages.length, fresh);
    if (repeat) return end({ kind: 'went-round', page: pages.length, repeat });
    const barren = fresh ? undefined : await barrenLimit(ctx, parts, content);
    if (barren && content.barren > barren.limit) return end({ kind: 'too-many-barren', ...barren });
    next = token;
  }
}

/**
 * How many pages bringing nothing new an observational walk of `request` may take (none in seeded
 * mode, whose page bound is exact). A filtered walk of a parent no unfiltered walk has listed yet
 * may be on a server that filters after paging, with up to one empty page per item of the parent:
 * before it is called non-terminating, one unfiltered walk learns the parent's size.
 */
async function barrenLimit(ctx: CheckContext, request: ListParts, content: Content): Promise<{ limit: number; known: number } | undefined> {
  if (ctx.mode !== 'observational') return undefined;
  let known = mostListed(ctx.bounds, request.parent);
  if (known === undefined && request.state !== undefined && content.barren > barrenAllowance(known, content, request)) {
    await walk(ctx, listRequest(profileOf(ctx), { parent: request.parent }), { maxPages: ctx.bounds.maxPages });
    known = mostListed(ctx.bounds, request.parent);
  }
  return { limit: barrenAllowance(known, content, request), known: parentSize(known, content) };
}

/** Every item of the walk, in order. */
export function walkedItems(w: Walk): Record<string, unknown>[] {
  return w.pages.flatMap((p) => p.items);
}

/** One line saying why a walk did not complete, with the tokens seen where they matter. */
export function describeIncomplete(w: Walk): string {
  const o = w.outcome;
  const { itemNoun, parent } = w.profile;
  const tokens = () => `tokens seen: ${w.tokens.slice(-5).map((t) => JSON.stringify(clip(t, 60))).join(', ')}`;
  switch (o.kind) {
    case 'complete':
      return 'complete';
    case 'loop':
      return `pagination did not terminate: token ${JSON.stringify(clip(o.token, 60))} came back after ${w.pages.length} pages (${tokens()})`;
    case 'went-round':
      return `pagination did not terminate: page ${o.page} brought nothing new after ${itemNoun} ${JSON.stringify(clip(o.repeat.item, 60))} was listed again (first on page ${o.repeat.firstPage}, again on page ${o.repeat.againPage}; ${tokens()})`;
    case 'too-many-barren':
      return `pagination did not terminate: more than ${o.limit} pages brought nothing new (at most one per page a server could read of the ${o.known} ${plural(itemNoun)} a walk of this ${parent.noun} listed, plus ${BARREN_SLACK}; ${tokens()})`;
    case 'too-many-pages':
      return `pagination did not terminate: more than ${o.limit} pages (${tokens()})`;
    case 'too-slow':
      return `pagination did not terminate within ${o.limitMs} ms after ${w.pages.length} pages (${tokens()})`;
    case 'error':
      return `page ${o.page} of the walk failed: ${describeAnswer(o.call)}`;
  }
}
