/**
 * `athena-executors-contract/client-mock`: handlers of ListExecutors, ListSessions and
 * ListCalculationExecutions for aws-sdk-client-mock that answer from the reference model, so that code
 * under test sees what it would see from AWS: pages, tokens, filters, timestamps as `Date`s, and the
 * SDK's own exception classes for bad input.
 *
 * ```ts
 * mockClient(AthenaClient).on(ListExecutorsCommand).callsFake(listExecutorsHandler({ sessions }));
 * mockClient(AthenaClient).on(ListSessionsCommand).callsFake(listSessionsHandler({ workgroups }));
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
  type ListCalculationExecutionsCommandInput,
  type ListCalculationExecutionsCommandOutput,
  type ListExecutorsCommandInput,
  type ListExecutorsCommandOutput,
  type ListSessionsCommandInput,
  type ListSessionsCommandOutput,
} from '@aws-sdk/client-athena';
import { assertSeed } from './emulator/seeding.js';
import { DEFAULT_TOKEN_KEY, listItems, type Item, type ItemOf, type ModelError } from './model/index.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, valueAt, type OperationProfile } from './profiles/index.js';
import type { JsonSchema } from './schema/load.js';

/** An executor as the SDK hands it to user code (the SDK's own type). */
type SdkExecutor = ItemOf<ListExecutorsCommandOutput>;
/** A session summary as the SDK hands it to user code: its times are `Date`s. */
type SdkSession = ItemOf<ListSessionsCommandOutput>;
/** A calculation summary as the SDK hands it to user code: its times are `Date`s. */
type SdkCalculation = ItemOf<ListCalculationExecutionsCommandOutput>;

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
// the modelled item members, nested ones included (the item schema's properties): unknown ones never
// cross, either way. A Smithy timestamp (the schemas write it as `type: number`, epoch seconds; every
// Smithy long is an `integer`) crosses as a `Date`.

/** What the SDK knows of a member of an item: a timestamp, a structure with known members, or any other value. */
type SdkNode = 'timestamp' | 'value' | { readonly members: ReadonlyMap<string, SdkNode> };

/** The SDK's reading of `schema` (its references resolved among the profile's schemas). */
function sdkNode(profile: OperationProfile, schema: JsonSchema | undefined): SdkNode {
  const node = typeof schema?.$ref === 'string' ? profile.schemaById.get(schema.$ref) : schema;
  if (node?.type === 'number') return 'timestamp';
  if (node?.type !== 'object' || !node.properties) return 'value';
  return { members: new Map(Object.entries(node.properties).map(([name, member]) => [name, sdkNode(profile, member)])) };
}

const itemNodes = new WeakMap<OperationProfile, SdkNode>();

/** The SDK's reading of the profile's item, read once per profile. */
function itemNode(profile: OperationProfile): SdkNode {
  let node = itemNodes.get(profile);
  if (!node) itemNodes.set(profile, (node = sdkNode(profile, profile.schemas.item)));
  return node;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as user code hands it (a `Date` for a timestamp) in wire form (epoch seconds); anything else as it is. */
function toWire(node: SdkNode, value: unknown): unknown {
  if (node === 'timestamp') return value instanceof Date ? value.getTime() / 1000 : value;
  if (node === 'value' || !isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(node.members.get(k) ?? 'value', v)]));
}

/** A wire value as the SDK hands it to user code: known members only, a timestamp as the SDK's `Date` (milliseconds rounded). */
function toSdk(node: SdkNode, value: unknown): unknown {
  if (node === 'timestamp') return typeof value === 'number' ? new Date(Math.round(value * 1000)) : value;
  if (node === 'value' || !isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, member] of node.members) if (value[name] !== undefined) out[name] = toSdk(member, value[name]);
  return out;
}

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

