/**
 * A small ListExecutors server written for the tests, independent of the emulator: server-side
 * cursors behind a fresh random token per page (crypto.randomUUID), as real services often have, so
 * no token ever repeats. It serves the seeding routes and holds the given observational sessions.
 * Readings, each a way such a server may page:
 * - `correct`: filters, then pages; every non-empty page has a token, so each walk ends with a
 *   (legal) empty page. Cursors are keyed by the last executor's sort key, so inserts at the front
 *   during a walk cause no duplicate.
 * - `filter-after-paging`: pages the whole session, then filters the page (legal, undocumented): a
 *   filtered walk gets empty pages mid-walk, each with a token.
 * - `restart`: after the last page, the token leads back to the first page.
 * - `repeat-page`: the last page's token returns that same page again, forever.
 * - `overlap`: each page starts with the previous page's last executor, and the last page's token
 *   yields the last executor again, forever.
 * - `empty-forever`: after the last page, empty pages with fresh tokens, forever.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutorsSummary } from '../../src/generated/athena.js';
import { validate } from '../../src/schema/validators.js';
import { startServer } from './http-server.js';

/** How the server pages. */
export type Reading = 'correct' | 'filter-after-paging' | 'restart' | 'repeat-page' | 'overlap' | 'empty-forever';

type Executor = Record<string, unknown>;

/** Where a page starts: after the executor with this sort key (the first page when absent). */
interface Cursor {
  sessionId: string;
  filter?: string;
  after?: Executor;
}

/** A running server. */
export interface CursorServer {
  url: string;
  close(): Promise<void>;
}

const start = (e: Executor) => (typeof e.StartDateTime === 'number' ? e.StartDateTime : -Infinity);
const idOf = (e: Executor) => String(e.ExecutorId);

/** Newest first, ties by id: the server's one order. */
function compare(a: Executor, b: Executor): number {
  return start(b) - start(a) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
}

/** A page and where the next one starts (no next page when `next` is null). */
interface Paged {
  page: Executor[];
  next: Cursor | null;
}

function pageOf(reading: Reading, all: readonly Executor[], cursor: Cursor, size: number): Paged {
  const keep = (e: Executor) => cursor.filter === undefined || e.ExecutorState === cursor.filter;
  const view = reading === 'filter-after-paging' ? [...all].sort(compare) : all.filter(keep).sort(compare);
  const from = cursor.after ? view.findIndex((e) => compare(e, cursor.after!) > 0) : 0;
  const at = from < 0 ? view.length : from;
  const slice = view.slice(at, at + size);
  const page = reading === 'filter-after-paging' ? slice.filter(keep) : slice;
  const more = at + size < view.length;
  const to = (after: Executor | undefined): Cursor => ({ ...cursor, after });
  switch (reading) {
    case 'correct':
      return { page, next: more || page.length > 0 ? to(slice[slice.length - 1]) : null };
    case 'filter-after-paging':
      return { page, next: more ? to(slice[slice.length - 1]) : null };
    case 'restart':
      return { page, next: more ? to(slice[slice.length - 1]) : to(undefined) };
    case 'repeat-page':
      return { page, next: more ? to(slice[slice.length - 1]) : cursor };
    case 'overlap': {
      if (view.length === 0) return { page, next: null };
      // The next page starts at this page's last executor (at the last executor, once past the end).
      const last = more ? at + slice.length - 1 : view.length - 1;
      return { page, next: to(last > 0 ? view[last - 1] : undefined) };
    }
    case 'empty-forever':
      return { page, next: more || page.length > 0 || at > 0 ? to(slice[slice.length - 1] ?? cursor.after) : null };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() }).end(JSON.stringify(body));
}

function error(res: ServerResponse, type: string, message: string): void {
  send(res, 400, { __type: type, Message: message });
}

/** Starts a server of `reading` on 127.0.0.1 holding `sessions` (more can be seeded). */
export async function startCursorServer(reading: Reading, sessions: Record<string, readonly ExecutorsSummary[]> = {}): Promise<CursorServer> {
  const store = new Map(Object.entries(sessions).map(([id, list]) => [id, list.map((e): Executor => ({ ...e }))]));
  const cursors = new Map<string, Cursor>();
  const listExecutors = (res: ServerResponse, body: string) => {
    let request: { SessionId?: unknown; MaxResults?: unknown; NextToken?: unknown; ExecutorStateFilter?: unknown };
    try {
      request = (JSON.parse(body || '{}') ?? {}) as typeof request;
    } catch {
      return error(res, 'SerializationException', 'the body is not JSON');
    }
    const broken = validate('list-executors-request.schema.json', request);
    if (!broken.ok) return error(res, 'InvalidRequestException', broken.errors.join('; '));
    const sessionId = String(request.SessionId);
    const all = store.get(sessionId);
    if (!all) return error(res, 'ResourceNotFoundException', `Session ${sessionId} not found`);
    const filter = typeof request.ExecutorStateFilter === 'string' ? request.ExecutorStateFilter : undefined;
    const cursor = request.NextToken === undefined ? { sessionId, filter } : cursors.get(String(request.NextToken));
    if (!cursor || cursor.sessionId !== sessionId || cursor.filter !== filter) return error(res, 'InvalidRequestException', 'Invalid NextToken');
    const { page, next } = pageOf(reading, all, cursor, typeof request.MaxResults === 'number' ? request.MaxResults : 50);
    const token = next ? randomUUID() : undefined;
    if (token && next) cursors.set(token, next);
    send(res, 200, { SessionId: sessionId, ExecutorsSummary: page, ...(token ? { NextToken: token } : {}) });
  };
  const seeding = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const id = decodeURIComponent(req.url!.slice('/_contract/sessions/'.length));
    if (req.method === 'PUT') store.set(id, (JSON.parse(body) as { executors: Executor[] }).executors);
    else store.delete(id);
    res.writeHead(204).end();
  };
  const { url, close } = await startServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => (req.url?.startsWith('/_contract/sessions/') ? seeding(req, res, body) : listExecutors(res, body)));
  });
  return { url, close };
}

/** `n` executors of one session, newest first, the first `failed` of them FAILED and the others REGISTERED. */
export function executors(prefix: string, n: number, failed = 0): ExecutorsSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    ExecutorId: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    ExecutorState: i < failed ? ('FAILED' as const) : ('REGISTERED' as const),
    ExecutorType: i === 0 ? ('COORDINATOR' as const) : ('WORKER' as const),
    StartDateTime: 1_764_000_000_000 - i * 1000,
    ExecutorSize: 1,
  }));
}
