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
  type ListExecutorsCommandInput,
  type ListExecutorsCommandOutput,
} from '@aws-sdk/client-athena';
import { assertSeed } from './emulator/seeding.js';
import { DEFAULT_TOKEN_KEY, listItems, type Item, type ItemOf, type ModelError } from './model/index.js';
import { LIST_EXECUTORS, valueAt, type OperationProfile } from './profiles/index.js';

/** An executor as the SDK hands it to user code (the SDK's own type). */
type SdkExecutor = ItemOf<ListExecutorsCommandOutput>;

/** Options of {@link listHandler}; all optional. `I` is an item as the SDK types it. */
export interface ListHandlerOptions<I extends object = Item> {
  /** Parents to hold from the start, keyed by the parent's id (validated like the emulator's seeds). @defaultValue none */
  parents?: Record<string, readonly I[]>;
  /**
   * The HMAC key of tokens.
   * @defaultValue the emulator's default key, so that a token from the handler is valid in the HTTP
   * emulator and the other way round
   */
  tokenKey?: string;
}

/**
 * A function for `callsFake` that answers a list operation from the reference model, and holds the
 * parents it answers about. `In`, `Out` and `I` are the operation's SDK input, output and item types.
 */
export interface ListHandler<In extends object = object, Out extends object = Record<string, unknown>, I extends object = Item> {
  (input: In): Promise<Out>;
  /** The parent now holds exactly `items` (created if new); throws a one-line message on an invalid seed. */
  seed(parent: string, items: readonly I[]): void;
  /** Forgets a parent: later calls get ResourceNotFoundException. Idempotent. */
  drop(parent: string): void;
}

/** Options of {@link listExecutorsHandler}; all optional. */
export interface ListExecutorsHandlerOptions {
  /** Sessions to hold from the start, keyed by SessionId (validated like the emulator's seeds). @defaultValue none */
  sessions?: Record<string, readonly SdkExecutor[]>;
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
  seed(sessionId: string, executors: readonly SdkExecutor[]): void;
  /** Forgets a session: later calls get ResourceNotFoundException. Idempotent. */
  drop(sessionId: string): void;
}

// The SDK serializes only the modelled request members (the profile's request) and deserializes only
// the modelled item members (the profile's itemMembers): unknown ones never cross, either way.

/**
 * The request body the SDK would send for `input`: modelled members only, null and undefined dropped,
 * non-finite numbers as the strings the SDK writes ("NaN", "Infinity"), everything else as JSON has it,
 * wrong types included (the SDK does not validate), so the model sees what the service would.
 */
function asSent(profile: OperationProfile, input: object): unknown {
  const body: Record<string, unknown> = {};
  for (const member of Object.keys(profile.request)) {
    // Typed as the SDK's input, but user code may pass anything at run time: read it as such.
    const value = valueAt(input, [member]);
    if (value === undefined || value === null) continue;
    body[member] = typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  }
  return JSON.parse(JSON.stringify(body));
}

/** An item as the SDK hands it to user code: known members only. */
function asReceived(profile: OperationProfile, item: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of profile.itemMembers) {
    const value = valueAt(item, [member]);
    if (value !== undefined) out[member] = value;
  }
  return out;
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
 * Creates a handler of the profile's list operation for aws-sdk-client-mock's `callsFake`: each call
 * runs the reference model over the handler's parents and resolves to the SDK's output (the echoed
 * parent, the items with their modelled members only, the token when another page follows, and
 * `$metadata`), or rejects with the SDK's exception: InvalidRequestException for a broken constraint
 * or a token it did not issue, ResourceNotFoundException for an unknown parent, and an
 * AthenaServiceException named SerializationException for a member of the wrong type. The type
 * arguments are the operation's SDK types; the model answers what the profile's schemas say.
 */
export function listHandler<In extends object = object, Out extends object = Record<string, unknown>, I extends object = Item>(
  profile: OperationProfile,
  options: ListHandlerOptions<I> = {},
): ListHandler<In, Out, I> {
  const store = new Map<string, readonly Item[]>();
  const tokenKey = options.tokenKey ?? DEFAULT_TOKEN_KEY;
  const seed = (parent: string, items: readonly I[]): void => {
    // Through JSON, as a seed crosses the wire to the HTTP emulator: explicit undefined members vanish.
    const checked = assertSeed(parent, JSON.parse(JSON.stringify(items)) as Item[], profile);
    // A new frozen array each time: the model memoizes its ordering per array.
    store.set(parent, Object.freeze(checked.map((e) => Object.freeze(e))));
  };
  for (const [id, items] of Object.entries(options.parents ?? {})) seed(id, items);

  const handler = async (input: In): Promise<Out> => {
    const result = listItems(profile, store, asSent(profile, input), { tokenKey });
    if (!result.ok) throw sdkException(result.error);
    const { output } = result;
    const token = output[profile.token];
    const listed = output[profile.items];
    return {
      ...(profile.echo === undefined ? {} : { [profile.echo]: output[profile.echo] }),
      ...(token !== undefined ? { [profile.token]: token } : {}),
      [profile.items]: (Array.isArray(listed) ? listed : []).map((item) => asReceived(profile, item)),
      $metadata: metadata(200),
    } as unknown as Out;
  };
  return Object.assign(handler, {
    seed,
    drop: (parent: string) => void store.delete(parent),
  });
}

/**
 * Creates a ListExecutors handler for aws-sdk-client-mock's `callsFake`: {@link listHandler} with the
 * ListExecutors profile and the SDK's ListExecutors types (newest first, MaxResults pages of 50 by
 * default, the state filter, NextTokens bound to session and filter).
 */
export function listExecutorsHandler(options: ListExecutorsHandlerOptions = {}): ListExecutorsHandler {
  return listHandler<ListExecutorsCommandInput, ListExecutorsCommandOutput, SdkExecutor>(LIST_EXECUTORS, { parents: options.sessions, tokenKey: options.tokenKey });
}
