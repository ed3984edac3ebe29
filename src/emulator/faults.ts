/**
 * Deliberate deviations the emulator can be started with, so that the property catalogue can prove it
 * catches each one. The registry as data: one entry per fault, its name, a one-line summary, the list
 * operation whose answers it changes, the property of that operation meant to catch it, and the
 * stages it overrides (see stages.ts). A faulty emulator answers that operation as the model with
 * exactly those overrides, and its other list operations as the model; adding a fault is adding an
 * entry here.
 */
import { STATUS_CODES } from 'node:http';
import {
  checkedRequest,
  comparePositions,
  constraintViolations,
  decodePosition,
  internalServerException,
  pageBody,
  readRequestFields,
  type OrderedItem,
  type RequestResult,
} from '../model/index.js';
import { LIST_EXECUTORS, LIST_SESSIONS, itemId, profileNamed, schemaAt, stateOf, valueAt, type OperationName, type OperationProfile } from '../profiles/index.js';
import { isObject } from '../schema/json.js';
import type { WireResponse } from '../wire/exchange.js';
import { composeStages, type AnsweredItem, type EmulatorStages, type StageOverrides } from './stages.js';

/**
 * One fault: what it changes, in one line, which list operation's answers it changes, and which
 * property of that operation's catalogue must catch it (null, null: a live-mode cleanup fault of the
 * session calls).
 */
