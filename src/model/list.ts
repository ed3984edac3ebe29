/**
 * The reference semantics of a paginated, newest-first, state-filtered list (ListExecutors and its
 * family): a pure function from a profile, a parent store and a request body to a page or a modelled
 * error, run as a fixed sequence of named stages (see stages.ts). Every target's answers are checked
 * against it.
 */
import type { OperationProfile } from '../profiles/index.js';
import { invalidRequestException } from './errors.js';
import { LIST_STAGES, type ListResult, type ListStages } from './stages.js';
import { signToken, verifyToken } from './token.js';
import { DEFAULT_TOKEN_KEY, type ModelError, type ModelOptions, type ParentStore } from './types.js';

/**
 * The message of a token the model did not issue for this parent and filter, naming the profile's
 * members: `Invalid NextToken: pass back the NextToken of the previous page unchanged, with the same
 * SessionId and` the filter member, for ListExecutors.
 */
export function badTokenMessage(profile: OperationProfile): string {
  const { token } = profile;
  return `Invalid ${token}: pass back the ${token} of the previous page unchanged, with the same ${profile.parent.member} and ${profile.filter.member}`;
}

const failed = (error: ModelError): { ok: false; error: ModelError } => ({ ok: false, error });

/**
 * One list call through `stages`: validate, resolve the parent, order, filter, find where the
 * token's page starts, cut the page, make the next token, shape the output; every error goes
 * through `stages.error`. The tokens are signed and verified here, with `options.tokenKey`, over
 * whatever the stages bind and encode. Pure when the stages are; `profile` and `context` are handed
 * to every stage.
 */
export function listWith<C, E>(profile: OperationProfile, stages: ListStages<C, E>, store: ParentStore, input: unknown, options: ModelOptions, context: C): ListResult {
  const valid = stages.validate(profile, input, context);
  // Stryker disable next-line StringLiteral: same answer: the model's error stage ignores the kind; only the emulator's fault overrides read it
  if (!valid.ok) return failed(stages.error(profile, 'request', valid.error, context));
  const { request } = valid;
  const found = stages.parent(profile, store, request, context);
  // Stryker disable next-line StringLiteral: same answer: the model's error stage ignores the kind; only the emulator's fault overrides read it
  if ('ok' in found) return found.ok ? found : failed(stages.error(profile, 'parent', found.error, context));

  const view = stages.filter(profile, stages.order(profile, found, context), request.state, context);
  const key = options.tokenKey ?? DEFAULT_TOKEN_KEY;
  const binding = stages.binding(profile, request, context);
  let from = 0;
  // Stryker disable next-line ConditionalExpression,StringLiteral: empty token: an empty NextToken may read as the start or be rejected, and the harness never sends one
  if (request.token !== undefined && request.token !== '') {
    const payload = verifyToken(key, binding, request.token);
    // Stryker disable next-line ConditionalExpression: same answer: the model's position stage finds no position in what is not a payload it wrote (-1), so an unverified token fails either way
    from = stages.start(profile, payload === undefined ? -1 : stages.position(profile, view, payload, context), context);
    // Stryker disable next-line StringLiteral: same answer: the model's error stage ignores the kind; only the emulator's fault overrides read it
    if (from < 0) return failed(stages.error(profile, 'token', invalidRequestException(badTokenMessage(profile)), context));
  }
  const size = stages.pageSize(profile, request, view, options, context);
  const page = view.slice(from, from + size);
  const next = stages.token(profile, view, page, from, size, context);
  const items = page.map((e) => stages.summary(profile, e.item, context));
  return { ok: true, output: stages.output(profile, request.parent, items, next === undefined ? undefined : signToken(key, binding, next), context) };
}

/**
 * Lists one page of a parent's items, as the profile's operation does.
 *
 * Order of checks: body not an object or a member of the wrong JSON type → 400 SerializationException;
 * broken constraints (all reported in one message) → 400 InvalidRequestException INVALID_INPUT;
 * unknown parent → 400 ResourceNotFoundException (real Athena's choice between this and
 * InvalidRequestException is undocumented); a token not issued for this parent and filter → 400
 * InvalidRequestException.
 *
 * Paging: newest ordering key first (see orderedView); the filter applies before paging; a page
 * holds at most the requested page size (DEFAULT_PAGE_SIZE when absent); the token is present only
 * when more items follow. An empty token ("") reads as the start of the walk (the API model allows
 * length 0, and SDK paginators send no token rather than an empty one). The token is a keyset
 * position, so items added during a walk that sort before it (newer, or as new as the last seen) are
 * not listed again, and no item that was there all along is lost.
 */
export function listItems(profile: OperationProfile, store: ParentStore, input: unknown, options: ModelOptions = {}): ListResult {
  return listWith(profile, LIST_STAGES, store, input, options, undefined);
}
