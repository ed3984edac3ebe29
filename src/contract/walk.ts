/**
 * A bounded walk: follow NextToken from the first page to the end, never longer than the bounds, and
 * say how it ended. Every walk the harness makes goes through here, so none can loop forever.
 */
import type { ListExecutorsRequest } from '../generated/athena.js';
import { describeAnswer, listCall, type ListCall } from './call.js';
import type { CheckContext } from './context.js';
import { clip } from './text.js';

/** One page of a walk: the call and the executors of its raw body. */
export interface Page {
  call: ListCall;
  request: ListExecutorsRequest;
  /** `ExecutorsSummary` of the raw JSON body (members as the target sent them). */
  executors: Record<string, unknown>[];
  nextToken?: string;
}

/** How a walk ended. */
export type WalkOutcome =
  | { kind: 'complete' }
  | { kind: 'loop'; token: string }
  | { kind: 'too-many-pages'; limit: number }
  | { kind: 'too-slow'; limitMs: number }
  | { kind: 'error'; call: ListCall; page: number };

/** The pages of a walk and how it ended. */
export interface Walk {
  pages: Page[];
  outcome: WalkOutcome;
  /** Tokens in the order they were received. */
  tokens: string[];
}

/** Options of {@link walk}. */
export interface WalkOptions {
  /** Pages allowed before the walk counts as non-terminating. */
  maxPages: number;
  /** Milliseconds allowed. @defaultValue the context's bound */
  maxMs?: number;
  /** Called after each page (e.g. to grow the session mid-walk). */
  afterPage?: (pageIndex: number, page: Page) => Promise<void>;
}

/** The executors a 200 body lists, or [] when it lists none or is malformed. */
export function executorsOf(json: unknown): Record<string, unknown>[] {
  const list = (json as { ExecutorsSummary?: unknown } | undefined)?.ExecutorsSummary;
  return Array.isArray(list) ? list.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null) : [];
}

/** Walks `request` to the end within the bounds. A repeated token ends the walk as a loop. */
export async function walk(ctx: CheckContext, request: ListExecutorsRequest, options: WalkOptions): Promise<Walk> {
  const pages: Page[] = [];
  const tokens: string[] = [];
  const seenTokens = new Set<string>();
  const deadline = performance.now() + (options.maxMs ?? ctx.bounds.maxWalkMs);
  let next: string | undefined;
  for (;;) {
    if (pages.length >= options.maxPages) return { pages, tokens, outcome: { kind: 'too-many-pages', limit: options.maxPages } };
    if (performance.now() > deadline) return { pages, tokens, outcome: { kind: 'too-slow', limitMs: options.maxMs ?? ctx.bounds.maxWalkMs } };
    const pageRequest: ListExecutorsRequest = next === undefined ? request : { ...request, NextToken: next };
    const call = await listCall(ctx, pageRequest);
    if (call.status !== 200 || call.error || typeof call.json !== 'object' || call.json === null)
      return { pages, tokens, outcome: { kind: 'error', call, page: pages.length + 1 } };
    const executors = executorsOf(call.json);
    ctx.stats.executorsSeen += executors.length;
    const token = (call.json as { NextToken?: unknown }).NextToken;
    const page: Page = { call, request: pageRequest, executors, nextToken: typeof token === 'string' ? token : undefined };
    pages.push(page);
    if (options.afterPage) await options.afterPage(pages.length - 1, page);
    // As the SDK's paginator does: a missing or empty token ends the walk.
    if (typeof token !== 'string' || token === '') return { pages, tokens, outcome: { kind: 'complete' } };
    tokens.push(token);
    if (seenTokens.has(token)) return { pages, tokens, outcome: { kind: 'loop', token } };
    seenTokens.add(token);
    next = token;
  }
}

/** Every executor of the walk, in order. */
export function walkedExecutors(w: Walk): Record<string, unknown>[] {
  return w.pages.flatMap((p) => p.executors);
}

/** One line saying why a walk did not complete, with the tokens seen where they matter. */
export function describeIncomplete(w: Walk): string {
  const o = w.outcome;
  const tokens = () => `tokens seen: ${w.tokens.slice(-5).map((t) => JSON.stringify(clip(t, 60))).join(', ')}`;
  switch (o.kind) {
    case 'complete':
      return 'complete';
    case 'loop':
      return `pagination did not terminate: token ${JSON.stringify(clip(o.token, 60))} came back after ${w.pages.length} pages (${tokens()})`;
    case 'too-many-pages':
      return `pagination did not terminate: more than ${o.limit} pages (${tokens()})`;
    case 'too-slow':
      return `pagination did not terminate within ${o.limitMs} ms after ${w.pages.length} pages (${tokens()})`;
    case 'error':
      return `page ${o.page} of the walk failed: ${describeAnswer(o.call)}`;
  }
}
