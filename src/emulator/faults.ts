/**
 * Deliberate deviations the emulator can be started with, so that the property catalogue can prove it
 * catches each one. The registry as data: one entry per fault, its name, a one-line summary, the
 * property meant to catch it, and the stages it overrides (see stages.ts). A faulty emulator is the
 * model with exactly those overrides; adding a fault is adding an entry here.
 */
import { STATUS_CODES } from 'node:http';
import type { ListExecutorsRequest } from '../generated/athena.js';
import { REQUEST_CONSTRAINTS } from '../generated/constraints.js';
import {
  checkedRequest,
  constraintViolations,
  decodePosition,
  internalServerException,
  readRequestFields,
  type RequestResult,
} from '../model/index.js';
import type { WireResponse } from '../wire/exchange.js';
import { composeStages, type AnsweredExecutor, type EmulatorStages, type StageOverrides } from './stages.js';

/** One fault: what it changes, in one line, and which property must catch it (null: a live-mode cleanup fault). */
export interface FaultInfo {
  summary: string;
  /** A property id of the catalogue (a test checks that it is one; the emulator sits below the contract). */
  catches: string | null;
}

/** A registry entry: the fault's name, what FaultInfo says of it, and the stages it overrides. */
export interface Fault extends FaultInfo {
  name: string;
  override: StageOverrides;
}

const ENDED: readonly string[] = ['TERMINATED', 'FAILED'];
/** The payload of the token-loops fault's last token: back to the first page. */
const FIRST_PAGE = 'first';
const OFFSET_PAYLOAD = /^o1:(\d+)$/;
const TIMESTAMPS = ['StartDateTime', 'TerminationDateTime'] as const;
const { minimum: MIN_RESULTS, maximum: MAX_RESULTS } = REQUEST_CONSTRAINTS.MaxResults;

/**
 * Finding a token's position in a view that is not in the model's order: by exact match, since a
 * binary search needs the model's order. Payloads that name no position are left to `base`.
 */
const positionByMatch = (base: EmulatorStages['position']): EmulatorStages['position'] => (view, payload, ctx) => {
  const position = decodePosition(payload);
  if (!position) return base(view, payload, ctx);
  const at = view.findIndex((e) => e.digest === position.digest && e.start === position.start);
  return at < 0 ? -1 : at + 1;
};

/** Where a page starts, moved by `shift` wherever `base` found a usable start (-1 stays unusable). */
const shiftStart = (shift: (at: number) => number) => (base: EmulatorStages['start']): EmulatorStages['start'] => (after, ctx) => {
  const at = base(after, ctx);
  return at < 0 ? at : shift(at);
};

/** The answer of an error response with `change` applied (successes pass untouched). */
const onErrors = (change: (res: WireResponse) => void) => (base: EmulatorStages['wire']): EmulatorStages['wire'] => (res) => {
  const out = base(res);
  if (out.status >= 400) change(out);
  return out;
};

/** An executor as `base` answers it, then changed by `change` on a copy. */
const reshaped = (change: (out: AnsweredExecutor) => void) => (base: EmulatorStages['summary']): EmulatorStages['summary'] => (executor, ctx) => {
  const out = { ...base(executor, ctx) };
  change(out);
  return out;
};

/** The validation of accepts-out-of-range: MaxResults clamped into range and an over-long SessionId let through. */
function acceptOutOfRange(input: unknown): RequestResult {
  const read = readRequestFields(input);
  if (!read.ok) return read;
  const { fields } = read;
  const violations = constraintViolations(fields).filter((v) => v.member !== 'MaxResults' && !(v.member === 'SessionId' && fields.SessionId));
  const max = fields.MaxResults;
  return checkedRequest(max === undefined ? fields : { ...fields, MaxResults: Math.min(MAX_RESULTS, Math.max(MIN_RESULTS, max)) }, violations);
}

