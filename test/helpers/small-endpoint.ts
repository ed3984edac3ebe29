/**
 * A small ListExecutors endpoint written for the tests, apart from src/emulator and src/model: AWS
 * JSON 1.1 over node:http on 127.0.0.1 (a free port), the seeding routes, and a tiny in-memory store.
 * Its readings where the contract is silent: pages of 10 by default, server-side random tokens over a
 * keyset (newest first, ties by ExecutorId, executors without StartDateTime last), bound to session
 * and filter; `""` as a token means "from the start"; an unknown session is ResourceNotFoundException;
 * a wrong JSON type is SerializationException. `intercept` answers in the operation's place (to
 * throttle, or fail transiently), and `requests` logs every request with its arrival time.
 */
import { randomUUID } from 'node:crypto';
import { startServer } from './http-server.js';

/** An answer of the endpoint. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** One request the endpoint received. */
export interface Received {
  /** performance.now() on arrival. */
  at: number;
  method: string;
  path: string;
  body: string;
}

/** Options of {@link startSmallEndpoint}. */
export interface SmallEndpointOptions {
  /** Sessions present from the start (for observational mode). */
  sessions?: Record<string, readonly Record<string, unknown>[]>;
  /** Called for the n-th ListExecutors request (from 0): an answer here replaces the operation's. */
  intercept?: (n: number, body: string) => Answer | undefined;
}

/** A running endpoint. */
export interface SmallEndpoint {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

const STATES = ['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED'];
const SEED_PREFIX = '/_contract/sessions/';
type Key = [number, number, string, number];

class Fault extends Error {
  constructor(readonly code: string, message: string, readonly members: Record<string, unknown> = {}) {
    super(message);
  }
}

const invalid = (message: string) => new Fault('InvalidRequestException', message, { AthenaErrorCode: 'INVALID_INPUT' });
const codePoints = (s: string) => [...s].length;

function compare(a: Key, b: Key): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** Each executor with its place in the total order, sorted. */
function ordered(executors: readonly Record<string, unknown>[]): { key: Key; e: Record<string, unknown> }[] {
  const dups = new Map<string, number>();
  const keyed = executors.map((e) => {
    const start = typeof e.StartDateTime === 'number' ? e.StartDateTime : undefined;
    const id = typeof e.ExecutorId === 'string' ? e.ExecutorId : JSON.stringify(e.ExecutorId);
    const tie = `${start}\u0000${id}`;
    dups.set(tie, (dups.get(tie) ?? -1) + 1);
    return { key: [start === undefined ? 1 : 0, start === undefined ? 0 : -start, id, dups.get(tie)!] as Key, e };
  });
  return keyed.sort((a, b) => compare(a.key, b.key));
}

/** The request's members, type-checked; a wrong JSON type is SerializationException. */
function readRequest(body: string): { sid: string; max?: number; filter?: string; token?: string } {
  let req: unknown;
  try {
    req = JSON.parse(body || '{}');
  } catch {
    throw new Fault('SerializationException', 'the body is not JSON');
  }
  if (typeof req !== 'object' || req === null || Array.isArray(req)) throw new Fault('SerializationException', 'the body is not a JSON object');
  const r = Object.fromEntries(Object.entries(req).filter(([, v]) => v !== null)) as Record<string, unknown>;
  for (const m of ['SessionId', 'ExecutorStateFilter', 'NextToken'])
    if (r[m] !== undefined && typeof r[m] !== 'string') throw new Fault('SerializationException', `${m} is not a string`);
  const max = r.MaxResults;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || Math.abs(max) > 2 ** 31))
    throw new Fault('SerializationException', 'MaxResults is not an integer');
  const sid = r.SessionId as string | undefined;
  if (sid === undefined || codePoints(sid) < 1 || codePoints(sid) > 256) throw invalid('SessionId must have length between 1 and 256');
  if (max !== undefined && (max < 1 || max > 100)) throw invalid('MaxResults must be between 1 and 100');
  const filter = r.ExecutorStateFilter as string | undefined;
  if (filter !== undefined && !STATES.includes(filter)) throw invalid(`ExecutorStateFilter must be one of ${STATES.join(', ')}`);
  const token = r.NextToken as string | undefined;
  if (token !== undefined && codePoints(token) > 2048) throw invalid('NextToken must have length at most 2048');
  return { sid, max: max as number | undefined, filter, token: token === '' ? undefined : token };
}

