/**
 * An endpoint serving the family's three list operations (ListExecutors, ListSessions,
 * ListCalculationExecutions), written for the tests of one run over several operations, apart from
 * src/emulator and src/model: AWS JSON 1.1 over node:http on 127.0.0.1 (a free port), each operation
 * read through its profile (its members, bounds, states, ordering key). Items newest first by the
 * profile's ordering key, items without one last, ties in a stable order (by a hash of the item);
 * a state filter on the profile's state path; pages of 10 by default; keyset tokens (the last item
 * listed) signed with HMAC and bound to the operation, the parent and the filter; an unfiltered
 * ListSessions lists every session. The seeding routes as API.md pins them: `PUT|DELETE
 * /_contract/sessions/{id}` with `{executors, calculations}` (an absent member is none) and `PUT|DELETE
 * /_contract/workgroups/{name}` with `{sessions}`. Correct unless `fault` names a deviation of one
 * operation: `oldest-first` (the order reversed).
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAMILY, valueAt, type OperationProfile } from '../../src/profiles/index.js';

type Item = Record<string, unknown>;

/** A deviation of one operation. */
export interface FamilyFault {
  operation: string;
  kind: 'oldest-first';
}

/** What the endpoint holds: each session's executors and calculations, each workgroup's sessions. */
export interface FamilyState {
  sessions?: Record<string, { executors?: Item[]; calculations?: Item[] }>;
  workgroups?: Record<string, Item[]>;
}

/** A running endpoint. */
export interface FamilyEndpoint {
  url: string;
  /** List calls answered, by operation. */
  calls(): Record<string, number>;
  close(): Promise<void>;
}

const KEY = 'family-endpoint';
const PAGE = 10;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);
const mac = (text: string) => createHmac('sha256', KEY).update(text).digest('base64url');

/** An item's place in the order: its ordering key (undefined: none) and a stable tie-break. */
interface Place {
  key: number | undefined;
  tie: string;
}

function placeOf(profile: OperationProfile, item: Item): Place {
  const key = valueAt(item, profile.orderKey.path);
  return { key: typeof key === 'number' ? key : undefined, tie: hash(JSON.stringify(item)) };
}

/** Newest first, items without a key last, ties by the hash. */
function compare(a: Place, b: Place): number {
  if (a.key !== b.key) return a.key === undefined ? 1 : b.key === undefined ? -1 : b.key - a.key;
  return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0;
}

function token(profile: OperationProfile, parent: string, filter: string | undefined, last: Place): string {
  const payload = Buffer.from(JSON.stringify([profile.operation, hash(parent), filter ?? null, last.key ?? null, last.tie])).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

/** The index just after the item a token names, when it was issued for this operation, parent and filter. */
function resume(profile: OperationProfile, value: string, parent: string, filter: string | undefined, view: readonly Place[], order: (a: Place, b: Place) => number): number {
  const [payload, sig = ''] = value.split('.');
  const good = Buffer.from(mac(payload));
  if (Buffer.byteLength(sig) !== good.length || !timingSafeEqual(Buffer.from(sig), good)) throw new Refusal(400, 'InvalidRequestException', 'Invalid NextToken');
  const [operation, p, f, key, tie] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string, string | null, number | null, string];
  if (operation !== profile.operation || p !== hash(parent) || f !== (filter ?? null)) throw new Refusal(400, 'InvalidRequestException', 'Invalid NextToken: issued for another call');
  const last: Place = { key: key ?? undefined, tie };
  const after = view.findIndex((w) => order(w, last) > 0);
  return after < 0 ? view.length : after;
}

const length = (s: string) => [...s].length;

/** The request's parts, or a refusal as AWS words it. */
function check(profile: OperationProfile, body: unknown): { parent: string; filter?: string; max: number; next?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal(400, 'SerializationException', 'the body is not a JSON object');
  const b = body as Record<string, unknown>;
  const [parentName, filterName, pageName, tokenName] = [profile.parent.member, profile.filter.member, profile.pageSize, profile.token];
  const wrongType = (name: string, type: string) => b[name] !== undefined && b[name] !== null && typeof b[name] !== type;
  if (wrongType(parentName, 'string') || wrongType(filterName, 'string') || wrongType(tokenName, 'string') || wrongType(pageName, 'number')) throw new Refusal(400, 'SerializationException', 'a member has the wrong JSON type');
  const problems: string[] = [];
  const facts = profile.parentFacts;
  const parent = (b[parentName] ?? undefined) as string | undefined;
  if (parent === undefined) problems.push(`${parentName} must not be null`);
  else if (length(parent) < (facts.minLength ?? 0) || length(parent) > (facts.maxLength ?? Infinity) || (facts.pattern !== undefined && !new RegExp(facts.pattern, 'u').test(parent))) problems.push(`${parentName} fails its constraints`);
  const filter = (b[filterName] ?? undefined) as string | undefined;
  if (filter !== undefined && !profile.states.includes(filter)) problems.push(`${filterName} is not a state`);
  const max = (b[pageName] ?? undefined) as number | undefined;
  if (max !== undefined && (!Number.isInteger(max) || max < profile.pageBounds.min || max > profile.pageBounds.max)) problems.push(`${pageName} must be ${profile.pageBounds.min}..${profile.pageBounds.max}`);
  const next = (b[tokenName] ?? undefined) as string | undefined;
  if (next !== undefined && length(next) > profile.tokenMax) problems.push(`${tokenName} is too long`);
  if (problems.length) throw new Refusal(400, 'InvalidRequestException', problems.join('; '));
  return { parent: parent as string, filter, max: max ?? PAGE, next: next === '' ? undefined : next };
}

