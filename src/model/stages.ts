/**
 * The named stages of a list call and the model's pure defaults. listWith runs them in a fixed
 * order; a caller that needs a deviation (the emulator's faults) replaces or wraps a stage and leaves
 * every other one as the model has it, so the algorithm exists once. Every stage is handed the
 * operation's profile first: the same stages serve every list operation.
 */
import type { ListParts, OperationProfile } from '../profiles/index.js';
import { resourceNotFoundException } from './errors.js';
import { filterView, indexAfter, orderedView, type OrderedItem } from './order.js';
import { decodePosition, encodePosition, pageBinding } from './token.js';
import { DEFAULT_PAGE_SIZE, type Item, type ModelError, type ModelOptions, type ParentStore } from './types.js';
import { validateRequest, type RequestResult } from './validate-request.js';

/** A page as answered: the echoed parent (if the operation echoes it), the items, and the next page's token when one follows. */
export type Page = Record<string, unknown>;

/** What one call through the stages yields: a page, or an error. */
export type ListResult = { ok: true; output: Page } | { ok: false; error: ModelError };

/** Where an error arose, for the error stage: the request's validation, the parent lookup, or the token. */
export type ErrorKind = 'request' | 'parent' | 'token';

/** A sorted (and maybe filtered) list of a parent's items with their sort keys. */
type View = readonly OrderedItem[];

/**
 * The stages of one list call, in the order they run. `C` is what the caller hands every stage (the
 * model's own stages read nothing from it); `E` is an item as the output carries it.
 */
export interface ListStages<C = unknown, E = Item> {
  /** The request's parts once its JSON types and constraints hold, or the error of the first class it breaks. */
  readonly validate: (profile: OperationProfile, input: unknown, ctx: C) => RequestResult;
  /** The parent's items, or the whole answer when the store does not hold the parent. */
  readonly parent: (profile: OperationProfile, store: ParentStore, request: ListParts, ctx: C) => readonly Item[] | ListResult;
  /** The items in the order pages list them. */
  readonly order: (profile: OperationProfile, items: readonly Item[], ctx: C) => View;
  /** The items the filter keeps, in the same order (the filter applies before paging). */
  readonly filter: (profile: OperationProfile, view: View, state: string | undefined, ctx: C) => View;
  /** What a token is bound to: it is valid only where the same binding is presented again. */
  readonly binding: (profile: OperationProfile, request: ListParts, ctx: C) => string;
  /** The index just after the position a verified token's payload names, or -1 when it names none. */
  readonly position: (profile: OperationProfile, view: View, payload: string, ctx: C) => number;
  /** Where the page starts, from the index just after the token's position (-1 fails with the bad-token error). */
  readonly start: (profile: OperationProfile, after: number, ctx: C) => number;
  /** How many items a page holds at most. */
  readonly pageSize: (profile: OperationProfile, request: ListParts, view: View, options: ModelOptions, ctx: C) => number;
  /** The payload of the next page's token (signed afterwards), or undefined when this page is the last. */
  readonly token: (profile: OperationProfile, view: View, page: View, from: number, size: number, ctx: C) => string | undefined;
  /** One item as the output carries it. */
  readonly summary: (profile: OperationProfile, item: Item, ctx: C) => E;
  /** The body of a page. */
  readonly output: (profile: OperationProfile, parent: string, items: E[], nextToken: string | undefined, ctx: C) => Page;
  /** An error as answered. */
  readonly error: (profile: OperationProfile, kind: ErrorKind, error: ModelError, ctx: C) => ModelError;
}

/**
 * A page's body, its members in the order the API documents them: the echoed parent (none when the
 * operation echoes none), the items, and the token only when another page follows.
 */
export function pageBody(profile: OperationProfile, parent: string, items: readonly unknown[], nextToken: string | undefined): Page {
  const body: Page = {};
  if (profile.echo !== undefined) body[profile.echo] = parent;
  body[profile.items] = items;
  if (nextToken !== undefined) body[profile.token] = nextToken;
  return body;
}

/**
 * The model's stages: newest ordering key first (see orderedView), the filter before paging, keyset
 * tokens bound to operation, parent and filter, the requested page size (default DEFAULT_PAGE_SIZE) per page,
 * and the items and errors exactly as stored and modelled. `summary` and `output` are generic so that
 * a caller's item type `E` can take them unchanged.
 */
export const LIST_STAGES = {
  validate: validateRequest,
  parent: (profile, store, request) => store.get(request.parent) ?? { ok: false, error: resourceNotFoundException(profile, request.parent) },
  order: orderedView,
  filter: filterView,
  binding: (profile, request) => pageBinding(profile.operation, request.parent, request.state),
  position: (_profile, view, payload) => {
    const position = decodePosition(payload);
    return position ? indexAfter(view, position) : -1;
  },
  start: (_profile, after) => after,
  pageSize: (_profile, request, _view, options) => request.pageSize ?? options.defaultPageSize ?? DEFAULT_PAGE_SIZE,
  token: (_profile, view, page, from, size) => (from + size < view.length ? encodePosition(page[page.length - 1]) : undefined),
  summary: <E>(_profile: OperationProfile, item: E): E => item,
  output: pageBody,
  error: (_profile, _kind, error) => error,
} as const satisfies ListStages;
