/**
 * A moving target, written for the tests apart from src/emulator and src/model: an endpoint of the
 * whole family (ListExecutors, ListSessions, ListCalculationExecutions; AWS JSON 1.1 over node:http on
 * 127.0.0.1) whose parents churn as a busy service's do: every 100-300 ms (a timer: the target's own
 * behaviour), and after every few list calls (so that a run churns under it however fast the machine
 * answers: a quiet machine may finish a run between two ticks), each parent gains a newest item and
 * one of its items moves a state forward. Items newest
 * first by the profile's ordering key (ties by id), pages of 10 by default, keyset tokens (the last
 * item listed, signed with HMAC and bound to operation, parent and filter), so that no walk sees an
 * item twice however the parent grows. {@link ChurnFault} picks a fault instead: those a moving
 * target shows (offset tokens, a filter listing an item in another state, new items listed last), and
 * cross-walk faults of a parent that holds still (the bracketed laws must still catch those).
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { expect } from 'vitest';
import { verify } from '../../src/app/verify.js';
import type { Report } from '../../src/common/results.js';
import { FAMILY, itemId, orderKeyOf, stateOf, validateFor, type OperationProfile } from '../../src/profiles/index.js';
import { startServer } from './http-server.js';

type Item = Record<string, unknown>;

/**
 * Faults. Of a moving target: `offset-tokens` (a token is an offset, so an item added at the front
 * shifts the walk and one item is listed twice), `other-state` (a filtered page also lists the items
 * that just moved out of the state, in their new state), `new-last` (items added during the run are
 * listed after the others, as if appended to a cached listing). Of a target that holds still (with
 * `still`, or moving too): `filtered-drop` (a filtered walk leaves out the oldest item in its state),
 * `skip-on-one` (a walk with MaxResults 1 never lists one item: the oldest that had ended at the first such walk).
 */
export type ChurnFault = 'offset-tokens' | 'other-state' | 'new-last' | 'filtered-drop' | 'skip-on-one';

/** How the endpoint behaves. */
export interface ChurnOptions {
  fault?: ChurnFault;
  /** Hold still: no timer, nothing comes, goes or changes. @defaultValue false */
  still?: boolean;
  /** Items each parent holds at the start. @defaultValue 12 */
  start?: number;
  /** Seeds the timer's delays and the items it moves. @defaultValue 1 */
  seed?: number;
  /** At most this many list calls (all operations together) go by without a churn: a churn of the calls' own comes after them when the timer made none. @defaultValue 40 */
  churnEvery?: number;
  /**
   * Churn on the calls alone, no timer: how much moves during a walk is then the same on a loaded
   * machine as on a quiet one, where a verdict depends on it (the timer's ticks per walk grow with
   * the load). @defaultValue false
   */
  callsOnly?: boolean;
}

/** A running churning endpoint. */
export interface ChurningEndpoint {
  url: string;
  /** The sessions to read (ListExecutors, ListCalculationExecutions) and the workgroups (ListSessions). */
  sessions: string[];
  workgroups: string[];
  /** Churns so far (the timer's and the calls'): each added an item to every parent and moved one item of each a state forward. */
  ticks(): number;
  /** List calls answered, by operation. */
  calls(operation: string): number;
  close(): Promise<void>;
}

/** Each operation's lifecycle, one step forward at a time. */
const LIFECYCLE: Record<string, readonly string[]> = {
  ListExecutors: ['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED'],
  ListSessions: ['CREATING', 'CREATED', 'IDLE', 'BUSY', 'TERMINATING', 'TERMINATED'],
  ListCalculationExecutions: ['CREATING', 'CREATED', 'QUEUED', 'RUNNING', 'COMPLETED'],
};
const SESSIONS = ['churn-s1', 'churn-s2'];
const WORKGROUPS = ['churn-wg1', 'churn-wg2'];
const PAGE = 10;
const KEY = 'churning-endpoint';
/** 2023-11-29T04:29:27Z: the first item's ordering key, in seconds. */
const T0 = 1_701_232_167;

