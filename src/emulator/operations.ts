/**
 * The AWS JSON 1.1 operations the emulator answers, by X-Amz-Target: ListExecutors through the
 * model's stages (with the faults' overrides), the session calls of lifecycle.ts and the calculation
 * calls of calculation-ops.ts.
 */
import { listExecutorsWith, serializationException } from '../model/index.js';
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import { getCalculation, getCalculationStatus, startCalculation, stopCalculation } from './calculation-ops.js';
import { getSession, getSessionStatus, startSession, terminateSession, type OperationContext, type OperationResult } from './lifecycle.js';
import { errorResponse, jsonResponse, modelErrorResponse } from './wire.js';

/** The X-Amz-Target prefix of every Athena operation. */
const TARGET_PREFIX = 'AmazonAthena.';

type Operation = (ctx: OperationContext, input: unknown) => OperationResult;

/** The operations the emulator answers, by X-Amz-Target. */
const OPERATIONS: Readonly<Record<string, Operation>> = {
  ListExecutors: (ctx, input) => listExecutorsWith(ctx.stages, ctx.sessions.store, input, ctx.options, ctx),
  StartSession: startSession,
  GetSessionStatus: getSessionStatus,
  GetSession: getSession,
  TerminateSession: terminateSession,
  StartCalculationExecution: startCalculation,
  GetCalculationExecutionStatus: getCalculationStatus,
  GetCalculationExecution: getCalculation,
  StopCalculationExecution: stopCalculation,
};

const NOT_JSON = Symbol('not JSON');

/** The body of an operation call: `{}` when empty, NOT_JSON when it does not parse. */
function parseInput(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    return NOT_JSON;
  }
}

/** Answers `POST /`: the operation its X-Amz-Target names, over its parsed body. */
export function answerOperation(ctx: OperationContext, req: WireRequest): WireResponse {
  const target = req.headers['x-amz-target'] ?? '';
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  // Stryker disable next-line ConditionalExpression: same answer: Object.hasOwn is false for an undefined name, so the guard only spares the lookup
  const op = name !== undefined && Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
  if (!op) {
    return errorResponse(400, 'UnknownOperationException', `X-Amz-Target ${JSON.stringify(target.slice(0, 128))} is not an operation of this emulator; use AmazonAthena.${Object.keys(OPERATIONS).join(' | AmazonAthena.')}`);
  }
  const input = parseInput(req.body);
  if (input === NOT_JSON) return modelErrorResponse(serializationException('Request body: not valid JSON; send a JSON object such as {"SessionId": "..."}'));
  const result = op(ctx, input);
  return result.ok ? jsonResponse(200, result.output) : modelErrorResponse(result.error);
}
