/**
 * An operation profile: what the laws, the reference model and the emulator need to know about one
 * paginated, newest-first, state-filtered list operation, stated once. The laws are written against a
 * profile, never against an operation's member names, so a new operation of the family is a profile
 * and its schemas. What the schemas hold (bounds, enums, required members) is read from them by
 * {@link defineProfile}, never restated.
 */
import type { MemberConstraints } from '../generated/constraints.js';
import type { JsonSchema } from '../schema/load.js';

/** How the ordering key travels on the wire. */
export type TimeUnit =
  /** A JSON integer of epoch milliseconds (a Smithy `long` read as milliseconds: ListExecutors). */
  | 'epoch-millis'
  /** A JSON number of epoch seconds with an optional fraction (a Smithy `timestamp` in AWS JSON 1.1). */
  | 'epoch-seconds';

/** What a profile states; everything else is derived from its schemas. */
export interface ProfileSpec {
  /** The operation's name: `ListExecutors`. */
  readonly operation: string;
  /** The `X-Amz-Target` header of a call: `AmazonAthena.ListExecutors`. */
  readonly amzTarget: string;
  /**
   * The operation's JSON Schemas: request, response and one listed item, plus every schema they
   * `$ref` (by `$id`), so that a profile can be checked without any file of this package.
   */
  readonly schemas: {
    readonly request: JsonSchema;
    readonly response: JsonSchema;
    readonly item: JsonSchema;
    readonly refs?: readonly JsonSchema[];
  };
  /** The request member naming what is listed (a session's executors: `SessionId`) and how a seeded run loads it. */
  readonly parent: {
    readonly member: string;
    /** What a parent is called in messages: `session`. */
    readonly noun: string;
    /** The seeding route's collection: `PUT /_contract/{route}/{id}` (`sessions`, `workgroups`). */
    readonly route: string;
    /** The member of the seeding body that holds the items: `executors`. */
    readonly seedMember: string;
    /**
     * The operation that makes a parent (`StartSession`), if the API has one: the message of an
     * unknown parent says to call it (`start it with StartSession or check the SessionId`).
     */
    readonly createdBy?: string;
  };
  /** The response member holding a page's items (ListExecutors' summaries, ListSessions' `Sessions`). */
  readonly items: string;
  /** The item member that identifies an item (ListSessions' `SessionId`). */
  readonly id: string;
  /** What an item is called in messages: `executor`. */
  readonly itemNoun: string;
  /** The ordering key, newest first: its path in an item (`['Status', 'SubmissionDateTime']` for ListCalculationExecutions) and its wire unit. */
  readonly orderKey: { readonly path: readonly string[]; readonly unit: TimeUnit };
  /** The state filter: its request member, and the path in an item of the state it selects on. */
  readonly filter: { readonly member: string; readonly itemPath: readonly string[] };
  /** The request member bounding a page: `MaxResults`. */
  readonly pageSize: string;
  /** The request and response member carrying the next page: `NextToken`. */
  readonly token: string;
  /** The response member that echoes the parent, if the operation has one (`SessionId`). */
  readonly echo?: string;
  /** The law id of an unknown parent: `errors.unknown-session`. */
  readonly unknownParentLaw: string;
  /** The AWS CLI's words for the operation: `aws athena list-executors --session-id ... --executor-state-filter ...`. */
  readonly awsCli: { readonly command: string; readonly parentFlag: string; readonly filterFlag: string };
  /**
   * The export of `@aws-sdk/client-athena` that sends a call (`ListExecutorsCommand`); absent for an
   * operation the SDK does not know, whose calls go out as another list command with the profile's
   * `X-Amz-Target` and body (the SDK's output is then empty; the laws read the raw body).
   */
  readonly sdkCommand?: string;
  /**
   * A reading the documentation leaves open: an unfiltered call may list every item, or only those in
   * a fixed set of "active" states holding at least `atLeast` (ListSessions: "sessions ... in an
   * active state like CREATING, CREATED, IDLE, or BUSY"). An item with no state is then in no state,
   * so not active. A filtered call lists exactly the items in that state either way.
   */
  readonly activeOnly?: { readonly atLeast: readonly string[] };
}