const mac = (text: string) => createHmac('sha256', KEY).update(text).digest('base64url');
const sign = (value: unknown) => {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(payload)}`;
};

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The value a token signed, or a refusal for one this endpoint never issued. */
function signed(token: string): unknown {
  const [payload, sig = ''] = token.split('.');
  const good = Buffer.from(mac(payload ?? ''));
  if (Buffer.byteLength(sig) !== good.length || !timingSafeEqual(Buffer.from(sig), good)) throw new Refusal('InvalidRequestException', 'Invalid NextToken');
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as unknown;
}

/** One item as the endpoint keeps it. */
interface Held {
  item: Item;
  /** Its index in the lifecycle. */
  step: number;
  /** The state it left last (for `other-state`). */
  left?: string;
  /** Added by the timer (for `new-last`). */
  added: boolean;
}

/** A small deterministic generator (mulberry32), so that a seed gives the same churn. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sets `value` at `path` in `item`, making the objects on the way. */
function setAt(item: Item, path: readonly string[], value: unknown): void {
  let at = item;
  for (const step of path.slice(0, -1)) at = (at[step] ??= {}) as Item;
  at[path[path.length - 1]] = value;
}

/** The `n`th item of a parent: its id, its ordering key (one second newer than the one before) and its state. */
function makeItem(profile: OperationProfile, parent: string, n: number, step: number): Item {
  const item: Item = {};
  setAt(item, [profile.id], `${parent}-${profile.itemNoun}-${String(n).padStart(4, '0')}`);
  setAt(item, profile.orderKey.path, profile.orderKey.unit === 'epoch-millis' ? (T0 + n) * 1000 : T0 + n + 0.25);
  setAt(item, profile.filter.itemPath, LIFECYCLE[profile.operation][step]);
  return item;
}

/** A copy of `item` in lifecycle step `step` (listed items are never changed in place: a page already sent keeps what it said). */
function moved(profile: OperationProfile, item: Item, step: number): Item {
  const copy = structuredClone(item);
  setAt(copy, profile.filter.itemPath, LIFECYCLE[profile.operation][step]);
  return copy;
}

/** Newest first by the ordering key, ties by id. */
function newestFirst(profile: OperationProfile): (a: Held, b: Held) => number {
  return (a, b) => {
    const [x, y] = [orderKeyOf(profile, a.item) ?? 0, orderKeyOf(profile, b.item) ?? 0];
    if (x !== y) return y - x;
    const [i, j] = [itemId(profile, a.item), itemId(profile, b.item)];
    return i < j ? -1 : i > j ? 1 : 0;
  };
}

/** One parent of one operation, and what it holds. */
interface Parent {
  profile: OperationProfile;
  name: string;
  held: Held[];
  next: number;
  /** `skip-on-one`'s item, chosen at its first walk: an ended item never moves again, so it held still between any two walks. */
  skipped?: Held;
}

/** The order a listing takes: newest first, or (`new-last`) the items the timer added after all the others. */
function orderOf(profile: OperationProfile, fault: ChurnFault | undefined): (a: Held, b: Held) => number {
  const byKey = newestFirst(profile);
  return fault === 'new-last' ? (a, b) => Number(a.added) - Number(b.added) || byKey(a, b) : byKey;
}

/** What a list request selects, in the order it is listed. */
function view(parent: Parent, filter: string | undefined, fault: ChurnFault | undefined, pageSize: number | undefined): Held[] {
  const { profile } = parent;
  const state = (h: Held) => stateOf(profile, h.item);
  let shown = parent.held.filter((h) => filter === undefined || state(h) === filter || (fault === 'other-state' && h.left === filter)).sort(orderOf(profile, fault));
  if (fault === 'filtered-drop' && filter !== undefined) shown = shown.slice(0, -1);
  if (fault === 'skip-on-one' && pageSize === 1) {
    // The oldest item that had ended at the first such walk, the same one from then on: whichever item
    // is oldest-ended now would change as older items end, and a skip that moves proves nothing.
    parent.skipped ??= [...shown].reverse().find((h) => h.step === LIFECYCLE[profile.operation].length - 1);
    shown = shown.filter((h) => h !== parent.skipped);
  }
  return shown;
}

/** Where a walk resumes in `shown` after `token`: after the item it names (keyset), or with `offset-tokens` at the offset it names. */
function resume(parent: Parent, filter: string | undefined, token: string, shown: readonly Held[], fault: ChurnFault | undefined): number {
  const value = signed(token);
  const [op, name, f, at] = Array.isArray(value) ? (value as unknown[]) : [];
  if (op !== parent.profile.operation || name !== parent.name || f !== (filter ?? null)) throw new Refusal('InvalidRequestException', 'Invalid NextToken: issued for another request');
  if (fault === 'offset-tokens') return typeof at === 'number' ? at : shown.length;
  const [item, added] = Array.isArray(at) ? (at as [Item, boolean]) : [{}, false];
  const order = orderOf(parent.profile, fault);
  const last: Held = { item, step: 0, added };
  const after = shown.findIndex((h) => order(h, last) > 0);
  return after < 0 ? shown.length : after;
}

function list(parents: Map<string, Parent>, profile: OperationProfile, body: unknown, fault: ChurnFault | undefined): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal('SerializationException', 'the body is not a JSON object');
  const v = validateFor(profile, 'request', body);
  if (!v.ok) throw new Refusal('InvalidRequestException', v.errors.join('; '));
  const b = body as Record<string, unknown>;
  const name = b[profile.parent.member] as string;
  const filter = b[profile.filter.member] as string | undefined;
  const size = b[profile.pageSize] as number | undefined;
  const token = b[profile.token] === '' ? undefined : (b[profile.token] as string | undefined);
  const parent = parents.get(JSON.stringify([profile.operation, name]));
  if (!parent) throw new Refusal('ResourceNotFoundException', `${profile.parent.noun} ${name} not found`);
  const shown = view(parent, filter, fault, size);
  const from = token === undefined ? 0 : resume(parent, filter, token, shown, fault);
  const max = size ?? PAGE;
  const page = shown.slice(from, from + max);
  const answer: Item = { ...(profile.echo ? { [profile.echo]: name } : {}), [profile.items]: page.map((h) => h.item) };
  if (from + max < shown.length) {
    const last = page[page.length - 1];
    const at = fault === 'offset-tokens' ? from + max : [last.item, last.added];
    answer[profile.token] = sign([profile.operation, name, filter ?? null, at]);
  }
  return answer;
}

/** Adds a newest item to `parent` and moves one of its items (not yet at its lifecycle's end) a state forward. */
function churn(parent: Parent, draw: () => number): void {
  const { profile } = parent;
  parent.held.push({ item: makeItem(profile, parent.name, parent.next++, 0), step: 0, added: true });
  const movable = parent.held.filter((h) => h.step < LIFECYCLE[profile.operation].length - 1);
  if (!movable.length) return;
  const h = movable[Math.floor(draw() * movable.length)];
  h.left = LIFECYCLE[profile.operation][h.step];
  h.step++;
  h.item = moved(profile, h.item, h.step);
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts a churning endpoint (its timer runs until `close()`). */
export async function startChurningEndpoint(options: ChurnOptions = {}): Promise<ChurningEndpoint> {
  const draw = random(options.seed ?? 1);
  const parents = new Map<string, Parent>();
  for (const profile of FAMILY)
    for (const name of profile.parent.route === 'workgroups' ? WORKGROUPS : SESSIONS) {
      const steps = LIFECYCLE[profile.operation].length;
      const held = Array.from({ length: options.start ?? 12 }, (_, n) => ({ item: makeItem(profile, name, n, n % steps), step: n % steps, added: false }));
      parents.set(JSON.stringify([profile.operation, name]), { profile, name, held, next: held.length });
    }
  const calls = new Map<string, number>();
  let ticks = 0;
  let timer: NodeJS.Timeout | undefined;
  let sinceChurn = 0;
  const churnAll = () => {
    for (const parent of parents.values()) churn(parent, draw);
    ticks++;
    sinceChurn = 0;
  };
  const tick = () => {
    timer = setTimeout(() => {
      churnAll();
      tick();
    }, 100 + Math.floor(draw() * 200));
  };
  const churnEvery = options.churnEvery ?? 40;
  if (!options.still && !options.callsOnly) tick();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const profile = FAMILY.find((p) => p.amzTarget === req.headers['x-amz-target']);
      if (!profile) return reply(res, 400, { __type: 'UnknownOperationException', Message: `unknown operation ${String(req.headers['x-amz-target'])}` });
      calls.set(profile.operation, (calls.get(profile.operation) ?? 0) + 1);
      if (!options.still && ++sinceChurn >= churnEvery) churnAll();
      try {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString());
        } catch {
          throw new Refusal('SerializationException', 'the body is not JSON');
        }
        reply(res, 200, list(parents, profile, body, options.fault));
      } catch (e) {
        if (!(e instanceof Refusal)) return reply(res, 500, { __type: 'InternalServerException', Message: String(e) });
        reply(res, 400, { __type: e.code, Message: e.message });
      }
    });
  };
  const server = await startServer(handler);
  // Without it, loopback answers wait ~40 ms on Nagle's algorithm, and the parents grow between pages.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  return {
    url: server.url,
    sessions: [...SESSIONS],
    workgroups: [...WORKGROUPS],
    ticks: () => ticks,
    calls: (operation) => calls.get(operation) ?? 0,
    close: () => {
      clearTimeout(timer);
      return server.close();
    },
  };
}

/**
 * The observational catalogue of all three operations against `endpoint` (the verify app in process,
 * as `verify --endpoint URL --session-id ... --workgroup ... --operation all` runs it), reading its
 * first session and first workgroup, with few runs: the boundary cases are most of a run.
 */
export function verifyChurning(endpoint: ChurningEndpoint, seed: number, concurrency?: number): Promise<Report> {
  return verify({ endpoint: endpoint.url, sessionIds: endpoint.sessions.slice(0, 1), workGroups: endpoint.workgroups.slice(0, 1), operations: FAMILY, seed, runs: 3, concurrency, deadlineMs: 120_000 });
}

/** The properties of `report` that neither passed nor were skipped, each with why. */
export function unpassed(report: Report): string[] {
  return report.properties.filter((p) => p.status !== 'passed' && p.status !== 'skipped').map((p) => `${p.operation}/${p.id}: ${p.status} ${JSON.stringify(p.counterexample?.message ?? p.reason ?? '')}`);
}

/** The properties of `report` with a `moving` note, as `Operation/id`. */
export function movingNotes(report: Report): string[] {
  return report.properties.filter((p) => p.warnings.some((w) => w.kind === 'moving')).map((p) => `${p.operation}/${p.id}`);
}

/**
 * Expects a pass of every observational law of all three operations (eight each; the two that need
 * seeding skipped) that says the target moved: changes counted, a note on exactly the properties
 * whose own counts show one, every operation among them, and the run's note.
 */
export function expectMovingPass(report: Report, endpoint: ChurningEndpoint, label: string): void {
  expect(unpassed(report), label).toEqual([]);
  expect(report.summary, label).toEqual({ passed: 24, failed: 0, skipped: 6, inconclusive: 0 });
  expect(endpoint.ticks(), label).toBeGreaterThan(0);
  const moving = report.coverage?.moving;
  expect(!!moving && moving.came > 0 && moving.changed > 0, `${label}: ${JSON.stringify(moving)}`).toBe(true);
  const note = report.warnings.find((w) => w.kind === 'moving');
  expect(note?.message, label).toMatch(/^the target moved during the run: \d+ came, \d+ went, \d+ changed state \(seen by .+\); cross-walk conclusions were limited to items that held still between walks$/);
  for (const operation of FAMILY.map((p) => p.operation)) expect(movingNotes(report).some((k) => k.startsWith(`${operation}/`)), `${label}: ${operation}`).toBe(true);
  for (const p of report.properties) {
    const m = p.coverage?.moving;
    expect(p.warnings.some((w) => w.kind === 'moving'), `${label}: ${p.operation}/${p.id}`).toBe(!!m && m.came + m.went + m.changed > 0);
  }
}
