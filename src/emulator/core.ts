/**
 * The emulator's one request handler: a WireRequest in, a WireResponse out, pure of transport. The
 * HTTP server, the SDK request handler and the nock interceptor are thin bindings over it.
 */
import { STATUS_CODES } from 'node:http';
import type { ExecutorsSummary } from '../generated/athena.js';
import { DEFAULT_TOKEN_KEY, listExecutors, serializationException } from '../model/index.js';
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import { sdkHandler, type AthenaRequestHandler } from '../wire/sdk-handler.js';
import { FAULT_NAMES, isFaultName, type FaultName } from './faults.js';
import { LIST_FAULTS, listExecutorsWithFaults } from './faulty-list-executors.js';
import { getSession, getSessionStatus, startSession, terminateSession, type OperationContext, type OperationResult } from './lifecycle.js';
import { assertSeed, checkSeed } from './seeding.js';
import { Sessions } from './sessions.js';
import { MAX_BODY_BYTES, errorResponse, jsonResponse, modelErrorResponse } from './wire.js';

/** How an emulator starts: the sessions it holds, the faults it has, the key that signs its tokens. */
export interface EmulatorOptions {
  /** Sessions to seed at start, keyed by SessionId (validated like the seeding route's bodies). */
  sessions?: Record<string, ExecutorsSummary[]>;
  /** Deliberate deviations, for proving that the property catalogue catches them (none by default). */
  faults?: FaultName[];
  /** The HMAC key of NextTokens (default: the model's fixed DEFAULT_TOKEN_KEY, valid across instances). */
  tokenKey?: string;
}

/** The emulator without a transport: answer requests, seed and drop sessions. */
export interface EmulatorCore {
  /** Answers one request; never throws (an emulator bug becomes a 500 InternalServerException). */
  handle(req: WireRequest): WireResponse;
  /** A socket-free handler for `new AthenaClient({ requestHandler })`: the fastest binding. */
  requestHandler(): AthenaRequestHandler;
  /** The session now holds exactly `executors` (created if new); throws on an invalid seed. */
  seed(sessionId: string, executors: readonly ExecutorsSummary[]): void;
  /** Forgets a session (idempotent). */
  drop(sessionId: string): void;
  /** The state of every session started through StartSession, so tests can assert none is left running. */
  sessionStates(): Record<string, string>;
  readonly faults: readonly FaultName[];
}

/** The X-Amz-Target prefix of every Athena operation. */
const TARGET_PREFIX = 'AmazonAthena.';
const SEED_PREFIX = '/_contract/sessions/';

type Operation = (ctx: OperationContext, input: unknown, tokenKey: string) => OperationResult;

/** The operations the emulator answers, by X-Amz-Target. */
const OPERATIONS: Readonly<Record<string, Operation>> = {
  ListExecutors: (ctx, input, tokenKey) =>
    hasAny(ctx.faults, LIST_FAULTS)
      ? listExecutorsWithFaults(ctx.sessions, input, ctx.faults, tokenKey)
      : listExecutors(ctx.sessions.store, input, { tokenKey }),
  StartSession: startSession,
  GetSessionStatus: getSessionStatus,
  GetSession: getSession,
  TerminateSession: terminateSession,
};

function hasAny(faults: ReadonlySet<FaultName>, of: ReadonlySet<FaultName>): boolean {
  for (const f of faults) if (of.has(f)) return true;
  return false;
}

/** Creates an emulator core; throws a one-line message on an unknown fault or an invalid seed. */
export function createEmulator(options: EmulatorOptions = {}): EmulatorCore {
  for (const f of options.faults ?? []) {
    if (!isFaultName(f)) throw new Error(`createEmulator: unknown fault ${JSON.stringify(f)}; use one of ${FAULT_NAMES.join(', ')}`);
  }
  const faults = new Set(options.faults ?? []);
  const tokenKey = options.tokenKey ?? DEFAULT_TOKEN_KEY;
  const sessions = new Sessions();
  const ctx: OperationContext = { sessions, faults, terminateCalls: { n: 0 } };
  const plainTextErrors = faults.has('plain-text-errors');
  const noRequestId = faults.has('no-request-id');

  const seed = (sessionId: string, executors: readonly ExecutorsSummary[]): void => sessions.seed(sessionId, assertSeed(sessionId, executors));
  for (const [id, executors] of Object.entries(options.sessions ?? {})) seed(id, executors);

  function operation(req: WireRequest): WireResponse {
    const target = req.headers['x-amz-target'] ?? '';
    const op = target.startsWith(TARGET_PREFIX) && Object.hasOwn(OPERATIONS, target.slice(TARGET_PREFIX.length))
      ? OPERATIONS[target.slice(TARGET_PREFIX.length)]
      : undefined;
    if (!op) {
      return errorResponse(400, 'UnknownOperationException', `X-Amz-Target ${JSON.stringify(target.slice(0, 128))} is not an operation of this emulator; use AmazonAthena.${Object.keys(OPERATIONS).join(' | AmazonAthena.')}`);
    }
    let input: unknown = {};
    if (req.body.trim() !== '') {
      try {
        input = JSON.parse(req.body);
      } catch {
        return modelErrorResponse(serializationException('Request body: not valid JSON; send a JSON object such as {"SessionId": "..."}'));
      }
    }
    const result = op(ctx, input, tokenKey);
    return result.ok ? jsonResponse(200, result.output) : modelErrorResponse(result.error);
  }

  function seeding(req: WireRequest, path: string): WireResponse {
    let sessionId: string;
    try {
      sessionId = decodeURIComponent(path.slice(SEED_PREFIX.length));
    } catch {
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

  function route(req: WireRequest): WireResponse {
    if (req.body.length * 3 > MAX_BODY_BYTES && Buffer.byteLength(req.body) > MAX_BODY_BYTES) {
      return errorResponse(413, 'RequestEntityTooLargeException', `Request body: over ${MAX_BODY_BYTES} bytes; a ListExecutors request is a few kilobytes at most`);
    }
    const q = req.path.indexOf('?');
    const path = q < 0 ? req.path : req.path.slice(0, q);
    if (path.startsWith(SEED_PREFIX)) return seeding(req, path);
    if (path === '/') {
      if (req.method === 'POST') return operation(req);
      return errorResponse(405, 'MethodNotAllowedException', `${req.method} /: AWS JSON 1.1 calls are POST / with an X-Amz-Target header`);
    }
    return errorResponse(404, 'NotFoundException', `${req.method} ${path.slice(0, 128)}: no such route; use POST / (AWS JSON 1.1) or PUT|DELETE ${SEED_PREFIX}{SessionId}`);
  }

  /** The wire-level faults, applied to every answer. */
  function finish(res: WireResponse): WireResponse {
    if (res.status < 400) return res;
    if (noRequestId) delete res.headers['x-amzn-requestid'];
    if (plainTextErrors) {
      res.headers['content-type'] = 'text/plain';
      res.body = STATUS_CODES[res.status] ?? 'Error';
    }
    return res;
  }

  const core: EmulatorCore = {
    handle(req) {
      try {
        return finish(route(req));
      } catch (e) {
        return finish(errorResponse(500, 'InternalServerException', `emulator: ${e instanceof Error ? e.message : String(e)}`));
      }
    },
    requestHandler: () => sdkHandler((request) => core.handle(request)),
    seed,
    drop: (sessionId) => sessions.drop(sessionId),
    sessionStates: () => sessions.states(),
    faults: [...faults],
  };
  return core;
}
