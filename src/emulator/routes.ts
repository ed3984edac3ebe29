/**
 * The emulator's routes: the body-size rule first, then the seeding route of each list operation
 * served and `POST /` for AWS JSON 1.1 operations; anything else is a 404 or 405 that says what to
 * send instead.
 */
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import type { OperationContext } from './lifecycle.js';
import { answerOperation } from './operations.js';
import { answerSeeding, seedPrefix, seedRoutes } from './seed-route.js';
import { bodyTooLarge, errorResponse } from './wire.js';

/** How the 404's Message joins the seeding routes of the list operations served. */
// Stryker disable next-line StringLiteral: message wording: the separator joins the routes in a 404's Message, whose words are no part of the contract
const OR = ' | ';

/** Answers one request by its path and method. */
export function route(ctx: OperationContext, req: WireRequest): WireResponse {
  const tooLarge = bodyTooLarge(req.body);
  if (tooLarge) return tooLarge;
  const q = req.path.indexOf('?');
  // Stryker disable next-line EqualityOperator: same answer: an HTTP request's path starts with "/", so its query never starts at index 0
  const path = q < 0 ? req.path : req.path.slice(0, q);
  for (const profile of seedRoutes(ctx.lists)) if (path.startsWith(seedPrefix(profile))) return answerSeeding(profile, ctx.lists, req, path);
  if (path === '/') {
    if (req.method === 'POST') return answerOperation(ctx, req);
    // Stryker disable next-line StringLiteral: message wording: the 405's Message says how to call; its words are no part of the contract
    return errorResponse(405, 'MethodNotAllowedException', `${req.method} /: AWS JSON 1.1 calls are POST / with an X-Amz-Target header`);
  }
  const seeding = seedRoutes(ctx.lists).map((p) => `${seedPrefix(p)}{${p.parent.member}}`).join(OR);
  return errorResponse(404, 'NotFoundException', `${req.method} ${path.slice(0, 128)}: no such route; use POST / (AWS JSON 1.1) or PUT|DELETE ${seeding}`);
}