/** The store and the operation over it. */
function service(initial: Record<string, readonly Record<string, unknown>[]>) {
  const sessions = new Map(Object.entries(initial).map(([id, executors], i) => [id, { executors, generation: i }]));
  const tokens = new Map<string, { sid: string; generation: number; filter?: string; key: Key }>();
  let generations = sessions.size;
  return {
    put(sid: string, executors: readonly Record<string, unknown>[]) {
      const s = sessions.get(sid);
      if (s) s.executors = executors;
      else sessions.set(sid, { executors, generation: generations++ });
    },
    drop: (sid: string) => sessions.delete(sid),
    list(body: string): Record<string, unknown> {
      const { sid, max, filter, token } = readRequest(body);
      const session = sessions.get(sid);
      if (!session) throw new Fault('ResourceNotFoundException', `Session ${sid} was not found`, { ResourceName: sid });
      const cursor = token === undefined ? undefined : tokens.get(token);
      if (token !== undefined && (!cursor || cursor.sid !== sid || cursor.generation !== session.generation || cursor.filter !== filter))
        throw invalid('The NextToken is not valid for this request');
      const keyed = ordered(session.executors).filter(({ e }) => filter === undefined || e.ExecutorState === filter);
      const from = cursor ? keyed.findIndex(({ key }) => compare(key, cursor.key) > 0) : 0;
      const page = from < 0 ? [] : keyed.slice(from, from + (max ?? 10));
      const out: Record<string, unknown> = { SessionId: sid, ExecutorsSummary: page.map(({ e }) => e) };
      if (from >= 0 && from + page.length < keyed.length) {
        const next = randomUUID();
        tokens.set(next, { sid, generation: session.generation, filter, key: page[page.length - 1].key });
        out.NextToken = next;
      }
      return out;
    },
  };
}

const json = (status: number, value: unknown): Answer => ({ status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(value) });

function seedAnswer(store: ReturnType<typeof service>, method: string, path: string, body: string): Answer {
  const sid = decodeURIComponent(path.slice(SEED_PREFIX.length));
  if (method === 'DELETE') store.drop(sid);
  else {
    const doc = JSON.parse(body) as { executors: Record<string, unknown>[] };
    store.put(sid, doc.executors);
  }
  return { status: 204, body: '' };
}

function operationAnswer(store: ReturnType<typeof service>, target: string | undefined, body: string): Answer {
  if (target !== 'AmazonAthena.ListExecutors') return json(400, { __type: 'UnknownOperationException', message: `unknown operation ${target}` });
  try {
    return json(200, store.list(body));
  } catch (e) {
    if (!(e instanceof Fault)) return json(500, { __type: 'InternalServerException', message: String(e) });
    return json(400, { __type: e.code, message: e.message, ...e.members });
  }
}

/** Starts the endpoint on a free port of 127.0.0.1. */
export async function startSmallEndpoint(options: SmallEndpointOptions = {}): Promise<SmallEndpoint> {
  const store = service(options.sessions ?? {});
  const requests: Received[] = [];
  let calls = 0;
  const { url, close } = await startServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      requests.push({ at, method: req.method ?? '', path, body });
      const answer = path.startsWith(SEED_PREFIX)
        ? seedAnswer(store, req.method ?? '', path, body)
        : (options.intercept?.(calls++, body) ?? operationAnswer(store, req.headers['x-amz-target'] as string | undefined, body));
      res.writeHead(answer.status, { 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(answer.body), ...answer.headers });
      res.end(answer.body);
    });
  });
  return {
    url,
    requests,
    close,
  };
}

/** A session for observational runs: 23 executors in every state, with StartDateTime ties and one without. */
export function observedSession(): Record<string, unknown>[] {
  return Array.from({ length: 23 }, (_, i) => ({
    ExecutorId: `executor-${String(i).padStart(2, '0')}`,
    ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
    ExecutorState: STATES[i % STATES.length],
    ExecutorSize: 1 + (i % 4),
    ...(i === 22 ? {} : { StartDateTime: 1_700_000_000_000 + Math.floor(i / 3) * 1000 }),
  }));
}
