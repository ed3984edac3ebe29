/**
 * An endpoint serving the three list operations of the family (ListExecutors, ListSessions,
 * ListCalculationExecutions) over AWS JSON 1.1 on node:http at 127.0.0.1 (a free port), answered by
 * the reference model through each operation's profile, with the seeding routes as API.md pins them:
 * `PUT|DELETE /_contract/sessions/{id}` with `{"executors": [...], "calculations": [...]}` and
 * `PUT|DELETE /_contract/workgroups/{name}` with `{"sessions": [...]}`. For the tests of recordings,
 * replays and the client-mock handlers: the model's answers on the wire as a server apart from the
 * built-in emulator's routes and stages writes them.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listItems, type Item } from '../../src/model/index.js';
import { FAMILY, LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, type OperationProfile } from '../../src/profiles/index.js';

/** What the endpoint holds: each operation's parents and their items (ids as the seeding routes name them). */
export interface FamilyState {
  /** WorkGroup → its sessions (ListSessions). */
  workgroups?: Record<string, Item[]>;
  /** SessionId → its executors (ListExecutors). */
  executors?: Record<string, Item[]>;
  /** SessionId → its calculations (ListCalculationExecutions). */
  calculations?: Record<string, Item[]>;
}

/** A running family endpoint. */
export interface FamilyEndpoint {
  url: string;
  /** Calls answered per operation, for tests that want to know which were made. */
  calls(operation: string): number;
  close(): Promise<void>;
}

const stores = () => new Map<OperationProfile, Map<string, readonly Item[]>>(FAMILY.map((p) => [p, new Map()]));

function answer(res: http.ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The seeding routes: a session holds its executors and calculations apart; a workgroup its sessions. */
function seed(data: ReturnType<typeof stores>, method: string, url: string, text: string): number {
  const [, , route, raw = ''] = url.split('?')[0].split('/');
  const id = decodeURIComponent(raw);
  const owners = route === 'sessions' ? [LIST_EXECUTORS, LIST_CALCULATION_EXECUTIONS] : route === 'workgroups' ? [LIST_SESSIONS] : [];
  if (!owners.length || id === '') return 404;
  const body = method === 'PUT' ? (JSON.parse(text || '{}') as Record<string, Item[] | undefined>) : {};
  for (const profile of owners) {
    const store = data.get(profile)!;
    if (method === 'DELETE') store.delete(id);
    else store.set(id, Object.freeze([...(body[profile.parent.seedMember] ?? [])]));
  }
  return method === 'PUT' || method === 'DELETE' ? 204 : 405;
}

/** Starts the endpoint holding `state` from the start (observational runs read it). */
export async function startFamilyEndpoint(state: FamilyState = {}): Promise<FamilyEndpoint> {
  const data = stores();
  const held: [OperationProfile, Record<string, Item[]> | undefined][] = [
    [LIST_SESSIONS, state.workgroups],
    [LIST_EXECUTORS, state.executors],
    [LIST_CALCULATION_EXECUTIONS, state.calculations],
  ];
  for (const [profile, parents] of held) for (const [id, items] of Object.entries(parents ?? {})) data.get(profile)!.set(id, Object.freeze([...items]));
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const url = req.url ?? '/';
      if (url.startsWith('/_contract/')) return answer(res, seed(data, req.method ?? 'GET', url, text));
      const profile = FAMILY.find((p) => p.amzTarget === req.headers['x-amz-target']);
      if (!profile) return answer(res, 400, { __type: 'UnknownOperationException', Message: `unknown operation ${String(req.headers['x-amz-target'])}` });
      counts.set(profile.operation, (counts.get(profile.operation) ?? 0) + 1);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return answer(res, 400, { __type: 'SerializationException' });
      }
      const result = listItems(profile, data.get(profile)!, body);
      if (result.ok) answer(res, 200, result.output);
      else answer(res, result.error.status, result.error.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: (operation) => counts.get(operation) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