/** The endpoint's data as the seeding routes keep it. */
class Store {
  readonly sessions = new Map<string, { executors: Item[]; calculations: Item[] }>();
  readonly workgroups = new Map<string, Item[]>();

  /** The items of `parent` that `profile`'s operation lists, undefined for an unknown parent. */
  itemsOf(profile: OperationProfile, parent: string): Item[] | undefined {
    if (profile.parent.route === 'workgroups') return this.workgroups.get(parent);
    const session = this.sessions.get(parent);
    return session && (profile.parent.seedMember === 'calculations' ? session.calculations : session.executors);
  }

  seed(method: string, url: string, text: string): number {
    const [, , route, encoded] = url.split('/');
    const id = decodeURIComponent(encoded ?? '');
    const body = method === 'PUT' ? (JSON.parse(text || '{}') as Record<string, Item[] | undefined>) : {};
    if (route === 'sessions') {
      if (method === 'DELETE') this.sessions.delete(id);
      else this.sessions.set(id, { executors: body.executors ?? [], calculations: body.calculations ?? [] });
      return 204;
    }
    if (route === 'workgroups') {
      if (method === 'DELETE') this.workgroups.delete(id);
      else this.workgroups.set(id, body.sessions ?? []);
      return 204;
    }
    return 404;
  }
}

function list(store: Store, profile: OperationProfile, body: unknown, fault: FamilyFault | undefined): unknown {
  const { parent, filter, max, next } = check(profile, body);
  const items = store.itemsOf(profile, parent);
  if (!items) throw new Refusal(400, 'ResourceNotFoundException', `${profile.parent.noun} ${parent} not found`);
  const order = fault?.operation === profile.operation ? (a: Place, b: Place) => compare(b, a) : compare;
  const view = items
    .filter((i) => filter === undefined || valueAt(i, profile.filter.itemPath) === filter)
    .map((item) => ({ item, ...placeOf(profile, item) }))
    .sort(order);
  const from = next === undefined ? 0 : resume(profile, next, parent, filter, view, order);
  const page = view.slice(from, from + max).map((p) => p.item);
  const echo = profile.echo ? { [profile.echo]: parent } : {};
  return from + max < view.length ? { ...echo, [profile.items]: page, [profile.token]: token(profile, parent, filter, view[from + max - 1]) } : { ...echo, [profile.items]: page };
}

function answer(res: http.ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the endpoint holding `state` from the start (observational runs read it). */
export async function startFamilyEndpoint(options: { fault?: FamilyFault; state?: FamilyState } = {}): Promise<FamilyEndpoint> {
  const store = new Store();
  for (const [id, s] of Object.entries(options.state?.sessions ?? {})) store.sessions.set(id, { executors: [...(s.executors ?? [])], calculations: [...(s.calculations ?? [])] });
  for (const [name, sessions] of Object.entries(options.state?.workgroups ?? {})) store.workgroups.set(name, [...sessions]);
  const calls: Record<string, number> = {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      if ((req.url ?? '').startsWith('/_contract/')) return answer(res, store.seed(req.method ?? '', req.url ?? '', text));
      const profile = FAMILY.find((p) => p.amzTarget === req.headers['x-amz-target']);
      if (!profile) return answer(res, 400, { __type: 'UnknownOperationException', Message: `unknown operation ${String(req.headers['x-amz-target'])}` });
      calls[profile.operation] = (calls[profile.operation] ?? 0) + 1;
      try {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new Refusal(400, 'SerializationException', 'the body is not JSON');
        }
        answer(res, 200, list(store, profile, body, options.fault));
      } catch (e) {
        if (!(e instanceof Refusal)) return answer(res, 500, { __type: 'InternalServerException', Message: String(e) });
        answer(res, e.status, { __type: e.code, Message: e.message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => ({ ...calls }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
