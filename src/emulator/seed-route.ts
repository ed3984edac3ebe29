/**
 * The seeding routes of DESIGN.md and API.md, one per parents' namespace: `PUT /_contract/{route}/{id}`
 * makes the parent hold exactly the items its body gives for each list of that route (an absent member:
 * none), `DELETE` forgets it in all of them. `PUT /_contract/sessions/{SessionId}` with
 * `{"executors": [...], "calculations": [...]}` loads ListExecutors and ListCalculationExecutions,
 * `PUT /_contract/workgroups/{WorkGroup}` with `{"sessions": [...]}` ListSessions.
 */
import { seedPath, type OperationProfile } from '../profiles/index.js';
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import { listsOfRoute, type Lists } from './parents.js';
import { checkRouteSeed, routeSeedShape } from './seeding.js';
import { errorResponse, jsonResponse } from './wire.js';

/** The path prefix of a profile's seeding route (`/_contract/sessions/`); the rest of the path is the URL-encoded parent. */
export function seedPrefix(profile: OperationProfile): string {
  return seedPath(profile, '');
}

/** The seeding routes of the lists served, each once, with the first list it loads: what the 404's Message names. */
export function seedRoutes(lists: Lists): OperationProfile[] {
  const byRoute = new Map<string, OperationProfile>();
  // Stryker disable next-line ConditionalExpression: same answer: the lists of one route share its prefix, parent member and noun, all a route's answer and the 404's Message read of the profile
  for (const profile of lists.keys()) if (!byRoute.has(profile.parent.route)) byRoute.set(profile.parent.route, profile);
  return [...byRoute.values()];
}

/** Answers a request to the seeding route of `profile`'s parents (`path` is the request's path without its query). */
export function answerSeeding(profile: OperationProfile, lists: Lists, req: WireRequest, path: string): WireResponse {
  const prefix = seedPrefix(profile);
  const { member, noun } = profile.parent;
  const served = listsOfRoute(lists, profile.parent.route);
  let parent: string;
  try {
    parent = decodeURIComponent(path.slice(prefix.length));
  } catch {
    // Stryker disable next-line StringLiteral,MethodExpression: message wording: the seeding route's Message and how much of the path it quotes are its wording only
    return errorResponse(400, 'InvalidRequestException', `${req.method} ${path.slice(0, 128)}: the ${member} is not valid URL encoding; encode it with encodeURIComponent`);
  }
  if (parent.length === 0) return errorResponse(400, 'InvalidRequestException', `${req.method} ${prefix}: the ${member} is missing; use ${prefix}{${member}}`);
  if (req.method === 'DELETE') {
    for (const [, parents] of served) parents.drop(parent);
    return jsonResponse(204, undefined);
  }
  if (req.method !== 'PUT') return errorResponse(405, 'MethodNotAllowedException', `${req.method} ${prefix}{${member}}: use PUT to seed a ${noun} or DELETE to drop it`);
  const profiles = served.map(([p]) => p);
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return errorResponse(400, 'SerializationException', `seed body: not valid JSON; send ${routeSeedShape(profiles)}`);
  }
  const check = checkRouteSeed(body, profiles);
  if (!check.ok) return errorResponse(400, 'InvalidRequestException', check.message);
  // Stryker disable next-line ArrayDeclaration: same answer: checkRouteSeed gives every list of the route its items ([] for an absent member), so the fallback is never read
  for (const [p, parents] of served) parents.seed(parent, check.items.get(p) ?? []);
  return jsonResponse(204, undefined);
}
