/**
 * A ListExecutors endpoint written for the boundary-phase tests, apart from src/emulator, src/model
 * and test/helpers/small-endpoint.ts: AWS JSON 1.1 over node:http on 127.0.0.1 (a free port), the
 * seeding routes, signed keyset tokens (`base64url(state) "." base64url(HMAC-SHA256)`, bound to
 * session and filter), pages of 25 by default, newest first with ties by a digest of ExecutorId. Correct unless
 * `fault` names one deviation, each a slip that random generation alone was seen to miss:
 * - `max-zero`: `MaxResults: 0` answered 200 with an empty page (the minimum is 1);
 * - `prefix-tokens`: a token accepted for any session whose id starts with the token's session id;
 * - `falsy-members`: members whose value is 0 dropped from the listing (a truthiness check);
 * - `utf8-length`: SessionId's length counted in UTF-8 bytes, so 256 non-ASCII code points are refused;
 * - `int32-serialization`: `MaxResults: 2147483647` answered SerializationException (it is a valid 32-bit integer);
 * - `signature-500`: a signature of the wrong length crashes the comparison, answered 500.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { startServer } from './http-server.js';

/** The deviations the endpoint can be started with. */
export type BoundaryFault = 'max-zero' | 'prefix-tokens' | 'falsy-members' | 'utf8-length' | 'int32-serialization' | 'signature-500';

/** A running endpoint. */
export interface BoundaryEndpoint {
  url: string;
  close(): Promise<void>;
}

type Executor = Record<string, unknown>;
/** Where an executor sits in the listing order: executors without a start last, newest first, ties by a digest of the id (so tokens stay short whatever the ids). */
type Key = [number, number, string];

const STATES = ['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED'];
const MEMBERS = ['ExecutorId', 'ExecutorType', 'StartDateTime', 'TerminationDateTime', 'ExecutorState', 'ExecutorSize'];
const PREFIX = '/_contract/sessions/';
const DEFAULT_PAGE = 25;

class Fault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new Fault(400, 'InvalidRequestException', message);
const serialization = (message: string) => new Fault(400, 'SerializationException', message);

function keyOf(e: Executor): Key {
  const start = typeof e.StartDateTime === 'number' ? e.StartDateTime : undefined;
  return [start === undefined ? 1 : 0, start === undefined ? 0 : -start, createHash('sha256').update(String(e.ExecutorId)).digest('base64url')];
}

function after(a: Key, b: Key): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

interface Request {
  sid: string;
  max?: number;
  filter?: string;
  token?: string;
}

function readMembers(body: string, fault?: BoundaryFault): Record<string, unknown> {
  let req: unknown;
  try {
    req = JSON.parse(body || '{}');
  } catch {
    throw serialization('the body is not JSON');
  }
  if (typeof req !== 'object' || req === null || Array.isArray(req)) throw serialization('the body is not an object');
  const r = Object.fromEntries(Object.entries(req).filter(([, v]) => v !== null));
  for (const m of ['SessionId', 'ExecutorStateFilter', 'NextToken']) if (r[m] !== undefined && typeof r[m] !== 'string') throw serialization(`${m} is not a string`);
  const max = r.MaxResults;
  const limit = fault === 'int32-serialization' ? 2 ** 31 - 1 : 2 ** 31;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max >= limit || max < -limit)) throw serialization('MaxResults is not a 32-bit integer');
  return r;
}

function readRequest(body: string, fault?: BoundaryFault): Request {
  const r = readMembers(body, fault);
  const sid = r.SessionId as string | undefined;
  const length = sid === undefined ? 0 : fault === 'utf8-length' ? Buffer.byteLength(sid) : [...sid].length;
  if (sid === undefined || length < 1 || length > 256) throw invalid('SessionId must have length between 1 and 256');
  const max = r.MaxResults as number | undefined;
  if (max !== undefined && (max > 100 || max < (fault === 'max-zero' ? 0 : 1))) throw invalid('MaxResults must be between 1 and 100');
  const filter = r.ExecutorStateFilter as string | undefined;
  if (filter !== undefined && !STATES.includes(filter)) throw invalid('ExecutorStateFilter is not a state');
  const token = r.NextToken as string | undefined;
  if (token !== undefined && [...token].length > 2048) throw invalid('NextToken is too long');
  return { sid, max, filter, token: token === '' ? undefined : token };
}

