/**
 * One ListExecutors call through the target's real AthenaClient, with the raw exchange beside what
 * the SDK made of it: the SDK validates nothing, so the laws are checked on the raw body too.
 */
import { ListExecutorsCommand, type ListExecutorsCommandOutput } from '@aws-sdk/client-athena';
import type { ListExecutorsRequest } from '../../generated/athena.js';
import { parseJson } from '../../schema/json.js';
import type { Exchange } from '../../wire/exchange.js';
import { InconclusiveError } from '../../common/errors.js';
import { isThrottlingAnswer } from '../../targets/throttling.js';
import type { CheckContext } from './context.js';
import { noteSeeding, recordCall } from '../coverage/index.js';
import { clip } from './text.js';

/** What one call produced: the exchange, the body parsed as JSON (if it was), and the SDK's view. */
export interface ListCall {
  /** The request as the harness meant it (an object, or the raw body text it forced on the wire). */
  input: ListExecutorsRequest | { raw: string };
  exchange?: Exchange;
  /** HTTP status, 0 when no answer came. */
  status: number;
  /** The response body parsed as JSON; undefined when it was not JSON. */
  json?: unknown;
  output?: ListExecutorsCommandOutput;
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
 * Calls ListExecutors with `input`. With `{ raw }`, the SDK serializes a placeholder and the body is
 * replaced just before signing, so even values the SDK could not express (wrong JSON types, broken
 * JSON) go through the real client. The client retries throttling answers (counted in
 * `ctx.stats.retries`); one still throttled after its budget says nothing of the contract, and is
 * an {@link InconclusiveError}.
 */
export async function listCall(ctx: CheckContext, input: ListExecutorsRequest | { raw: string }, options: ListCallOptions = {}): Promise<ListCall> {
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
async function sendOnce(ctx: CheckContext, input: ListExecutorsRequest | { raw: string }): Promise<ListCall> {
  const before = ctx.exchanges.length;
  const result: ListCall = { input, status: 0 };
  try {
    result.output = await ctx.target.client.send(commandFor(input));
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

/** The command for `input`; a raw body replaces the serialized one just before signing. */
function commandFor(input: ListExecutorsRequest | { raw: string }): ListExecutorsCommand {
  const command = new ListExecutorsCommand('raw' in input ? ({} as ListExecutorsRequest) : input);
  if ('raw' in input) {
    const raw = input.raw;
    command.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { body?: unknown }).body = raw;
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