function metadata(httpStatusCode: number): ListSessionsCommandOutput['$metadata'] {
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
 * arguments are the operation's SDK types; the model answers what the profile's schemas say. Items
 * are seeded and listed as the SDK types them: a timestamp (epoch seconds on the wire) is a `Date`.
 */
export function listHandler<In extends object = object, Out extends object = Record<string, unknown>, I extends object = Item>(
  profile: OperationProfile,
  options: ListHandlerOptions<I> = {},
): ListHandler<In, Out, I> {
  const store = new Map<string, readonly Item[]>();
  const tokenKey = options.tokenKey ?? DEFAULT_TOKEN_KEY;
  const seed = (parent: string, items: readonly I[]): void => {
    // Through JSON, as a seed crosses the wire to the HTTP emulator: explicit undefined members vanish,
    // and the SDK's Dates are the epoch seconds the wire carries.
    const checked = assertSeed(parent, JSON.parse(JSON.stringify(items.map((item) => toWire(itemNode(profile), item)))) as Item[], profile);
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
      [profile.items]: (Array.isArray(listed) ? listed : []).map((item) => toSdk(itemNode(profile), item)),
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

/** Options of {@link listSessionsHandler}; all optional. */
export interface ListSessionsHandlerOptions {
  /** Workgroups to hold from the start, keyed by WorkGroup, each with its sessions (validated like the emulator's seeds). @defaultValue none */
  workgroups?: Record<string, readonly SdkSession[]>;
  /**
   * The HMAC key of NextTokens.
   * @defaultValue the emulator's default key, so that a token from the handler is valid in the HTTP
   * emulator and the other way round
   */
  tokenKey?: string;
}

/** A ListSessions handler for `callsFake`: `seed(workGroup, sessions)` and `drop(workGroup)` besides the call. */
export type ListSessionsHandler = ListHandler<ListSessionsCommandInput, ListSessionsCommandOutput, SdkSession>;

/**
 * Creates a ListSessions handler for aws-sdk-client-mock's `callsFake`: {@link listHandler} with the
 * ListSessions profile and the SDK's types (a workgroup's sessions, newest `Status.StartDateTime`
 * first, the `StateFilter`, NextTokens bound to workgroup and filter). Every seeded session is listed
 * unfiltered, ended ones included: one of the readings the documentation leaves open.
 */
export function listSessionsHandler(options: ListSessionsHandlerOptions = {}): ListSessionsHandler {
  return listHandler<ListSessionsCommandInput, ListSessionsCommandOutput, SdkSession>(LIST_SESSIONS, { parents: options.workgroups, tokenKey: options.tokenKey });
}

/** Options of {@link listCalculationExecutionsHandler}; all optional. */
export interface ListCalculationExecutionsHandlerOptions {
  /** Sessions to hold from the start, keyed by SessionId, each with its calculations (validated like the emulator's seeds). @defaultValue none */
  sessions?: Record<string, readonly SdkCalculation[]>;
  /**
   * The HMAC key of NextTokens.
   * @defaultValue the emulator's default key, so that a token from the handler is valid in the HTTP
   * emulator and the other way round
   */
  tokenKey?: string;
}

/** A ListCalculationExecutions handler for `callsFake`: `seed(sessionId, calculations)` and `drop(sessionId)` besides the call. */
export type ListCalculationExecutionsHandler = ListHandler<ListCalculationExecutionsCommandInput, ListCalculationExecutionsCommandOutput, SdkCalculation>;

/**
 * Creates a ListCalculationExecutions handler for aws-sdk-client-mock's `callsFake`: {@link listHandler}
 * with the ListCalculationExecutions profile and the SDK's types (a session's calculations, newest
 * `Status.SubmissionDateTime` first, the `StateFilter`, NextTokens bound to session and filter).
 */
export function listCalculationExecutionsHandler(options: ListCalculationExecutionsHandlerOptions = {}): ListCalculationExecutionsHandler {
  return listHandler<ListCalculationExecutionsCommandInput, ListCalculationExecutionsCommandOutput, SdkCalculation>(LIST_CALCULATION_EXECUTIONS, {
    parents: options.sessions,
    tokenKey: options.tokenKey,
  });
}