/** Signs and reads tokens; `signature-500` compares signatures without checking their length first. */
function tokens(fault?: BoundaryFault) {
  const secret = randomBytes(32);
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  return {
    issue: (state: { s: string; f?: string; k: Key }) => {
      const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    read(token: string, req: Request): Key {
      const [payload, signature, extra] = token.split('.');
      if (payload === undefined || signature === undefined || extra !== undefined) throw invalid('The NextToken is not valid');
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (fault !== 'signature-500' && given.length !== expected.length) throw invalid('The NextToken is not valid');
      // timingSafeEqual throws on buffers of different lengths: the crash of `signature-500`.
      if (!timingSafeEqual(given, expected) || Buffer.from(payload, 'base64url').toString('base64url') !== payload) throw invalid('The NextToken is not valid');
      const state = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { s: string; f?: string; k: Key };
      const sameSession = fault === 'prefix-tokens' ? req.sid.startsWith(state.s) : req.sid === state.s;
      if (!sameSession || state.f !== req.filter) throw invalid('The NextToken is not valid for this request');
      return state.k;
    },
  };
}

/** What the listing shows of an executor: the members as stored, or (`falsy-members`) only the truthy ones. */
function shown(e: Executor, fault?: BoundaryFault): Executor {
  return Object.fromEntries(MEMBERS.filter((m) => (fault === 'falsy-members' ? !!e[m] : e[m] !== undefined)).map((m) => [m, e[m]]));
}

function service(initial: Record<string, Executor[]>, fault?: BoundaryFault) {
  const sessions = new Map(Object.entries(initial));
  const signer = tokens(fault);
  return {
    seed(method: string, sid: string, body: string) {
      if (method === 'DELETE') sessions.delete(sid);
      else sessions.set(sid, (JSON.parse(body) as { executors: Executor[] }).executors);
    },
    list(body: string): Record<string, unknown> {
      const req = readRequest(body, fault);
      const executors = sessions.get(req.sid);
      if (!executors) throw new Fault(400, 'ResourceNotFoundException', `Session ${req.sid} was not found`);
      const from = req.token === undefined ? undefined : signer.read(req.token, req);
      const listed = executors
        .filter((e) => req.filter === undefined || e.ExecutorState === req.filter)
        .map((e) => ({ e, key: keyOf(e) }))
        .sort((a, b) => (after(a.key, b.key) ? 1 : after(b.key, a.key) ? -1 : 0))
        .filter(({ key }) => from === undefined || after(key, from));
      const page = req.max === 0 ? [] : listed.slice(0, req.max ?? DEFAULT_PAGE);
      const out: Record<string, unknown> = { SessionId: req.sid, ExecutorsSummary: page.map(({ e }) => shown(e, fault)) };
      if (page.length > 0 && page.length < listed.length) out.NextToken = signer.issue({ s: req.sid, ...(req.filter ? { f: req.filter } : {}), k: page[page.length - 1].key });
      return out;
    },
  };
}

function answer(store: ReturnType<typeof service>, req: http.IncomingMessage, body: string): { status: number; body: string } {
  const path = (req.url ?? '/').split('?')[0];
  if (path.startsWith(PREFIX)) {
    store.seed(req.method ?? '', decodeURIComponent(path.slice(PREFIX.length)), body);
    return { status: 204, body: '' };
  }
  try {
    return { status: 200, body: JSON.stringify(store.list(body)) };
  } catch (e) {
    const fault = e instanceof Fault ? e : new Fault(500, 'InternalServerException', String(e));
    return { status: fault.status, body: JSON.stringify({ __type: fault.code, message: fault.message }) };
  }
}

/** Starts the endpoint on a free port of 127.0.0.1, holding `sessions` from the start (for observational runs). */
export async function startBoundaryEndpoint(options: { fault?: BoundaryFault; sessions?: Record<string, Executor[]> } = {}): Promise<BoundaryEndpoint> {
  const store = service(options.sessions ?? {}, options.fault);
  const { url, close } = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const a = answer(store, req, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(a.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'boundary', 'content-length': Buffer.byteLength(a.body) });
      res.end(a.body);
    });
  });
  return {
    url,
    close,
  };
}
