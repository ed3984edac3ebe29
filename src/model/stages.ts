/**
 * The named stages of ListExecutors and the model's pure defaults. listExecutorsWith runs them in a
 * fixed order; a caller that needs a deviation (the emulator's faults) replaces or wraps a stage and
 * leaves every other one as the model has it, so the algorithm exists once.
 */
import type { ExecutorState, ExecutorsSummary, ListExecutorsRequest } from '../generated/athena.js';
import { resourceNotFoundException } from './errors.js';
import { filterView, indexAfter, orderedView, type OrderedExecutor } from './order.js';
import { decodePosition, encodePosition, pageBinding } from './token.js';
import { DEFAULT_PAGE_SIZE, type ModelError, type ModelOptions, type SessionStore } from './types.js';
import { validateRequest, type RequestResult } from './validate-request.js';

/** A page as answered: the session, its executors (each as `E`), and the next page's token when one follows. */
export interface PageOf<E> {
  SessionId: string;
  ExecutorsSummary: E[];
  NextToken?: string;
}

/** What one call through the stages yields: a page, or an error. */
export type ListResult<E> = { ok: true; output: PageOf<E> } | { ok: false; error: ModelError };

/** Where an error arose, for the error stage: the request's validation, the session lookup, or the NextToken. */
export type ErrorKind = 'request' | 'session' | 'token';

/** A sorted (and maybe filtered) list of a session's executors with their sort keys. */
type View = readonly OrderedExecutor[];

/**
 * The stages of one ListExecutors call, in the order they run. `C` is what the caller hands every
 * stage (the model's own stages read nothing from it); `E` is an executor as the output carries it.
 */
export interface ListStages<C = unknown, E = ExecutorsSummary> {
  /** The request once its JSON types and constraints hold, or the error of the first class it breaks. */
  readonly validate: (input: unknown, ctx: C) => RequestResult;
  /** The session's executors, or the whole answer when the store does not hold the session. */
  readonly session: (store: SessionStore, request: ListExecutorsRequest, ctx: C) => readonly ExecutorsSummary[] | ListResult<E>;
  /** The executors in the order pages list them. */
  readonly order: (executors: readonly ExecutorsSummary[], ctx: C) => View;
  /** The executors the filter keeps, in the same order (the filter applies before paging). */
  readonly filter: (view: View, filter: ExecutorState | undefined, ctx: C) => View;
  /** What a token is bound to: it is valid only where the same binding is presented again. */
  readonly binding: (request: ListExecutorsRequest, ctx: C) => string;
  /** The index just after the position a verified token's payload names, or -1 when it names none. */
  readonly position: (view: View, payload: string, ctx: C) => number;
  /** Where the page starts, from the index just after the token's position (-1 fails with the bad-token error). */
  readonly start: (after: number, ctx: C) => number;
  /** How many executors a page holds at most. */
  readonly pageSize: (request: ListExecutorsRequest, view: View, options: ModelOptions, ctx: C) => number;
  /** The payload of the next page's token (signed afterwards), or undefined when this page is the last. */
  readonly token: (view: View, page: View, from: number, size: number, ctx: C) => string | undefined;
  /** One executor as the output carries it. */
  readonly summary: (executor: ExecutorsSummary, ctx: C) => E;
  /** The body of a page. */
  readonly output: (sessionId: string, executors: E[], nextToken: string | undefined, ctx: C) => PageOf<E>;
  /** An error as answered. */
  readonly error: (kind: ErrorKind, error: ModelError, ctx: C) => ModelError;
}

/** A body whose members keep the order the API documents (SessionId, ExecutorsSummary, NextToken). */
function page<E>(SessionId: string, ExecutorsSummary: E[], NextToken: string | undefined): PageOf<E> {
  return NextToken === undefined ? { SessionId, ExecutorsSummary } : { SessionId, ExecutorsSummary, NextToken };
}

/**
 * The model's stages: newest StartDateTime first (see orderExecutors), the filter before paging,
 * keyset tokens bound to session and filter, MaxResults (default DEFAULT_PAGE_SIZE) per page, and
 * the executors and errors exactly as stored and modelled. `output` is generic so that a caller's
 * executor type `E` can take it unchanged.
 */
export const LIST_STAGES = {
  validate: validateRequest,
  session: (store, request) => store.get(request.SessionId) ?? { ok: false, error: resourceNotFoundException(request.SessionId) },
  order: (executors) => orderedView(executors),
  filter: filterView,
  binding: (request) => pageBinding(request.SessionId, request.ExecutorStateFilter),
  position: (view, payload) => {
    const position = decodePosition(payload);
    return position ? indexAfter(view, position) : -1;
  },
  start: (after) => after,
  pageSize: (request, _view, options) => request.MaxResults ?? options.defaultPageSize ?? DEFAULT_PAGE_SIZE,
  token: (view, page, from, size) => (from + size < view.length ? encodePosition(page[page.length - 1]) : undefined),
  summary: (executor) => executor,
  output: page,
  error: (_kind, error) => error,
} as const satisfies ListStages;
