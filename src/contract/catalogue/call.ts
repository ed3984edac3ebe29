/**
 * One list call of the profile's operation through the target's real AthenaClient, with the raw
 * exchange beside what the SDK made of it: the SDK validates nothing, so the laws are checked on the
 * raw body too. An operation the SDK does not know travels as another list command carrying the
 * profile's `X-Amz-Target` and body: the SDK's output is then empty, and the laws read the raw body.
 */
import * as athena from '@aws-sdk/client-athena';
import { parseJson } from '../../schema/json.js';
import type { Exchange } from '../../wire/exchange.js';
import { InconclusiveError } from '../../common/errors.js';
import { isThrottlingAnswer } from '../../targets/throttling.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import { profileOf, type CheckContext } from './context.js';
import { noteSeeding, recordCall } from '../coverage/index.js';
import { clip } from './text.js';

/** A list request body as the harness means it: a JSON object, members under the profile's names. */
export type ListRequest = object;

/** What one call produced: the exchange, the body parsed as JSON (if it was), and the SDK's view. */
export interface ListCall {
  /** The request as the harness meant it (an object, or the raw body text it forced on the wire). */
  input: ListRequest | { raw: string };
  exchange?: Exchange;
  /** HTTP status, 0 when no answer came. */
  status: number;
  /** The response body parsed as JSON; undefined when it was not JSON. */
  json?: unknown;
  /** What the SDK made of a 200: the command's output (empty for an operation sent through a carrier). */
  output?: Readonly<Record<string, unknown>> & { $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number } };
  /** What the SDK threw (a service exception, a SyntaxError for a non-JSON error body, a transport error). */
  error?: Error & { $fault?: string; $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number } };
}

/** Options of {@link listCall}. */
export interface ListCallOptions {
  /**
   * The request is one the contract says is valid: a 5xx is sent once more after a short pause. An
   * answer that is not a 5xx the second time is returned and the run counted flaky; a second 5xx is
   * returned as it came.
   */
  resendOn5xx?: boolean;
}

/** Milliseconds before a 5xx'd valid request is sent once more: a transient fault's time to pass. */
export const RESEND_PAUSE_MS = 200;

/**
 * Calls the context's operation with `input`. With `{ raw }`, the SDK serializes a placeholder and the
 * body is replaced just before signing, so even values the SDK could not express (wrong JSON types,
 * broken JSON) go through the real client. The client retries throttling answers (counted in
 * `ctx.stats.retries`); one still throttled after its budget says nothing of the contract, and is
 * an {@link InconclusiveError}.
 */
export async function listCall(ctx: CheckContext, input: ListRequest | { raw: string }, options: ListCallOptions = {}): Promise<ListCall> {
  noteSeeding(ctx.coverage, ctx.exchanges);
  let result = await sendOnce(ctx, input);
  if (options.resendOn5xx && result.status >= 500 && result.status <= 599) {
    await new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS));
    ctx.stats.retries++;
    result = await sendOnce(ctx, input);
    if (result.status < 500 || result.status > 599) ctx.stats.flaky++;
  }
  if (result.status === 200 && !result.error) ctx.stats.okCalls++;
  else ctx.stats.errorCalls++;
  recordCall(ctx.coverage, { input, status: result.status, json: result.json, headers: result.exchange?.response?.headers, sdkFailed: !!result.error });
  return result;
}

/** One SDK call (with the client's throttling retries): its final exchange and what the SDK made of it. */
async function sendOnce(ctx: CheckContext, input: ListRequest | { raw: string }): Promise<ListCall> {
  const before = ctx.exchanges.length;
  const result: ListCall = { input, status: 0 };
  try {
    const command = commandFor(profileOf(ctx), input);
    // A client may cache its handler per command class (`cacheMiddleware`): a command with middleware of its own must
    // not take, or leave, a cached one; send options (even empty) make the SDK resolve its stack afresh.
    result.output = (await (ownMiddleware.has(command) ? ctx.target.client.send(command, {}) : ctx.target.client.send(command))) as ListCall['output'];
  } catch (e) {
    result.error = e as ListCall['error'];
  }
  result.exchange = ctx.exchanges.length > before ? ctx.exchanges[ctx.exchanges.length - 1] : undefined;
  result.status = result.exchange?.response?.status ?? 0;
  result.json = parseJson(result.exchange?.response?.body);
  const attempts = (result.output ?? result.error)?.$metadata?.attempts ?? 1;
  ctx.stats.retries += attempts - 1;
  if (result.error && isThrottlingAnswer(result.error))
    throw new InconclusiveError(`throttled past the retry budget: ${attempts} attempt${attempts === 1 ? '' : 's'}, last answer ${describeAnswer(result)}`);
  return result;
}

/** A command the client sends. */
type SdkCommand = Parameters<athena.AthenaClient['send']>[0];

/** The export of `@aws-sdk/client-athena` named `name`, as a command class. */
function commandClass(name: string): new (input: object) => SdkCommand {
  const ctor = (athena as Record<string, unknown>)[name];
  if (typeof ctor !== 'function') throw new Error(`@aws-sdk/client-athena exports no command ${name}`);
  return ctor as new (input: object) => SdkCommand;
}

/** The commands that carry middleware of their own (a raw body, another operation's target). */
const ownMiddleware = new WeakSet<object>();

/**
 * The command for `input`: the profile's SDK command, or (for an operation the SDK does not know) a
 * carrier whose `X-Amz-Target` and body are replaced. A raw body replaces the serialized one just
 * before signing, and so does the JSON of an object sent through a carrier.
 */
function commandFor(profile: OperationProfile, input: ListRequest | { raw: string }): SdkCommand {
  const known = profile.sdkCommand;
  const command = new (commandClass(known ?? (LIST_EXECUTORS.sdkCommand as string)))('raw' in input || !known ? {} : input);
  const body = 'raw' in input ? input.raw : known ? undefined : JSON.stringify(input);
  const target = known ? undefined : profile.amzTarget;
  if (body !== undefined || target !== undefined) {
    ownMiddleware.add(command);
    command.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown; headers?: Record<string, string> };
        if (body !== undefined) request.body = body;
        if (target !== undefined && request.headers) request.headers['x-amz-target'] = target;
        return next(args);
      },
      { step: 'build', priority: 'high', name: 'contractRawBody' },
    );
  }
  return command;
}

/** One line describing what a call got: `200`, `400 InvalidRequestException: msg`, `no answer: ...`. */
export function describeAnswer(call: ListCall): string {
  const res = call.exchange?.response;
  if (!res) return `no answer: ${call.exchange?.transportError ?? call.error?.message ?? 'unknown'}`;
  if (res.status === 200) return '200';
  const body = call.json as { __type?: unknown; Message?: unknown; message?: unknown } | undefined;
  if (body && typeof body === 'object') {
    const msg = body.Message ?? body.message;
    return `${res.status} ${String(body.__type ?? '(no __type)')}${typeof msg === 'string' ? `: ${clip(msg, 160)}` : ''}`;
  }
  return `${res.status} ${clip(res.body, 80).replace(/\s+/g, ' ') || '(empty body)'}`;
}
