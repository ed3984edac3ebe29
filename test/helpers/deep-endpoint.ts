/**
 * An endpoint holding one deep parent (thousands of items) of one operation of the family, written for
 * the sampled-walk tests apart from src/emulator: AWS JSON 1.1 over node:http on 127.0.0.1, items kept
 * in the order given (the test sorts them newest first), keyset tokens naming the last item listed,
 * signed, bound to parent and filter, and (the plain reading) taken under any page size. Each answer
 * is a slice found through an index, so a 5,000-item parent answers as fast as a small one. Its
 * behaviour is chosen by {@link DeepBehaviour}: the legal refusal of a token issued under another page
 * size, a fault at one page boundary, and faults at one page boundary of a filtered listing. {@link runDeep}
 * runs laws against one, observationally.
 */
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Report } from '../../src/common/results.js';
import { runContract } from '../../src/contract/run-contract.js';
import { itemId, LIST_EXECUTORS, stateOf, validateFor, type OperationProfile } from '../../src/profiles/index.js';
import type { Send } from '../../src/targets/send.js';
import { inProcessTarget } from './in-process-target.js';

type Item = Record<string, unknown>;

/** How the endpoint departs from the plain correct reading (every member absent). */
export interface DeepBehaviour {
  /** Legal: a token is taken only under the page size it was issued under (InvalidRequestException otherwise). */
  refuseForeignTokens?: boolean;
  /** Fault: the page that begins right after the item at this position (1-based) lists that item again. */
  repeatAfter?: number;
  /** A moving parent: every this many list calls, a newest item comes at the front and the oldest item still in its first state takes the next. */
  moveEvery?: number;
  /** Fault: with a state filter, the page that begins right after the filtered listing's item at this position (1-based) skips the item it should begin with. */
  filterSkipAfter?: number;
  /** Fault: with a state filter, the page that begins right after the filtered listing's item at this position (1-based) lists its first item in another state. */
  filterForeignAfter?: number;
}

/** A running endpoint. */
export interface DeepEndpoint {
  url: string;
  /**
   * The same answers handed over in process, no socket: the deep parents' walks are thousands of
   * calls, and over loopback HTTP most of a test's time went to the sockets, not to the laws.
   */
  send: Send;
  /** List calls answered (all answers). */
  calls(): number;
  /** Calls refused with InvalidRequestException for a token issued under another page size. */
  refusals(): number;
  close(): Promise<void>;
}

const PAGE = 10;
const mac = (text: string) => createHmac('sha256', 'deep-endpoint').update(text).digest('base64url');

