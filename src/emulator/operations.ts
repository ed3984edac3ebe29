/**
 * The AWS JSON 1.1 operations the emulator answers, by X-Amz-Target: each list operation it serves
 * through the model's stages (with the faults' overrides), the session calls of lifecycle.ts and the
 * calculation calls of calculation-ops.ts.
 */
import { listWith, serializationException } from '../model/index.js';
import type { OperationProfile } from '../profiles/index.js';
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import { getCalculation, getCalculationStatus, startCalculation, stopCalculation } from './calculation-ops.js';
import { getSession, getSessionStatus, startSession, terminateSession, type OperationContext, type OperationResult } from './lifecycle.js';
import { errorResponse, jsonResponse, modelErrorResponse } from './wire.js';

/** The X-Amz-Target prefix of every Athena operation. */
const TARGET_PREFIX = 'AmazonAthena.';

type Operation = (ctx: OperationContext, input: unknown) => OperationResult;

/** The operations beside the list operations, by name (the X-Amz-Target without its prefix). */
const OPERATIONS: Readonly<Record<string, Operation>> = {
  StartSession: startSession,
  GetSessionStatus: getSessionStatus,
  GetSession: getSession,
  TerminateSession: terminateSession,
  StartCalculationExecution: startCalculation,
  GetCalculationExecutionStatus: getCalculationStatus,
  GetCalculationExecution: getCalculation,
  StopCalculationExecution: stopCalculation,
};

/** The list operation a request calls (`POST /` with its X-Amz-Target), if the emulator serves it. */
export function listOf(ctx: OperationContext, req: WireRequest): OperationProfile | undefined {
  const target = req.headers['x-amz-target'];
  if (req.method !== 'POST') return undefined;
  // No profile's X-Amz-Target is undefined: a request without one finds none.
  return [...ctx.lists.keys()].find((p) => p.amzTarget === target);
}

/** The list operation whose X-Amz-Target is `target`, over its parents' items with its own stages, if the emulator serves one. */
function listOperation(ctx: OperationContext, target: string): Operation | undefined {
  for (const [profile, parents] of ctx.lists) {
    if (profile.amzTarget === target) return (c, input) => listWith(profile, c.listStages.get(profile) ?? c.stages, parents.store, input, c.options, c);
  }
  return undefined;
}

/** The operation of `target` beside the list operations, if there is one. */
function otherOperation(target: string): Operation | undefined {
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  // Stryker disable next-line ConditionalExpression: same answer: Object.hasOwn is false for an undefined name, so the guard only spares the lookup
  return name !== undefined && Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
}

const NOT_JSON = Symbol('not JSON');

/** The body of an operation call: `{}` when empty, NOT_JSON when it does not parse. */
function parseInput(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  }
  // Stryker disable next-line BlockStatement: same answer: a body that is not JSON then reaches the operation as no object, which every operation refuses with a SerializationException too
  catch {
    return NOT_JSON;
  }
}

/** Answers `POST /`: the operation its X-Amz-Target names, over its parsed body. */
export function answerOperation(ctx: OperationContext, req: WireRequest): WireResponse {
  const target = req.headers['x-amz-target'] ?? '';
  const op = listOperation(ctx, target) ?? otherOperation(target);
  if (!op) {
    const known = [...[...ctx.lists.keys()].map((p) => p.amzTarget), ...Object.keys(OPERATIONS).map((name) => `${TARGET_PREFIX}${name}`)];
    // Stryker disable next-line MethodExpression: message wording: how much of the unknown target the Message quotes is its wording only
    return errorResponse(400, 'UnknownOperationException', `X-Amz-Target ${JSON.stringify(target.slice(0, 128))} is not an operation of this emulator; use ${known.join(' | ')}`);
  }
  const input = parseInput(req.body);
  // Stryker disable next-line ConditionalExpression,StringLiteral: same answer: without this check the operation refuses the unparsed body as no object, with a SerializationException too (whose Message the contract does not require)
  if (input === NOT_JSON) return modelErrorResponse(serializationException('Request body: not valid JSON; send a JSON object such as {"SessionId": "..."}'));
  const result = op(ctx, input);
  return result.ok ? jsonResponse(200, result.output) : modelErrorResponse(result.error);
}