export interface FaultInfo {
  summary: string;
  /** The list operation whose answers the fault changes; the emulator's other list operations answer as the model does. */
  operation: OperationName | null;
  /** A property id of the operation's catalogue (a test checks that it is one; the emulator sits below the contract). */
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

/** What the faults read of an item's schema: where its timestamps are, and which members a lax serializer would leave out. */
interface ItemFacts {
  /** The paths of its timestamps: members AWS names `...DateTime`, the ordering key among them. */
  readonly timestamps: readonly (readonly string[])[];
  /** Its optional top-level members that are neither the id, an enum, nor on the way to the ordering key or the state. */
  readonly optional: readonly string[];
}

const itemFacts = new WeakMap<OperationProfile, ItemFacts>();

/** The facts of the profile's item, read from its schema once. */
function factsOf(profile: OperationProfile): ItemFacts {
  let facts = itemFacts.get(profile);
  if (!facts) {
    const at = (path: readonly string[]) => schemaAt(profile.schemas.item, path, profile.schemaById);
    const timestamps: string[][] = [];
    const visit = (path: readonly string[]): void => {
      for (const name of Object.keys(at(path)?.properties ?? {})) {
        const member = [...path, name];
        if (name.endsWith('DateTime')) timestamps.push(member);
        else if (at(member)?.type === 'object') visit(member);
      }
    };
    visit([]);
    const key = profile.orderKey.path;
    if (!timestamps.some((p) => p.join('.') === key.join('.'))) timestamps.unshift([...key]);
    const reserved = new Set([profile.id, key[0], profile.filter.itemPath[0], ...profile.itemRequired]);
    const optional = profile.itemMembers.filter((m) => !reserved.has(m) && at([m])?.enum === undefined);
    facts = { timestamps, optional };
    itemFacts.set(profile, facts);
  }
  return facts;
}

/** Members or paths for a summary, in alphabetical order, joined by `and`: `ExecutorSize and TerminationDateTime`. */
const named = (paths: readonly (readonly string[] | string)[]): string => paths.map((p) => (typeof p === 'string' ? p : p.join('.'))).sort().join(' and ');

/** The profile the summaries of ListExecutors' faults speak of (the other operations' faults speak of theirs). */
const P = LIST_EXECUTORS;
const NOUN = P.itemNoun;

/**
 * `item` with the value at `path` replaced by `change(value)` (removed when that is undefined), the
 * objects on the way copied; `item` itself when the path leads nowhere.
 */
function changedAt(item: AnsweredItem, path: readonly string[], change: (value: unknown) => unknown): AnsweredItem {
  const [step, ...rest] = path;
  const value = item[step];
  if (value === undefined) return item;
  const next = rest.length === 0 ? change(value) : isObject(value) ? changedAt(value, rest, change) : value;
  const out = { ...item };
  if (next === undefined) delete out[step];
  else out[step] = next;
  return out;
}

/**
 * Finding a token's position in a view that is not in the model's order: by exact match, since a
 * binary search needs the model's order. Payloads that name no position are left to `base`.
 */
const positionByMatch = (base: EmulatorStages['position']): EmulatorStages['position'] => (profile, view, payload, ctx) => {
  const position = decodePosition(payload);
  if (!position) return base(profile, view, payload, ctx);
  const at = view.findIndex((e) => e.digest === position.digest && e.key === position.key);
  return at < 0 ? -1 : at + 1;
};

/** Where a page starts, moved by `shift` wherever `base` found a usable start (-1 stays unusable). */
const shiftStart = (shift: (at: number) => number) => (base: EmulatorStages['start']): EmulatorStages['start'] => (profile, after, ctx) => {
  const at = base(profile, after, ctx);
  return at < 0 ? at : shift(at);
};

/** The answer of an error response with `change` applied (successes pass untouched). */
const onErrors = (change: (res: WireResponse) => void) => (base: EmulatorStages['wire']): EmulatorStages['wire'] => (res) => {
  const out = base(res);
  if (out.status >= 400) change(out);
  return out;
};

/** An item as `base` answers it, then with the values at the paths `pathsOf` names changed by `change`, on a copy. */
const reshaped =
  (pathsOf: (facts: ItemFacts) => readonly (readonly string[])[], change: (value: unknown) => unknown) =>
  (base: EmulatorStages['summary']): EmulatorStages['summary'] =>
  (profile, item, ctx) =>
    pathsOf(factsOf(profile)).reduce((out, path) => changedAt(out, path, change), base(profile, item, ctx));

/** Listing oldest first: the model's order reversed. */
const OLDEST_FIRST: StageOverrides = { order: (base) => (profile, items, ctx) => [...base(profile, items, ctx)].reverse(), position: positionByMatch };

/** Ignoring the state filter. */
const FILTER_IGNORED: StageOverrides = { filter: () => (_profile, view) => view };

/** Each page after the first starting with the previous page's last item. */
const BOUNDARY_DUPLICATE: StageOverrides = { start: shiftStart((at) => (at > 0 ? at - 1 : at)) };

/** Every item in one page, whatever the page size asked for. */
const PAGE_SIZE_IGNORED: StageOverrides = { pageSize: () => (_profile, _request, view) => view.length };

/** Tokens bound to the filter but not the parent: another parent's token is accepted. */
const TOKENS_NOT_PARENT_BOUND: StageOverrides = { binding: (base) => (profile, request, ctx) => base(profile, { ...request, parent: '' }, ctx) };

/** An unknown parent answered 200 with an empty page. */
const UNKNOWN_PARENT_EMPTY: StageOverrides = {
  parent: (base) => (profile, store, request, ctx) => {
    const found = base(profile, store, request, ctx);
    return 'ok' in found && !found.ok ? { ok: true, output: pageBody(profile, request.parent, [], undefined) } : found;
  },
};

/** Every timestamp of the stored item changed by `change` before `base` answers it (a timestamp another fault makes a string stays one). */
const timestampsChanged = (change: (value: number) => number): StageOverrides => ({
  summary: (base) => (profile, item, ctx) => base(profile, factsOf(profile).timestamps.reduce((out, path) => changedAt(out, path, (v) => change(v as number)), item as AnsweredItem), ctx),
});

/** An epoch-seconds timestamp as an ISO-8601 string (what a JSON serializer of a date object writes). */
const isoOf = (value: unknown): unknown => (typeof value === 'number' ? new Date(value * 1000).toISOString() : value);

/** Listing by id ascending, as fakecloud and gopherstack do. */
const ID_ASCENDING: StageOverrides = {
  order: (base) => (profile, items, ctx) => {
    const byId = (a: OrderedItem, b: OrderedItem) => (itemId(profile, a.item) < itemId(profile, b.item) ? -1 : itemId(profile, a.item) > itemId(profile, b.item) ? 1 : 0);
    return [...base(profile, items, ctx)].sort(byId);
  },
  position: positionByMatch,
};

/**
 * Listing newest `path` first, `path` being another timestamp than the ordering key: keyed by it and
 * sorted as the model sorts, so that a token's position is found as the model finds it.
 */
const newestBy = (path: readonly string[]): StageOverrides => ({
  order: (base) => (profile, items, ctx) =>
    base(profile, items, ctx)
      .map((e) => {
        const key = valueAt(e.item, path);
        return { ...e, key: typeof key === 'number' ? key : undefined };
      })
      .sort(comparePositions),
});

/**
 * The faults of a family operation listed by epoch-second timestamps (ListSessions,
 * ListCalculationExecutions), named `{prefix}-...`: what emulators in the wild do (fakecloud and
 * gopherstack list by id ascending) and what a hand-written one gets wrong. `wrongKey` is a
 * timestamp of the item that is not its ordering key; `parentNoun` the profile's, as a literal.
 */
function familyFaults<const O extends OperationName, const X extends string, const W extends string>(operation: O, prefix: X, parentNoun: W, wrongKey: readonly string[]) {
  const profile = profileNamed(operation)!;
  const [noun, key] = [profile.itemNoun, named([profile.orderKey.path])];
  return [
    { name: `${prefix}-oldest-first`, operation, summary: `${noun}s are listed by ascending ${key}`, catches: 'ordering.newest-first', override: OLDEST_FIRST },
    { name: `${prefix}-id-ascending`, operation, summary: `${noun}s are listed by ${profile.id} ascending (as fakecloud and gopherstack do)`, catches: 'ordering.newest-first', override: ID_ASCENDING },
    { name: `${prefix}-wrong-timestamp`, operation, summary: `${noun}s are listed newest ${named([wrongKey])} first, not newest ${key}`, catches: 'ordering.newest-first', override: newestBy(wrongKey) },
    { name: `${prefix}-filter-ignored`, operation, summary: `${profile.filter.member} is ignored`, catches: 'filter.honoured', override: FILTER_IGNORED },
    { name: `${prefix}-page-boundary-duplicate`, operation, summary: `each page after the first starts with the previous page's last ${noun}`, catches: 'pagination.exactly-once', override: BOUNDARY_DUPLICATE },
    { name: `${prefix}-max-results-ignored`, operation, summary: `${profile.pageSize} is ignored: every ${noun} in one page`, catches: 'pagination.page-size', override: PAGE_SIZE_IGNORED },
    { name: `${prefix}-iso-timestamps`, operation, summary: `${noun} timestamps are ISO-8601 strings, not epoch seconds`, catches: 'response.conforms', override: { summary: reshaped((facts) => facts.timestamps, isoOf) } },
    { name: `${prefix}-epoch-millis`, operation, summary: `${noun} timestamps are epoch milliseconds, not seconds (the SDK reads dates past the year 50000)`, catches: 'data.faithful', override: timestampsChanged((v) => Math.round(v * 1000)) },
    { name: `${prefix}-tokens-not-${parentNoun}-bound`, operation, summary: `tokens are not bound to their ${parentNoun}: another ${parentNoun}'s token is accepted and gets data`, catches: 'errors.invalid-token', override: TOKENS_NOT_PARENT_BOUND },
    { name: `${prefix}-unknown-${parentNoun}-empty`, operation, summary: `an unknown ${parentNoun} gets 200 with an empty list`, catches: profile.unknownParentLaw, override: UNKNOWN_PARENT_EMPTY },
  ] as const satisfies readonly Fault[];
}

/** The states ListSessions' documentation calls active. */
const ACTIVE: readonly unknown[] = LIST_SESSIONS.activeOnly?.atLeast ?? [];

/** The validation of accepts-out-of-range: the page size clamped into range and an over-long parent let through. */
function acceptOutOfRange(profile: OperationProfile, input: unknown): RequestResult {
  const read = readRequestFields(profile, input);
  if (!read.ok) return read;
  const { fields } = read;
  const parent = profile.parent.member;
  const violations = constraintViolations(profile, fields).filter((v) => v.member !== profile.pageSize && !(v.member === parent && fields[parent]));
  const size = fields[profile.pageSize];
  const { min, max } = profile.pageBounds;
  return checkedRequest(profile, size === undefined ? fields : { ...fields, [profile.pageSize]: Math.min(max, Math.max(min, Number(size))) }, violations);
}

const registry = [
  {
    name: 'wrong-session-echo',
    operation: 'ListExecutors',
    summary: `the response's ${P.echo} is the request's with a suffix`,
    catches: 'response.conforms',
    override: { output: (base) => (profile, parent, items, next, ctx) => base(profile, `${parent}-echo`, items, next, ctx) },
  },
  {
    name: 'string-timestamps',
    operation: 'ListExecutors',
    summary: `${named(factsOf(P).timestamps)} are serialized as JSON strings`,
    catches: 'response.conforms',
    override: { summary: reshaped((facts) => facts.timestamps, String) },
  },
  {
    name: 'page-boundary-duplicate',
    operation: 'ListExecutors',
    summary: `each page after the first starts with the previous page's last ${NOUN}`,
    catches: 'pagination.exactly-once',
    override: BOUNDARY_DUPLICATE,
  },
  {
    name: 'page-boundary-skip',
    operation: 'ListExecutors',
    summary: `one ${NOUN} is skipped at each page boundary`,
    catches: 'pagination.exactly-once',
    override: { start: shiftStart((at) => at + 1) },
  },
  {
    name: 'token-loops',
    operation: 'ListExecutors',
    summary: 'the last page returns a token pointing back to the first page, so the walk never ends',
    catches: 'pagination.exactly-once',
    override: {
      token: (base) => (profile, view, page, from, size, ctx) => base(profile, view, page, from, size, ctx) ?? (view.length > 0 ? FIRST_PAGE : undefined),
      position: (base) => (profile, view, payload, ctx) => (payload === FIRST_PAGE ? 0 : base(profile, view, payload, ctx)),
    },
  },
  {
    name: 'max-results-ignored',
    operation: 'ListExecutors',
    summary: `${P.pageSize} is ignored: every ${NOUN} in one page (as gopherstack does)`,
    catches: 'pagination.page-size',
    override: PAGE_SIZE_IGNORED,
  },
  {
    name: 'off-by-one-page',
    operation: 'ListExecutors',
    summary: `pages hold ${P.pageSize} + 1 ${NOUN}s`,
    catches: 'pagination.page-size',
    override: { pageSize: (base) => (profile, request, view, options, ctx) => base(profile, request, view, options, ctx) + 1 },
  },
  {
    name: 'oldest-first',
    operation: 'ListExecutors',
    summary: `${NOUN}s are listed by ascending ${named([P.orderKey.path])}`,
    catches: 'ordering.newest-first',
    override: OLDEST_FIRST,
  },
  {
    name: 'insertion-order',
    operation: 'ListExecutors',
    summary: `${NOUN}s are listed in the order they were seeded, not sorted`,
    catches: 'ordering.newest-first',
    override: {
      order: (base) => (profile, items, ctx) => {
        const byItem = new Map(base(profile, items, ctx).map((e) => [e.item, e]));
        return items.map((e) => byItem.get(e)!);
      },
      position: positionByMatch,
    },
  },
  {
    name: 'filter-ignored',
    operation: 'ListExecutors',
    summary: `${P.filter.member} is ignored`,
    catches: 'filter.honoured',
    override: FILTER_IGNORED,
  },
  {
    name: 'filter-merges-ended-states',
    operation: 'ListExecutors',
    summary: `filtering by TERMINATED or FAILED returns ${NOUN}s in either state`,
    catches: 'filter.honoured',
    override: {
      filter: (base) => (profile, view, state, ctx) =>
        state !== undefined && ENDED.includes(state) ? view.filter((e) => ENDED.includes(String(stateOf(profile, e.item)))) : base(profile, view, state, ctx),
    },
  },
  {
    name: 'timestamps-in-seconds',
    operation: 'ListExecutors',
    summary: `${named(factsOf(P).timestamps)} are divided by 1000 (seconds, not milliseconds)`,
    catches: 'data.faithful',
    override: timestampsChanged((v) => Math.floor(v / 1000)),
  },
  {
    name: 'drops-optional-members',
    operation: 'ListExecutors',
    summary: `${named(factsOf(P).optional)} are omitted`,
    catches: 'data.faithful',
    override: { summary: reshaped((facts) => facts.optional.map((m) => [m]), () => undefined) },
  },
  {
    name: 'accepts-out-of-range',
    operation: 'ListExecutors',
    summary: `out-of-range ${P.pageSize} is clamped and answered 200, and an over-long ${P.parent.member} accepted`,
    catches: 'errors.invalid-request',
    override: { validate: () => acceptOutOfRange },
  },
  {
    name: 'validation-as-500',
    operation: 'ListExecutors',
    summary: 'constraint violations are answered 500 InternalServerException',
    catches: 'errors.invalid-request',
    override: {
      error: (base) => (profile, kind, error, ctx) => {
        const e = base(profile, kind, error, ctx);
        return kind === 'request' && e.type === 'InvalidRequestException' ? internalServerException(String(e.body.Message)) : e;
      },
    },
  },
  {
    name: 'plain-text-errors',
    operation: 'ListExecutors',
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
    operation: 'ListExecutors',
    summary: `an unknown ${P.parent.noun} gets 200 with an empty list (as fakecloud does for known ones)`,
    catches: 'errors.unknown-session',
    override: UNKNOWN_PARENT_EMPTY,
  },
  {
    name: 'unknown-session-404',
    operation: 'ListExecutors',
    summary: `an unknown ${P.parent.noun} gets 404 instead of 400`,
    catches: 'errors.unknown-session',
    override: { error: (base) => (profile, kind, error, ctx) => (kind === 'parent' ? { ...base(profile, kind, error, ctx), status: 404 } : base(profile, kind, error, ctx)) },
  },
  {
    name: 'bad-token-500',
    operation: 'ListExecutors',
    summary: 'an unknown or tampered token gets 500 InternalServerException',
    catches: 'errors.invalid-token',
    override: {
      error: (base) => (profile, kind, error, ctx) => (kind === 'token' ? internalServerException(`Unexpected error reading ${profile.token}`) : base(profile, kind, error, ctx)),
    },
  },
  {
    name: 'bad-token-restarts',
    operation: 'ListExecutors',
    summary: 'an unknown or tampered token is read as "from the start" (200)',
    catches: 'errors.invalid-token',
    override: { start: (base) => (profile, after, ctx) => (after < 0 ? 0 : base(profile, after, ctx)) },
  },
  {
    name: 'tokens-not-session-bound',
    operation: 'ListExecutors',
    summary: `tokens are not bound to their ${P.parent.noun}: another ${P.parent.noun}'s token is accepted and gets data`,
    catches: 'errors.invalid-token',
    override: TOKENS_NOT_PARENT_BOUND,
  },
  {
    name: 'offset-tokens',
    operation: 'ListExecutors',
    summary: `tokens are page offsets, so ${NOUN}s inserted at the front during a walk cause duplicates`,
    catches: 'pagination.stable-under-inserts',
    override: {
      token: (base) => (profile, view, page, from, size, ctx) => (from + size < view.length ? `o1:${from + size}` : base(profile, view, page, from, size, ctx)),
      position: (base) => (profile, view, payload, ctx) => {
        const offset = OFFSET_PAYLOAD.exec(payload);
        return offset ? Number(offset[1]) : base(profile, view, payload, ctx);
      },
    },
  },
  {
    name: 'token-invalidated-by-insert',
    operation: 'ListExecutors',
    summary: `any change to a ${P.parent.noun} invalidates its outstanding tokens (400)`,
    catches: 'pagination.stable-under-inserts',
    override: { binding: (base) => (profile, request, ctx) => `${base(profile, request, ctx)}#${ctx.generation(profile, request.parent)}` },
  },
  {
    name: 'no-request-id',
    operation: 'ListExecutors',
    summary: 'error responses carry no x-amzn-RequestId header',
    catches: 'errors.unknown-session',
    override: { wire: onErrors((res) => delete res.headers['x-amzn-requestid']) },
  },
  {
    name: 'start-session-fails',
    operation: null,
    summary: 'StartSession answers 500 InternalServerException',
    catches: null,
    override: { startSession: () => () => internalServerException('StartSession failed (fault start-session-fails)') },
  },
  {
    name: 'session-never-idle',
    operation: null,
    summary: 'a started session stays CREATING forever',
    catches: null,
    override: { poll: () => () => undefined },
  },
  {
    name: 'session-fails',
    operation: null,
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
    operation: null,
    summary: 'the first TerminateSession answers 500, later ones succeed',
    catches: null,
    override: {
      terminate: (base) => (ctx) =>
        ctx.terminateCalls === 1 ? internalServerException('TerminateSession failed (fault terminate-fails-once): retry') : base(ctx),
    },
  },
  {
    name: 'calculation-fails-to-start',
    operation: null,
    summary: 'StartCalculationExecution answers 500 InternalServerException',
    catches: null,
    override: { startCalculation: () => () => internalServerException('StartCalculationExecution failed (fault calculation-fails-to-start)') },
  },
  {
    name: 'calculation-never-completes',
    operation: null,
    summary: 'a calculation runs until it is stopped or its session ends',
    catches: null,
    override: { completion: () => () => undefined },
  },
  {
    name: 'executors-never-start',
    operation: null,
    summary: 'a calculation runs without ever starting an executor',
    catches: null,
    override: { workers: () => () => 0 },
  },
  {
    name: 'stop-calculation-fails-once',
    operation: null,
    summary: 'the first StopCalculationExecution answers 500, later ones succeed',
    catches: null,
    override: {
      stopCalculation: (base) => (ctx) =>
        ctx.stopCalls === 1 ? internalServerException('StopCalculationExecution failed (fault stop-calculation-fails-once): retry') : base(ctx),
    },
  },
  ...familyFaults('ListSessions', 'sessions', 'workgroup', ['Status', 'LastModifiedDateTime']),
  {
    name: 'sessions-active-only',
    operation: 'ListSessions',
    summary: `only ${ACTIVE.join(', ')} sessions are listed, even under a StateFilter of TERMINATED`,
    catches: 'filter.honoured',
    override: { filter: (base) => (profile, view, state, ctx) => base(profile, view.filter((e) => ACTIVE.includes(stateOf(profile, e.item))), state, ctx) },
  },
  ...familyFaults('ListCalculationExecutions', 'calculations', 'session', ['Status', 'CompletionDateTime']),
] as const satisfies readonly Fault[];

/** Every fault entry, in registry order, with its name and `catches` as literal types (a test checks them against the catalogue). */
export const FAULT_REGISTRY = registry;

/** The name of a fault, derived from the registry. */
export type FaultName = (typeof registry)[number]['name'];

function infoByName(): Record<FaultName, FaultInfo> {
  const out = {} as Record<FaultName, FaultInfo>;
  for (const { name, summary, operation, catches } of registry) out[name] = { summary, operation, catches };
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
 * The stages of an emulator with `faults` (those of them that `concerns` keeps: the emulator composes
 * one set per list operation, with the faults of that operation and of none): the overrides of each,
 * applied in registry order whatever order they were given in, so that two faults on one stage always
 * compose the same way.
 */
export function stagesWith(faults: ReadonlySet<FaultName>, concerns: (fault: FaultInfo) => boolean = () => true): EmulatorStages {
  return composeStages(registry.filter((f) => faults.has(f.name) && concerns(f)).map((f) => f.override));
}