/**
 * What the schema says of one request member: its JSON type, whether it is required, its bounds, its
 * enum, its pattern. The generated shape (src/generated/constraints.ts), read here from any profile's
 * own schemas.
 */
export type MemberFacts = MemberConstraints;

/** A profile with the facts its schemas hold read out once. */
export interface OperationProfile extends ProfileSpec {
  /** Every schema of the operation by `$id` (request, response, item and their references). */
  readonly schemaById: ReadonlyMap<string, JsonSchema>;
  /** The request's members, in schema order, with what the schema says of each. */
  readonly request: Readonly<Record<string, MemberFacts>>;
  /** The states the filter takes, in schema order. */
  readonly states: readonly string[];
  /** The page-size bounds. */
  readonly pageBounds: { readonly min: number; readonly max: number };
  /** The parent member's facts (its bounds, its pattern). */
  readonly parentFacts: MemberFacts;
  /** The longest token the request schema allows. */
  readonly tokenMax: number;
  /** The item's members in schema order, and those it requires. */
  readonly itemMembers: readonly string[];
  readonly itemRequired: readonly string[];
}

/** A profile error: the operation, the field and what to write instead, in one line. */
function wrong(spec: ProfileSpec, field: string, what: string): Error {
  return new Error(`defineProfile(${spec.operation}): ${field}: ${what}`);
}

/** `schema` with a `$ref` to another schema of the profile replaced by that schema. */
function resolved(schema: JsonSchema, byId: ReadonlyMap<string, JsonSchema>): JsonSchema {
  return typeof schema.$ref === 'string' ? (byId.get(schema.$ref) ?? schema) : schema;
}

function factsOf(schema: JsonSchema, required: boolean): MemberFacts | undefined {
  if (schema.type !== 'string' && schema.type !== 'integer') return undefined;
  const facts: { -readonly [K in keyof MemberFacts]: MemberFacts[K] } = { type: schema.type, required };
  for (const bound of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) if (typeof schema[bound] === 'number') facts[bound] = schema[bound];
  if (typeof schema.pattern === 'string') facts.pattern = schema.pattern;
  if (Array.isArray(schema.enum)) facts.enum = schema.enum.map(String);
  return facts;
}

/** The schema at `path` below an object schema, resolving references on the way. */
export function schemaAt(root: JsonSchema, path: readonly string[], byId: ReadonlyMap<string, JsonSchema>): JsonSchema | undefined {
  let at: JsonSchema | undefined = resolved(root, byId);
  for (const step of path) at = at?.properties?.[step] === undefined ? undefined : resolved(at.properties[step], byId);
  return at;
}

/**
 * A profile from what it states, with the schema facts read out and every member it names checked
 * against the schemas: a profile that names a member its schemas lack fails here, naming the field.
 */
