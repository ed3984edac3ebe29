/**
 * The reference semantics of ListExecutors: a pure function from a session store and a request body
 * to a page or a modelled error, run as a fixed sequence of named stages (see stages.ts). Every
 * target's answers are checked against it.
 */
import type { ExecutorsSummary } from '../generated/athena.js';
import { invalidRequestException } from './errors.js';
import { LIST_STAGES, type ListResult, type ListStages } from './stages.js';
import { signToken, verifyToken } from './token.js';
import { DEFAULT_TOKEN_KEY, type ModelError, type ModelOptions, type ModelResult, type SessionStore } from './types.js';

/** The message of a NextToken the model did not issue for this session and filter. */
export const BAD_TOKEN_MESSAGE =
  'Invalid NextToken: pass back the NextToken of the previous page unchanged, with the same SessionId and ExecutorStateFilter';

const failed = (error: ModelError): { ok: false; error: ModelError } => ({ ok: false, error });

/**
 * One ListExecutors call through `stages`: validate, resolve the session, order, filter, find where
 * the token's page starts, cut the page, make the next token, shape the output; every error goes
 * through `stages.error`. The tokens are signed and verified here, with `options.tokenKey`, over
 * whatever the stages bind and encode. Pure when the stages are; `context` is handed to every stage.
 */
export function listExecutorsWith<C, E>(stages: ListStages<C, E>, store: SessionStore, input: unknown, options: ModelOptions, context: C): ListResult<E> {
  const valid = stages.validate(input, context);
  // Stryker disable next-line StringLiteral: same answer: the model's error stage ignores the kind; only the emulator's fault overrides read it
  if (!valid.ok) return failed(stages.error('request', valid.error, context));
  const { request } = valid;
  const found = stages.session(store, request, context);
  // Stryker disable next-line StringLiteral: same answer: the model's error stage ignores the kind; only the emulator's fault overrides read it
  if ('ok' in found) return found.ok ? found : failed(stages.error('session', found.error, context));

  const view = stages.filter(stages.order(found, context), request.ExecutorStateFilter, context);
  const key = options.tokenKey ?? DEFAULT_TOKEN_KEY;
  const binding = stages.binding(request, context);
  let from = 0;
  // Stryker disable next-line ConditionalExpression,StringLiteral: empty token: an empty NextToken may read as the start or be rejected, and the harness never sends one
  if (request.NextToken !== undefined && request.NextToken !== '') {
    const payload = verifyToken(key, binding, request.NextToken);
    // Stryker disable next-line ConditionalExpression: same answer: the model's position stage finds no position in what is not a payload it wrote (-1), so an unverified token fails either way
    from = stages.start(payload === undefined ? -1 : stages.position(view, payload, context), context);
    // Stryker disable next-line StringLiteral: same answer: the model's error stage ignores the kind; only the emulator's fault overrides read it
    if (from < 0) return failed(stages.error('token', invalidRequestException(BAD_TOKEN_MESSAGE), context));
  }
  const size = stages.pageSize(request, view, options, context);
  const page = view.slice(from, from + size);
  const next = stages.token(view, page, from, size, context);
  const executors = page.map((e) => stages.summary(e.executor, context));
  return { ok: true, output: stages.output(request.SessionId, executors, next === undefined ? undefined : signToken(key, binding, next), context) };
}

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
  return listExecutorsWith<undefined, ExecutorsSummary>(LIST_STAGES, store, input, options, undefined);
}
