/**
 * An endpoint of the whole family (ListExecutors, ListSessions, ListCalculationExecutions), written
 * for the tests apart from src/emulator and src/model: AWS JSON 1.1 over node:http on 127.0.0.1 (a
 * free port) and, the same answers, handed over in process through `send`; the seeding routes of
 * API.md (`PUT|DELETE /_contract/sessions/{id}` with `{executors, calculations}`, `PUT|DELETE
 * /_contract/workgroups/{name}` with `{sessions}`), items newest first by the profile's ordering key,
 * ties by id, items without a key last, pages of 10 by default, keyset tokens (the last item listed)
 * signed with HMAC and bound to parent and filter. One endpoint, its behaviour chosen by
 * {@link FamilyBehaviour}, serves every variant the tests need: legal readings and the faults each
 * law must catch.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAMILY, itemId, orderKeyOf, stateOf, validateFor, valueAt, type OperationProfile } from '../../src/profiles/index.js';
import type { Send } from '../../src/targets/send.js';
import { normalizeHeaders, type WireRequest, type WireResponse } from '../../src/wire/exchange.js';

type Item = Record<string, unknown>;

/** How the endpoint departs from the plainest correct reading; every member absent is that reading. */
export interface FamilyBehaviour {
  /** Legal: an unfiltered ListSessions lists only CREATING, CREATED, IDLE and BUSY sessions. */
  activeOnly?: boolean;
  /** Legal either way: the error an unknown parent gets. @defaultValue 'ResourceNotFoundException' */
  unknownParent?: 'ResourceNotFoundException' | 'InvalidRequestException';
  /** Faults: sorted by id ascending (as fakecloud and gopherstack do), or newest first by another timestamp than the ordering key. */
  order?: 'id-ascending' | 'wrong-timestamp';
  /** Faults of the epoch-seconds operations: every timestamp sent as an ISO-8601 string, or in epoch milliseconds. */
  timestamps?: 'iso' | 'millis';
  /** Fault: an item with an empty id is taken by the seeding route and never listed. */
  dropEmptyIds?: boolean;
  /** Fault (with `activeOnly`): an unfiltered ListSessions leaves out IDLE sessions whose id sorts after "8": inconsistent. */
  someIdle?: boolean;
  /**
   * Where items without the ordering key go: last (the default), first (legal), or (a fault) among the
   * others, as if at 2024-12-31T23:59:58.5Z, inside the boundary cases' ties.
   */
  keyless?: 'first' | 'middle';
  /** Fault: `StateFilter` TERMINATED lists nothing (as if ended items were gone). */
  hideEnded?: boolean;
}

/** A running endpoint. */
export interface FamilyEndpoint {
  url: string;
  /**
   * The same answers, seeding routes included, handed over in process, no socket: the catalogue's runs
   * are thousands of calls, and over loopback HTTP most of their time went to the sockets.
   */
  send: Send;
  /** List calls answered per operation. */
  calls(operation: string): number;
  close(): Promise<void>;
}

/** What the endpoint holds from the start (observational runs read it). */
export interface FamilyHolding {
  sessions?: Record<string, { executors?: Item[]; calculations?: Item[] }>;
  workgroups?: Record<string, Item[]>;
}

/** The other timestamp a `wrong-timestamp` endpoint sorts by. */
const WRONG_KEY: Record<string, readonly string[]> = {
  ListExecutors: ['TerminationDateTime'],
  ListSessions: ['Status', 'LastModifiedDateTime'],
  ListCalculationExecutions: ['Status', 'CompletionDateTime'],
};
/** The timestamp members of the epoch-seconds operations' statuses. */
const TIMESTAMPS = ['StartDateTime', 'LastModifiedDateTime', 'EndDateTime', 'IdleSinceDateTime', 'SubmissionDateTime', 'CompletionDateTime'];
const ACTIVE = ['CREATING', 'CREATED', 'IDLE', 'BUSY'];
const PAGE = 10;
const KEY = 'family-endpoint';

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const mac = (text: string) => createHmac('sha256', KEY).update(text).digest('base64url');

/** Where the endpoint keeps each operation's parents: a session's executors and calculations, a workgroup's sessions. */
interface Store {
  sessions: Map<string, { executors: Item[]; calculations: Item[] }>;
  workgroups: Map<string, Item[]>;
}