const registry = [
  {
    name: 'wrong-session-echo',
    summary: "the response's SessionId is the request's with a suffix",
    catches: 'response.conforms',
    override: { output: (base) => (sessionId, executors, next, ctx) => base(`${sessionId}-echo`, executors, next, ctx) },
  },
  {
    name: 'string-timestamps',
    summary: 'StartDateTime and TerminationDateTime are serialized as JSON strings',
    catches: 'response.conforms',
    override: {
      summary: reshaped((out) => {
        for (const member of TIMESTAMPS) if (out[member] !== undefined) out[member] = String(out[member]);
      }),
    },
  },
  {
    name: 'page-boundary-duplicate',
    summary: "each page after the first starts with the previous page's last executor",
    catches: 'pagination.exactly-once',
    override: { start: shiftStart((at) => (at > 0 ? at - 1 : at)) },
  },
  {
    name: 'page-boundary-skip',
    summary: 'one executor is skipped at each page boundary',
    catches: 'pagination.exactly-once',
    override: { start: shiftStart((at) => at + 1) },
  },
  {
    name: 'token-loops',
    summary: 'the last page returns a token pointing back to the first page, so the walk never ends',
    catches: 'pagination.exactly-once',
    override: {
      token: (base) => (view, page, from, size, ctx) => base(view, page, from, size, ctx) ?? (view.length > 0 ? FIRST_PAGE : undefined),
      position: (base) => (view, payload, ctx) => (payload === FIRST_PAGE ? 0 : base(view, payload, ctx)),
    },
  },
  {
    name: 'max-results-ignored',
    summary: 'MaxResults is ignored: every executor in one page (as gopherstack does)',
    catches: 'pagination.page-size',
    override: { pageSize: () => (_request, view) => view.length },
  },
  {
    name: 'off-by-one-page',
    summary: 'pages hold MaxResults + 1 executors',
    catches: 'pagination.page-size',
    override: { pageSize: (base) => (request, view, options, ctx) => base(request, view, options, ctx) + 1 },
  },
  {
    name: 'oldest-first',
    summary: 'executors are listed by ascending StartDateTime',
    catches: 'ordering.newest-first',
    override: { order: (base) => (executors, ctx) => [...base(executors, ctx)].reverse(), position: positionByMatch },
  },
  {
    name: 'insertion-order',
    summary: 'executors are listed in the order they were seeded, not sorted',
    catches: 'ordering.newest-first',
    override: {
      order: (base) => (executors, ctx) => {
        const byExecutor = new Map(base(executors, ctx).map((e) => [e.executor, e]));
        return executors.map((e) => byExecutor.get(e)!);
      },
      position: positionByMatch,
    },
  },
  {
    name: 'filter-ignored',
    summary: 'ExecutorStateFilter is ignored',
    catches: 'filter.honoured',
    override: { filter: () => (view) => view },
  },
  {
    name: 'filter-merges-ended-states',
    summary: 'filtering by TERMINATED or FAILED returns executors in either state',
    catches: 'filter.honoured',
    override: {
      filter: (base) => (view, filter, ctx) =>
        filter !== undefined && ENDED.includes(filter) ? view.filter((e) => ENDED.includes(String(e.executor.ExecutorState))) : base(view, filter, ctx),
    },
  },
  {
    name: 'timestamps-in-seconds',
    summary: 'StartDateTime and TerminationDateTime are divided by 1000 (seconds, not milliseconds)',
    catches: 'data.faithful',
    override: {
      summary: (base) => (executor, ctx) => {
        const seconds = { ...executor };
        for (const member of TIMESTAMPS) if (seconds[member] !== undefined) seconds[member] = Math.floor(seconds[member] / 1000);
        return base(seconds, ctx);
      },
    },
  },
  {
    name: 'drops-optional-members',
    summary: 'ExecutorSize and TerminationDateTime are omitted',
    catches: 'data.faithful',
    override: {
      summary: reshaped((out) => {
        delete out.ExecutorSize;
        delete out.TerminationDateTime;
      }),
    },
  },
  {
    name: 'accepts-out-of-range',
    summary: 'out-of-range MaxResults is clamped and answered 200, and an over-long SessionId accepted',
    catches: 'errors.invalid-request',
    override: { validate: () => acceptOutOfRange },
  },
  {
    name: 'validation-as-500',
    summary: 'constraint violations are answered 500 InternalServerException',
    catches: 'errors.invalid-request',
    override: {
      error: (base) => (kind, error, ctx) => {
        const e = base(kind, error, ctx);
        return kind === 'request' && e.type === 'InvalidRequestException' ? internalServerException(String(e.body.Message)) : e;
      },
    },
  },
  {
    name: 'plain-text-errors',
    summary: 'every error body is text/plain ("Bad Request"), not JSON',
    catches: 'errors.invalid-request',
    override: {
      wire: onErrors((res) => {
        res.headers['content-type'] = 'text/plain';
        res.body = STATUS_CODES[res.status] ?? 'Error';
      }),
    },
  },
  {
    name: 'unknown-session-empty',
    summary: 'an unknown session gets 200 with an empty list (as fakecloud does for known ones)',
    catches: 'errors.unknown-session',
    override: {
      session: (base) => (store, request, ctx) => {
        const found = base(store, request, ctx);
        return 'ok' in found && !found.ok ? { ok: true, output: { SessionId: request.SessionId, ExecutorsSummary: [] } } : found;
      },
    },
  },
  {
    name: 'unknown-session-404',
    summary: 'an unknown session gets 404 instead of 400',
    catches: 'errors.unknown-session',
    override: { error: (base) => (kind, error, ctx) => (kind === 'session' ? { ...base(kind, error, ctx), status: 404 } : base(kind, error, ctx)) },
  },
  {
    name: 'bad-token-500',
    summary: 'an unknown or tampered token gets 500 InternalServerException',
    catches: 'errors.invalid-token',
    override: {
      error: (base) => (kind, error, ctx) => (kind === 'token' ? internalServerException('Unexpected error reading NextToken') : base(kind, error, ctx)),
    },
  },
  {
    name: 'bad-token-restarts',
    summary: 'an unknown or tampered token is read as "from the start" (200)',
    catches: 'errors.invalid-token',
    override: { start: (base) => (after, ctx) => (after < 0 ? 0 : base(after, ctx)) },
  },
  {
    name: 'tokens-not-session-bound',
    summary: "tokens are not bound to their session: another session's token is accepted and gets data",
    catches: 'errors.invalid-token',
    override: { binding: (base) => (request, ctx) => base({ ...request, SessionId: '' } satisfies ListExecutorsRequest, ctx) },
  },
  {
    name: 'offset-tokens',
    summary: 'tokens are page offsets, so executors inserted at the front during a walk cause duplicates',
    catches: 'pagination.stable-under-inserts',
    override: {
      token: (base) => (view, page, from, size, ctx) => (from + size < view.length ? `o1:${from + size}` : base(view, page, from, size, ctx)),
      position: (base) => (view, payload, ctx) => {
        const offset = OFFSET_PAYLOAD.exec(payload);
        return offset ? Number(offset[1]) : base(view, payload, ctx);
      },
    },
  },
  {
    name: 'token-invalidated-by-insert',
    summary: 'any change to a session invalidates its outstanding tokens (400)',
    catches: 'pagination.stable-under-inserts',
    override: { binding: (base) => (request, ctx) => `${base(request, ctx)}#${ctx.generation(request.SessionId)}` },
  },
  {
    name: 'no-request-id',
    summary: 'error responses carry no x-amzn-RequestId header',
    catches: 'errors.unknown-session',
    override: { wire: onErrors((res) => delete res.headers['x-amzn-requestid']) },
  },
  {
    name: 'start-session-fails',
    summary: 'StartSession answers 500 InternalServerException',
    catches: null,
    override: { startSession: () => () => internalServerException('StartSession failed (fault start-session-fails)') },
  },
  {
    name: 'session-never-idle',
    summary: 'a started session stays CREATING forever',
    catches: null,
    override: { poll: () => () => undefined },
  },
  {
    name: 'session-fails',
    summary: 'a started session becomes FAILED instead of IDLE',
    catches: null,
    override: {
      poll: (base) => (polls, ctx) => {
        const settled = base(polls, ctx);
        return settled?.state === 'IDLE' ? { state: 'FAILED', reason: 'The session failed to start (fault session-fails)' } : settled;
      },
    },
  },
  {
    name: 'terminate-fails-once',
    summary: 'the first TerminateSession answers 500, later ones succeed',
    catches: null,
    override: {
      terminate: (base) => (ctx) =>
        ctx.terminateCalls === 1 ? internalServerException('TerminateSession failed (fault terminate-fails-once): retry') : base(ctx),
    },
  },
  {
    name: 'calculation-fails-to-start',
    summary: 'StartCalculationExecution answers 500 InternalServerException',
    catches: null,
    override: { startCalculation: () => () => internalServerException('StartCalculationExecution failed (fault calculation-fails-to-start)') },
  },
  {
    name: 'calculation-never-completes',
    summary: 'a calculation runs until it is stopped or its session ends',
    catches: null,
    override: { completion: () => () => undefined },
  },
  {
    name: 'executors-never-start',
    summary: 'a calculation runs without ever starting an executor',
    catches: null,
    override: { workers: () => () => 0 },
  },
  {
    name: 'stop-calculation-fails-once',
    summary: 'the first StopCalculationExecution answers 500, later ones succeed',
    catches: null,
    override: {
      stopCalculation: (base) => (ctx) =>
        ctx.stopCalls === 1 ? internalServerException('StopCalculationExecution failed (fault stop-calculation-fails-once): retry') : base(ctx),
    },
  },
] as const satisfies readonly Fault[];

/** Every fault entry, in registry order, with its name and `catches` as literal types (a test checks them against the catalogue). */
export const FAULT_REGISTRY = registry;

/** The name of a fault, derived from the registry. */
export type FaultName = (typeof registry)[number]['name'];

function infoByName(): Record<FaultName, FaultInfo> {
  const out = {} as Record<FaultName, FaultInfo>;
  for (const { name, summary, catches } of registry) out[name] = { summary, catches };
  return out;
}

/** Every fault the emulator implements, keyed by the name `--fault` and the `faults` option take. */
export const FAULTS: Readonly<Record<FaultName, FaultInfo>> = infoByName();

/** Every fault name, in registry order. */
export const FAULT_NAMES: FaultName[] = registry.map((f) => f.name);

/** Whether `name` is a fault of the registry. */
export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/**
 * The stages of an emulator with `faults`: the overrides of each, applied in registry order whatever
 * order they were given in, so that two faults on one stage always compose the same way.
 */
export function stagesWith(faults: ReadonlySet<FaultName>): EmulatorStages {
  return composeStages(registry.filter((f) => faults.has(f.name)).map((f) => f.override));
}
