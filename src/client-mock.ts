/**
 * `athena-executors-contract/client-mock`: a ListExecutors handler for aws-sdk-client-mock that answers
 * from the reference model, so that code under test sees what it would see from AWS: pages, tokens,
 * filters, and the SDK's own exception classes for bad input.
 *
 * ```ts
 * mockClient(AthenaClient).on(ListExecutorsCommand).callsFake(listExecutorsHandler({ sessions }));
 * ```
 *
 * aws-sdk-client-mock is not imported here: the handler is a plain function of the SDK's input and
 * output types, and the user's own aws-sdk-client-mock (a peer dependency) calls it.
 */
import { randomUUID } from 'node:crypto';
import {
  AthenaServiceException,
  InternalServerException,
  InvalidRequestException,
  ResourceNotFoundException,
  type ExecutorsSummary as SdkExecutorsSummary,
  type ListExecutorsCommandInput,
  type ListExecutorsCommandOutput,
} from '@aws-sdk/client-athena';
import { assertSeed } from './emulator/seeding.js';
import type { ExecutorsSummary } from './generated/athena.js';
import { DEFAULT_TOKEN_KEY, listExecutors, type ModelError } from './model/index.js';
import { EXECUTOR_MEMBERS, REQUEST_MEMBERS } from './schema/members.js';

/** Options of {@link listExecutorsHandler}; all optional. */
export interface ListExecutorsHandlerOptions {
  /** Sessions to hold from the start, keyed by SessionId (validated like the emulator's seeds). @defaultValue none */
  sessions?: Record<string, readonly SdkExecutorsSummary[]>;
  /**
   * The HMAC key of NextTokens.
   * @defaultValue the emulator's default key, so that a token from the handler is valid in the HTTP
   * emulator and the other way round
   */
  tokenKey?: string;
}

/**
 * A function for `callsFake` that answers ListExecutors from the reference model, and holds the
 * sessions it answers about.
 */
export interface ListExecutorsHandler {
  (input: ListExecutorsCommandInput): Promise<ListExecutorsCommandOutput>;
  /** The session now holds exactly `executors` (created if new); throws a one-line message on an invalid seed. */
  seed(sessionId: string, executors: readonly SdkExecutorsSummary[]): void;
  /** Forgets a session: later calls get ResourceNotFoundException. Idempotent. */
  drop(sessionId: string): void;
}

// The SDK serializes only the modelled request members (REQUEST_MEMBERS) and deserializes only the
// modelled executor members (EXECUTOR_MEMBERS): unknown ones never cross, either way.

/**
 * The request body the SDK would send for `input`: modelled members only, null and undefined dropped,
 * non-finite numbers as the strings the SDK writes ("NaN", "Infinity"), everything else as JSON has it,
 * wrong types included (the SDK does not validate), so the model sees what the service would.
 */
function asSent(input: ListExecutorsCommandInput): unknown {
  const body: Record<string, unknown> = {};
  for (const member of REQUEST_MEMBERS) {
    // Typed as the SDK's input, but user code may pass anything at run time: read it as such.
    const value: unknown = input[member];
    if (value === undefined || value === null) continue;
    body[member] = typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  }
  return JSON.parse(JSON.stringify(body));
}

/** An executor as the SDK hands it to user code: known members only. */
function asReceived(executor: ExecutorsSummary): SdkExecutorsSummary {
  const out: Record<string, unknown> = {};
  for (const member of EXECUTOR_MEMBERS) if (executor[member] !== undefined) out[member] = executor[member];
  return out as unknown as SdkExecutorsSummary;
}

function metadata(httpStatusCode: number): ListExecutorsCommandOutput['$metadata'] {
  return { httpStatusCode, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 };
}

/**
 * The exception the SDK raises for a modelled error: its class, `$fault` and `$metadata`, `message`
 * from the body's Message, and the body's other members, as the SDK's error deserializer leaves them.
 */
function sdkException(error: ModelError): AthenaServiceException {
  const $metadata = metadata(error.status);
  const { Message, ...members } = error.body;
  const message = typeof Message === 'string' ? Message : error.type;
  let exception: AthenaServiceException;
  switch (error.type) {
    case 'InvalidRequestException':
      exception = new InvalidRequestException({ message, $metadata });
      break;
    case 'ResourceNotFoundException':
      exception = new ResourceNotFoundException({ message, $metadata });
      break;
    case 'InternalServerException':
      exception = new InternalServerException({ message, $metadata });
      break;
    default:
      // Unmodelled codes (SerializationException) surface as the service's base exception, named by the code.
      exception = new AthenaServiceException({ name: error.type, $fault: error.status >= 500 ? 'server' : 'client', $metadata, message });
  }
  Object.assign(exception, members);
  // The modelled classes declare a Message member; the SDK's deserializer moves it to `message` and deletes it.
  Reflect.deleteProperty(exception, 'Message');
  return exception;
}

/**
 * Creates a ListExecutors handler for aws-sdk-client-mock's `callsFake`: each call runs the reference
 * model over the handler's sessions (newest StartDateTime first, MaxResults pages of 50 by default,
 * ExecutorStateFilter, NextTokens bound to session and filter) and resolves to the SDK's output, or
 * rejects with the SDK's exception: InvalidRequestException for a broken constraint or a token it did
 * not issue, ResourceNotFoundException for an unknown session, and an AthenaServiceException named
 * SerializationException for a member of the wrong type.
 */
export function listExecutorsHandler(options: ListExecutorsHandlerOptions = {}): ListExecutorsHandler {
  const store = new Map<string, readonly ExecutorsSummary[]>();
  const tokenKey = options.tokenKey ?? DEFAULT_TOKEN_KEY;
  const seed = (sessionId: string, executors: readonly SdkExecutorsSummary[]): void => {
    // Through JSON, as a seed crosses the wire to the HTTP emulator: explicit undefined members vanish.
    const checked = assertSeed(sessionId, JSON.parse(JSON.stringify(executors)) as ExecutorsSummary[]);
    // A new frozen array each time: the model memoizes its ordering per array.
    store.set(sessionId, Object.freeze(checked.map((e) => Object.freeze(e))));
  };
  for (const [id, executors] of Object.entries(options.sessions ?? {})) seed(id, executors);

  const handler = async (input: ListExecutorsCommandInput): Promise<ListExecutorsCommandOutput> => {
    const result = listExecutors(store, asSent(input), { tokenKey });
    if (!result.ok) throw sdkException(result.error);
    const { SessionId, NextToken, ExecutorsSummary: page } = result.output;
    return {
      SessionId,
      ...(NextToken !== undefined ? { NextToken } : {}),
      ExecutorsSummary: (page ?? []).map(asReceived),
      $metadata: metadata(200),
    };
  };
  return Object.assign(handler, {
    seed,
    drop: (sessionId: string) => void store.delete(sessionId),
  });
}