function itemsOfParent(store: Store, profile: OperationProfile, parent: string): Item[] | undefined {
  if (profile.parent.route === 'workgroups') return store.workgroups.get(parent);
  const session = store.sessions.get(parent);
  return session && (profile.parent.seedMember === 'calculations' ? session.calculations : session.executors);
}

function orderOf(profile: OperationProfile, behaviour: FamilyBehaviour): (a: Item, b: Item) => number {
  const byId = (a: Item, b: Item) => (itemId(profile, a) < itemId(profile, b) ? -1 : itemId(profile, a) > itemId(profile, b) ? 1 : 0);
  if (behaviour.order === 'id-ascending') return byId;
  const key = (e: Item) => {
    const v = behaviour.order === 'wrong-timestamp' ? valueAt(e, WRONG_KEY[profile.operation]) : orderKeyOf(profile, e);
    if (typeof v === 'number') return v;
    if (behaviour.keyless === 'first') return Number.POSITIVE_INFINITY;
    return behaviour.keyless === 'middle' ? (Date.UTC(2025, 0, 1) - 1500) / (profile.orderKey.unit === 'epoch-seconds' ? 1000 : 1) : undefined;
  };
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : y - x;
    return byId(a, b);
  };
}

/** The paths an order reads: the id, the ordering key, the other timestamp. */
const sortPaths = (profile: OperationProfile): (readonly string[])[] => [[profile.id], profile.orderKey.path, WRONG_KEY[profile.operation]];

/** A keyset token: parent, filter, operation, and what the order reads of the last item listed. */
function token(parent: string, filter: string | undefined, last: Item, profile: OperationProfile): string {
  const payload = Buffer.from(JSON.stringify([parent, filter ?? null, profile.operation, sortPaths(profile).map((path) => valueAt(last, path) ?? null)])).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

/** An item holding only what the order reads, from a token's values. */
function sortItem(profile: OperationProfile, values: readonly unknown[]): Item {
  const item: Item = {};
  for (const [i, path] of sortPaths(profile).entries()) {
    if (values[i] === null) continue;
    let at = item;
    for (const step of path.slice(0, -1)) at = (at[step] ??= {}) as Item;
    at[path[path.length - 1]] = values[i];
  }
  return item;
}

function resume(value: string, parent: string, filter: string | undefined, view: readonly Item[], order: (a: Item, b: Item) => number, profile: OperationProfile): number {
  const [payload, sig = ''] = value.split('.');
  const good = Buffer.from(mac(payload));
  if (Buffer.byteLength(sig) !== good.length || !timingSafeEqual(Buffer.from(sig), good)) throw new Refusal('InvalidRequestException', 'Invalid NextToken');
  const [p, f, op, values] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string | null, string, unknown[]];
  if (p !== parent || f !== (filter ?? null) || op !== profile.operation) throw new Refusal('InvalidRequestException', 'Invalid NextToken: issued for another request');
  const last = sortItem(profile, values);
  const after = view.findIndex((e) => order(e, last) > 0);
  return after < 0 ? view.length : after;
}

/** Seconds as an ISO-8601 string, or as epoch milliseconds, as the faulty behaviours send them. */
function retimed(item: Item, how: FamilyBehaviour['timestamps']): Item {
  if (how === undefined || typeof item.Status !== 'object' || item.Status === null) return item;
  const status: Item = { ...(item.Status as Item) };
  for (const m of TIMESTAMPS) {
    const v = status[m];
    if (typeof v === 'number') status[m] = how === 'iso' ? new Date(v * 1000).toISOString() : Math.round(v * 1000);
  }
  return { ...item, Status: status };
}

