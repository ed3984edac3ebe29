/**
 * The seeding route of DESIGN.md: `PUT /_contract/sessions/{SessionId}` with `{"executors": [...]}`
 * makes the session hold exactly those executors, `DELETE` forgets it.
 */
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import { checkSeed } from './seeding.js';
import type { Sessions } from './sessions.js';
import { errorResponse, jsonResponse } from './wire.js';

/** The path prefix of the seeding route; the rest of the path is the URL-encoded SessionId. */
export const SEED_PREFIX = '/_contract/sessions/';

/** Answers a request to the seeding route (`path` is the request's path without its query). */
export function answerSeeding(sessions: Sessions, req: WireRequest, path: string): WireResponse {
  let sessionId: string;
  try {
    sessionId = decodeURIComponent(path.slice(SEED_PREFIX.length));
  } catch {
    // Stryker disable next-line StringLiteral,MethodExpression: message wording: the seeding route's Message and how much of the path it quotes are its wording only
    return errorResponse(400, 'InvalidRequestException', `${req.method} ${path.slice(0, 128)}: the SessionId is not valid URL encoding; encode it with encodeURIComponent`);
  }
  if (sessionId.length === 0) return errorResponse(400, 'InvalidRequestException', `${req.method} ${SEED_PREFIX}: the SessionId is missing; use ${SEED_PREFIX}{SessionId}`);
  if (req.method === 'DELETE') {
    sessions.drop(sessionId);
    return jsonResponse(204, undefined);
  }
  if (req.method !== 'PUT') return errorResponse(405, 'MethodNotAllowedException', `${req.method} ${SEED_PREFIX}{SessionId}: use PUT to seed a session or DELETE to drop it`);
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return errorResponse(400, 'SerializationException', 'seed body: not valid JSON; send {"executors": [ExecutorsSummary, ...]}');
  }
  const check = checkSeed(body);
  if (!check.ok) return errorResponse(400, 'InvalidRequestException', check.message);
  sessions.seed(sessionId, check.executors);
  return jsonResponse(204, undefined);
}