/** `item` with `value` at `path` (a nested member copied, not changed in place: the view's items stay as held). */
function withValueAt(item: Item, path: readonly string[], value: unknown): Item {
  const [head, ...rest] = path;
  return { ...item, [head]: rest.length ? withValueAt((item[head] ?? {}) as Item, rest, value) : value };
}

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts an endpoint serving `profile`'s operation over `parent`, which holds `items` in the order listed. */
export async function startDeepEndpoint(profile: OperationProfile, parent: string, items: readonly Item[], behaviour: DeepBehaviour = {}): Promise<DeepEndpoint> {
  const held = [...items];
  // Per filter (null: unfiltered): the items shown, and each one's position (forgotten when the parent moves).
  const views = new Map<string | null, { items: Item[]; at: Map<string, number> }>();
  let came = 0;
  const move = () => {
    const newest = held[0];
    came++;
    held.unshift({ ...newest, ExecutorId: `new-${String(came).padStart(5, '0')}`, StartDateTime: (newest.StartDateTime as number) + 1000, ExecutorState: profile.states[0] });
    let i = held.length - 1;
    while (i > 0 && stateOf(profile, held[i]) !== profile.states[0]) i--;
    if (i > 0) held[i] = { ...held[i], ExecutorState: profile.states[1] };
    views.clear();
  };
  const viewOf = (filter: string | undefined) => {
    let v = views.get(filter ?? null);
    if (!v) {
      const shown = filter === undefined ? [...held] : held.filter((e) => stateOf(profile, e) === filter);
      views.set(filter ?? null, (v = { items: shown, at: new Map(shown.map((e, i) => [itemId(profile, e), i])) }));
    }
    return v;
  };
  let calls = 0;
  let refusals = 0;
  const list = (body: Record<string, unknown>): unknown => {
    const v = validateFor(profile, 'request', body);
    if (!v.ok) throw new Refusal('InvalidRequestException', v.errors.join('; '));
    const asked = body[profile.parent.member];
    if (asked !== parent) throw new Refusal('ResourceNotFoundException', `${profile.parent.noun} ${String(asked)} not found`);
    const filter = body[profile.filter.member] as string | undefined;
    const max = (body[profile.pageSize] as number | undefined) ?? PAGE;
    if (!Number.isInteger(max) || max < profile.pageBounds.min || max > profile.pageBounds.max) throw new Refusal('InvalidRequestException', `${profile.pageSize} out of range`);
    const view = viewOf(filter);
    let from = 0;
    const next = body[profile.token];
    if (typeof next === 'string' && next !== '') {
      const [payload, sig] = next.split('.');
      if (sig !== mac(payload)) throw new Refusal('InvalidRequestException', 'Invalid NextToken');
      const [p, f, size, last] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string | null, number, string];
      if (p !== parent || f !== (filter ?? null)) throw new Refusal('InvalidRequestException', 'Invalid NextToken: issued for another request');
      if (behaviour.refuseForeignTokens && size !== max) {
        refusals++;
        throw new Refusal('InvalidRequestException', `Invalid NextToken: issued under ${profile.pageSize} ${size}`);
      }
      const i = view.at.get(last);
      if (i === undefined) throw new Refusal('InvalidRequestException', 'Invalid NextToken');
      from = i + 1;
      // The fault: resuming right after the item at `repeatAfter` starts at that item again.
      if (behaviour.repeatAfter !== undefined && filter === undefined && i + 1 === behaviour.repeatAfter) from = i;
      // The filtered faults: resuming right after the filtered item at `filterSkipAfter` starts one item late.
      if (behaviour.filterSkipAfter !== undefined && filter !== undefined && i + 1 === behaviour.filterSkipAfter) from = i + 2;
    }
    const page = view.items.slice(from, from + max);
    // Its first item in the next state of the profile's: the token still names it, so the walk goes on.
    if (behaviour.filterForeignAfter !== undefined && filter !== undefined && from === behaviour.filterForeignAfter && page.length > 0) {
      const other = profile.states[(profile.states.indexOf(filter) + 1) % profile.states.length];
      page[0] = withValueAt(page[0], profile.filter.itemPath, other);
    }
    const answer: Record<string, unknown> = { ...(profile.echo ? { [profile.echo]: parent } : {}), [profile.items]: page };
    if (from + max < view.items.length) {
      const payload = Buffer.from(JSON.stringify([parent, filter ?? null, max, itemId(profile, page[page.length - 1])])).toString('base64url');
      answer[profile.token] = `${payload}.${mac(payload)}`;
    }
    return answer;
  };
  // One answer per request, whether it came over HTTP or was handed over in process (`send`).
  const answerOf = (amzTarget: string | undefined, text: string): { status: number; body: unknown } => {
    if (amzTarget !== profile.amzTarget) return { status: 400, body: { __type: 'UnknownOperationException', Message: 'unknown operation' } };
    calls++;
    if (behaviour.moveEvery !== undefined && calls % behaviour.moveEvery === 0) move();
    try {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Refusal('SerializationException', 'the body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal('SerializationException', 'the body is not a JSON object');
      return { status: 200, body: list(body as Record<string, unknown>) };
    } catch (e) {
      if (e instanceof Refusal) return { status: 400, body: { __type: e.code, Message: e.message } };
      return { status: 500, body: { __type: 'InternalServerException', Message: String(e) } };
    }
  };
  const headersOf = (text: string) => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': String(Buffer.byteLength(text)) });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const header = req.headers['x-amz-target'];
      const { status, body } = answerOf(typeof header === 'string' ? header : undefined, Buffer.concat(chunks).toString());
      const text = JSON.stringify(body);
      res.writeHead(status, headersOf(text));
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    send: async (request) => {
      const { status, body } = answerOf(request.headers['x-amz-target'], request.body);
      const text = JSON.stringify(body);
      return { status, headers: headersOf(text), body: text };
    },
    calls: () => calls,
    refusals: () => refusals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * `n` executors newest first, one second apart, their states in turn; with `tieAfter`, the executor
 * after that one (1-based) shares its StartDateTime (a tie, where keyset pagination breaks).
 */
export function deepExecutors(n: number, tieAfter?: number): Record<string, unknown>[] {
  const t = 1_701_234_567_000;
  return Array.from({ length: n }, (_, i) => ({
    ExecutorId: `ex-${String(i + 1).padStart(5, '0')}`,
    ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
    StartDateTime: t - i * 1000 + (i === tieAfter ? 1000 : 0),
    ExecutorState: LIST_EXECUTORS.states[i % LIST_EXECUTORS.states.length],
  }));
}

/** What {@link runDeep} runs: laws, seed and runs, and optionally a call budget. */
export interface DeepRun {
  only: string[];
  seed: number;
  runs: number;
  maxCalls?: number;
  /** A counterexample's path to replay (its run only). */
  path?: string;
}

/**
 * Runs `run.only` observationally against a fresh endpoint holding `items` under `parent` with
 * `behaviour`; the endpoint goes into `open`, for the test file to close after each test.
 */
export async function runDeep(open: DeepEndpoint[], parent: string, items: readonly Item[], behaviour: DeepBehaviour, run: DeepRun): Promise<{ report: Report; endpoint: DeepEndpoint }> {
  const endpoint = await startDeepEndpoint(LIST_EXECUTORS, parent, items, behaviour);
  open.push(endpoint);
  const target = inProcessTarget(endpoint);
  try {
    const report = await runContract({ target, mode: 'observational', profile: LIST_EXECUTORS, sessions: [parent], seed: run.seed, runs: run.runs, only: run.only, deadlineMs: 120_000, shrinkBudgetMs: 1, ...(run.maxCalls ? { maxCalls: run.maxCalls } : {}), ...(run.path ? { path: run.path } : {}) });
    return { report, endpoint };
  } finally {
    await target.close();
  }
}
