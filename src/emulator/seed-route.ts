/**
 * The seeding route of DESIGN.md, for each list operation served: `PUT /_contract/{route}/{id}` with
 * `{[seedMember]: [...]}` makes the parent hold exactly those items (for ListExecutors,
 * `PUT /_contract/sessions/{SessionId}` with `{"executors": [...]}`), `DELETE` forgets it.
 */
import { seedPath, type OperationProfile } from '../profiles/index.js';
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import type { Parents } from './parents.js';
import { checkSeed, seedShape } from './seeding.js';
import { errorResponse, jsonResponse } from './wire.js';

/** The path prefix of a profile's seeding route (`/_contract/sessions/`); the rest of the path is the URL-encoded parent. */
export function seedPrefix(profile: OperationProfile): string {
  return seedPath(profile, '');
}

/** Answers a request to a profile's seeding route (`path` is the request's path without its query). */
export function answerSeeding(profile: OperationProfile, parents: Parents, req: WireRequest, path: string): WireResponse {
  const prefix = seedPrefix(profile);
  const { member, noun } = profile.parent;
  let parent: string;
  try {
    parent = decodeURIComponent(path.slice(prefix.length));
  } catch {
    // Stryker disable next-line StringLiteral,MethodExpression: message wording: the seeding route's Message and how much of the path it quotes are its wording only
    return errorResponse(400, 'InvalidRequestException', `${req.method} ${path.slice(0, 128)}: the ${member} is not valid URL encoding; encode it with encodeURIComponent`);
  }
  if (parent.length === 0) return errorResponse(400, 'InvalidRequestException', `${req.method} ${prefix}: the ${member} is missing; use ${prefix}{${member}}`);
  if (req.method === 'DELETE') {
    parents.drop(parent);
    return jsonResponse(204, undefined);
  }
  if (req.method !== 'PUT') return errorResponse(405, 'MethodNotAllowedException', `${req.method} ${prefix}{${member}}: use PUT to seed a ${noun} or DELETE to drop it`);
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return errorResponse(400, 'SerializationException', `seed body: not valid JSON; send ${seedShape(profile)}`);
  }
  const check = checkSeed(body, profile);
  if (!check.ok) return errorResponse(400, 'InvalidRequestException', check.message);
  parents.seed(parent, check.items);
  return jsonResponse(204, undefined);
}