export function defineProfile(spec: ProfileSpec): OperationProfile {
  const all = [spec.schemas.request, spec.schemas.response, spec.schemas.item, ...(spec.schemas.refs ?? [])];
  const schemaById = new Map(all.map((s, i) => [s.$id ?? `#${i}`, s]));
  const request = resolved(spec.schemas.request, schemaById);
  const required = new Set(request.required ?? []);
  const facts: Record<string, MemberFacts> = {};
  for (const [name, member] of Object.entries(request.properties ?? {})) {
    const f = factsOf(resolved(member, schemaById), required.has(name));
    if (f) facts[name] = f;
  }
  const need = (field: string, member: string): MemberFacts => {
    const f = facts[member];
    if (!f) throw wrong(spec, field, `the request schema has no string or integer member ${JSON.stringify(member)}`);
    return f;
  };
  const parentFacts = need('parent.member', spec.parent.member);
  const filter = need('filter.member', spec.filter.member);
  if (!filter.enum?.length) throw wrong(spec, 'filter.member', `${spec.filter.member} must be an enum in the request schema`);
  const page = need('pageSize', spec.pageSize);
  if (page.type !== 'integer' || page.minimum === undefined || page.maximum === undefined) throw wrong(spec, 'pageSize', `${spec.pageSize} must be an integer with a minimum and a maximum`);
  const token = need('token', spec.token);
  const response = resolved(spec.schemas.response, schemaById);
  if (response.properties?.[spec.items]?.type !== 'array') throw wrong(spec, 'items', `the response schema has no array member ${JSON.stringify(spec.items)}`);
  if (spec.echo !== undefined && !response.properties?.[spec.echo]) throw wrong(spec, 'echo', `the response schema has no member ${JSON.stringify(spec.echo)}`);
  const item = resolved(spec.schemas.item, schemaById);
  if (!item.properties?.[spec.id]) throw wrong(spec, 'id', `the item schema has no member ${JSON.stringify(spec.id)}`);
  if (!schemaAt(item, spec.orderKey.path, schemaById)) throw wrong(spec, 'orderKey.path', `the item schema has nothing at ${spec.orderKey.path.join('.')}`);
  if (!schemaAt(item, spec.filter.itemPath, schemaById)) throw wrong(spec, 'filter.itemPath', `the item schema has nothing at ${spec.filter.itemPath.join('.')}`);
  for (const state of spec.activeOnly?.atLeast ?? []) if (!filter.enum.includes(state)) throw wrong(spec, 'activeOnly.atLeast', `${state} is not a state of ${spec.filter.member}`);
  return {
    ...spec,
    schemaById,
    request: facts,
    states: filter.enum,
    pageBounds: { min: page.minimum, max: page.maximum },
    parentFacts,
    tokenMax: token.maxLength ?? Number.POSITIVE_INFINITY,
    itemMembers: Object.keys(item.properties ?? {}),
    itemRequired: item.required ?? [],
  };
}

/** The value at `path` in `item`, or undefined when a step is missing or not an object. */
export function valueAt(item: unknown, path: readonly string[]): unknown {
  let at: unknown = item;
  for (const step of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** An item's id as listed (a non-string id reads as its JSON text, so that two such items still differ). */
export function itemId(profile: OperationProfile, item: unknown): string {
  const id = valueAt(item, [profile.id]);
  return typeof id === 'string' ? id : JSON.stringify(id) ?? 'undefined';
}

/** An item's ordering key as a number on the wire, undefined when it has none (or not a number). */
export function orderKeyOf(profile: OperationProfile, item: unknown): number | undefined {
  const key = valueAt(item, profile.orderKey.path);
  return typeof key === 'number' ? key : undefined;
}

/** An item's state (what the filter selects on), undefined when it has none. */
export function stateOf(profile: OperationProfile, item: unknown): unknown {
  return valueAt(item, profile.filter.itemPath);
}

/** The items a response body lists, [] when it lists none or is malformed. */
export function itemsOf(profile: OperationProfile, body: unknown): Record<string, unknown>[] {
  const list = valueAt(body, [profile.items]);
  return Array.isArray(list) ? list.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null) : [];
}

/** Which parts of a list request a law sets; the profile names the members. */
export interface ListParts {
  parent: string;
  state?: string;
  pageSize?: number;
  token?: string;
}

/** A list request body from its parts, members in the order the API documents them. */
export function listRequest(profile: OperationProfile, parts: ListParts): Record<string, unknown> {
  const body: Record<string, unknown> = { [profile.parent.member]: parts.parent };
  if (parts.state !== undefined) body[profile.filter.member] = parts.state;
  if (parts.pageSize !== undefined) body[profile.pageSize] = parts.pageSize;
  if (parts.token !== undefined) body[profile.token] = parts.token;
  return body;
}

/** The parts of a list request body (what is not a string or a number reads as absent). */
export function partsOf(profile: OperationProfile, request: Readonly<Record<string, unknown>>): ListParts {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return { parent: String(request[profile.parent.member]), state: str(request[profile.filter.member]), pageSize: num(request[profile.pageSize]), token: str(request[profile.token]) };
}

/** The seeding route's path of one parent: `/_contract/sessions/{id}`, the id URL-encoded. */
export function seedPath(profile: OperationProfile, parent: string): string {
  return `/_contract/${profile.parent.route}/${encodeURIComponent(parent)}`;
}
