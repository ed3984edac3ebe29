/**
 * The reference semantics of ListExecutors: a pure function from a session store and a request body
 * to a page or a modelled error. Every target's answers are checked against it.
 */
import type { ExecutorState, ListExecutorsResponse } from '../generated/athena.js';
import { invalidRequestException, resourceNotFoundException } from './errors.js';
import { indexAfter, orderedView } from './order.js';
import { decodePosition, encodePosition, pageBinding, signToken, verifyToken } from './token.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_TOKEN_KEY, type ModelOptions, type ModelResult, type SessionStore } from './types.js';
import { validateRequest } from './validate-request.js';

/** The message of a NextToken the model did not issue for this session and filter. */
export const BAD_TOKEN_MESSAGE =
  'Invalid NextToken: pass back the NextToken of the previous page unchanged, with the same SessionId and ExecutorStateFilter';

/**
 * Lists one page of a session's executors.
 *
 * Order of checks: body not an object or a member of the wrong JSON type → 400 SerializationException;
 * broken constraints (all reported in one message) → 400 InvalidRequestException INVALID_INPUT;
 * unknown session → 400 ResourceNotFoundException (real Athena's choice between this and
 * InvalidRequestException is undocumented); a token not issued for this session and filter → 400
 * InvalidRequestException.
 *
 * Paging: newest StartDateTime first (see orderExecutors); the filter applies before paging; a page
 * holds at most MaxResults executors (DEFAULT_PAGE_SIZE when absent); NextToken is present only when
 * more executors follow. An empty NextToken ("") reads as the start of the walk (the API model allows
 * length 0, and SDK paginators send no token rather than an empty one). The token is a keyset
 * position, so executors added during a walk that sort before it (newer, or as new as the last seen)
 * are not listed again, and no executor that was there all along is lost.
 */
export function listExecutors(store: SessionStore, input: unknown, options: ModelOptions = {}): ModelResult {
  const valid = validateRequest(input);
  if (!valid.ok) return valid;
  const { SessionId, ExecutorStateFilter, MaxResults, NextToken } = valid.request;
  const executors = store.get(SessionId);
  if (!executors) return { ok: false, error: resourceNotFoundException(SessionId) };

  const key = options.tokenKey ?? DEFAULT_TOKEN_KEY;
  const binding = pageBinding(SessionId, ExecutorStateFilter);
  const view = orderedView(executors, ExecutorStateFilter as ExecutorState | undefined);
  let from = 0;
  if (NextToken !== undefined && NextToken !== '') {
    const payload = verifyToken(key, binding, NextToken);
    const position = payload === undefined ? undefined : decodePosition(payload);
    if (!position) return { ok: false, error: invalidRequestException(BAD_TOKEN_MESSAGE) };
    from = indexAfter(view, position);
  }
  const size = MaxResults ?? options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const page = view.slice(from, from + size);
  const output: ListExecutorsResponse = { SessionId, ExecutorsSummary: page.map((e) => e.executor) };
  if (from + size < view.length) output.NextToken = signToken(key, binding, encodePosition(page[page.length - 1]));
  return { ok: true, output };
}