function list(store: Store, profile: OperationProfile, body: unknown, behaviour: FamilyBehaviour): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal('SerializationException', 'the body is not a JSON object');
  const v = validateFor(profile, 'request', body);
  if (!v.ok) throw new Refusal('InvalidRequestException', v.errors.join('; '));
  const b = body as Record<string, unknown>;
  const parent = b[profile.parent.member] as string;
  const filter = b[profile.filter.member] as string | undefined;
  const max = (b[profile.pageSize] as number | undefined) ?? PAGE;
  const next = b[profile.token] === '' ? undefined : (b[profile.token] as string | undefined);
  const items = itemsOfParent(store, profile, parent);
  if (!items) throw new Refusal(behaviour.unknownParent ?? 'ResourceNotFoundException', `${profile.parent.noun} ${parent} not found`);
  const order = orderOf(profile, behaviour);
  const shown = (e: Item): boolean => {
    if (behaviour.dropEmptyIds && itemId(profile, e) === '') return false;
    if (behaviour.hideEnded && filter === 'TERMINATED') return false;
    if (filter !== undefined) return stateOf(profile, e) === filter;
    if (!behaviour.activeOnly || profile.activeOnly === undefined) return true;
    const state = stateOf(profile, e);
    if (behaviour.someIdle && state === 'IDLE' && itemId(profile, e) > '8') return false;
    return typeof state === 'string' && ACTIVE.includes(state);
  };
  const view = items.filter(shown).sort(order);
  const from = next === undefined ? 0 : resume(next, parent, filter, view, order, profile);
  const page = view.slice(from, from + max).map((e) => (profile.orderKey.unit === 'epoch-seconds' ? retimed(e, behaviour.timestamps) : e));
  const answer: Record<string, unknown> = { ...(profile.echo ? { [profile.echo]: parent } : {}), [profile.items]: page };
  if (from + max < view.length) answer[profile.token] = token(parent, filter, view[from + max - 1], profile);
  return answer;
}

/** An answer in AWS JSON 1.1, `body` absent for the seeding routes' 204. */
function answer(status: number, body?: unknown): WireResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': String(Buffer.byteLength(text)) }, body: text };
}

function seed(store: Store, request: WireRequest): number {
  const [, , route, raw] = request.path.split('/');
  const id = decodeURIComponent(raw ?? '');
  const body = request.method === 'PUT' ? (JSON.parse(request.body || '{}') as { executors?: Item[]; calculations?: Item[]; sessions?: Item[] }) : {};
  if (route === 'workgroups') {
    if (request.method === 'DELETE') store.workgroups.delete(id);
    else store.workgroups.set(id, body.sessions ?? []);
    return 204;
  }
  if (route !== 'sessions') return 404;
  if (request.method === 'DELETE') store.sessions.delete(id);
  else store.sessions.set(id, { executors: body.executors ?? [], calculations: body.calculations ?? [] });
  return 204;
}

/** Starts the endpoint with `behaviour`, holding `holding` from the start. */
export async function startFamilyEndpoint(behaviour: FamilyBehaviour = {}, holding: FamilyHolding = {}): Promise<FamilyEndpoint> {
  const store: Store = {
    sessions: new Map(Object.entries(holding.sessions ?? {}).map(([k, v]) => [k, { executors: [...(v.executors ?? [])], calculations: [...(v.calculations ?? [])] }])),
    workgroups: new Map(Object.entries(holding.workgroups ?? {}).map(([k, v]) => [k, [...v]])),
  };
  const calls = new Map<string, number>();
  // One answer per request, whether it came over HTTP or was handed over in process (`send`).
  const answerOf = (request: WireRequest): WireResponse => {
    if (request.path.startsWith('/_contract/')) return answer(seed(store, request));
    const target = request.headers['x-amz-target'];
    const profile = FAMILY.find((p) => p.amzTarget === target);
    if (!profile) return answer(400, { __type: 'UnknownOperationException', Message: `unknown operation ${String(target)}` });
    calls.set(profile.operation, (calls.get(profile.operation) ?? 0) + 1);
    try {
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch {
        throw new Refusal('SerializationException', 'the body is not JSON');
      }
      return answer(200, list(store, profile, body, behaviour));
    } catch (e) {
      if (!(e instanceof Refusal)) return answer(500, { __type: 'InternalServerException', Message: String(e) });
      return answer(400, { __type: e.code, Message: e.message });
    }
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { status, headers, body } = answerOf({ method: req.method ?? 'GET', path: req.url ?? '/', headers: normalizeHeaders(req.headers), body: Buffer.concat(chunks).toString() });
      res.writeHead(status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    send: async (request) => answerOf(request),
    calls: (operation) => calls.get(operation) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
