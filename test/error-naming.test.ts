/**
 * Issue 11, item 7: AWS JSON 1.1 (Smithy `awsJson1_1`) lets a server name an error in the body's
 * `__type`, a body `code`, or the `X-Amzn-Errortype` header, and every SDK reads all three. Against a
 * small correct ListExecutors endpoint written here (seeding routes, a tiny in-memory population,
 * server-side tokens), differing only in where it names its errors: the header alone (with the
 * Smithy `ns#` prefix and `:` suffix) or a body `code` alone passes every errors.* property with a
 * `tolerated` warning; naming them nowhere still fails them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { runContract } from '../src/contract/run-contract.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import { startServer, type LocalServer } from './helpers/http-server.js';

/** Where the endpoint names its errors. */
type Naming = '__type' | 'header' | 'code' | 'nowhere';

interface Executor {
  ExecutorId: string;
  StartDateTime?: number;
  ExecutorState?: string;
}

const STATES = ['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED'];

/** A request the endpoint rejects: the error's code and message. */
class Rejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request's members, checked as the model says: wrong JSON types are SerializationException, broken constraints InvalidRequestException. */
function readRequest(body: string): { SessionId: string; MaxResults: number; NextToken?: string; ExecutorStateFilter?: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new Rejected('SerializationException', 'body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Rejected('SerializationException', 'body is not an object');
  // AWS JSON reads a null member as an absent one.
  const m = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Record<string, unknown>;
  const string = (k: string) => {
    if (m[k] !== undefined && typeof m[k] !== 'string') throw new Rejected('SerializationException', `${k} is not a string`);
    return m[k] as string | undefined;
  };
  const [sessionId, token, filter] = [string('SessionId'), string('NextToken'), string('ExecutorStateFilter')];
  if (sessionId === undefined || [...sessionId].length < 1 || [...sessionId].length > 256) throw new Rejected('InvalidRequestException', 'SessionId must have 1..256 characters');
  if (token !== undefined && [...token].length > 2048) throw new Rejected('InvalidRequestException', 'NextToken is too long');
  if (filter !== undefined && !STATES.includes(filter)) throw new Rejected('InvalidRequestException', 'unknown ExecutorStateFilter');
  const max = m.MaxResults ?? 10;
  if (typeof max !== 'number' || !Number.isInteger(max)) throw new Rejected('SerializationException', 'MaxResults is not an integer');
  if (max < 1 || max > 100) throw new Rejected('InvalidRequestException', 'MaxResults must be 1..100');
  return { SessionId: sessionId, MaxResults: max, NextToken: token === '' ? undefined : token, ExecutorStateFilter: filter };
}

/** A correct ListExecutors endpoint but for where it names its errors. */
function tinyEndpoint(naming: Naming): Promise<LocalServer> {
  const sessions = new Map<string, Executor[]>();
  /** Server-side cursors: a token is a random id; what it continues is kept here. */
  const cursors = new Map<string, { sessionId: string; offset: number; filter?: string }>();
  let requests = 0;
  const send = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `tiny-${++requests}`, ...headers });
    res.end(JSON.stringify(payload));
  };
  const fail = (res: ServerResponse, e: Rejected) => {
    if (naming === 'header') send(res, 400, { message: e.message }, { 'x-amzn-errortype': `com.amazonaws.athena#${e.code}:http://internal.amazon.com/coral/` });
    else if (naming === 'code') send(res, 400, { code: e.code, message: e.message });
    else if (naming === '__type') send(res, 400, { __type: e.code, message: e.message });
    else send(res, 400, { message: e.message });
  };
  const list = (body: string) => {
    const r = readRequest(body);
    const executors = sessions.get(r.SessionId);
    if (!executors) throw new Rejected('ResourceNotFoundException', `session ${r.SessionId} not found`);
    const cursor = r.NextToken === undefined ? { sessionId: r.SessionId, offset: 0, filter: r.ExecutorStateFilter } : cursors.get(r.NextToken);
    if (!cursor || cursor.sessionId !== r.SessionId || cursor.filter !== r.ExecutorStateFilter) throw new Rejected('InvalidRequestException', 'invalid NextToken');
    const matching = executors.filter((e) => !cursor.filter || e.ExecutorState === cursor.filter).sort((a, b) => (b.StartDateTime ?? -Infinity) - (a.StartDateTime ?? -Infinity));
    const page = matching.slice(cursor.offset, cursor.offset + r.MaxResults);
    const next = cursor.offset + page.length;
    const out: Record<string, unknown> = { SessionId: r.SessionId, ExecutorsSummary: page };
    if (next < matching.length) {
      const token = crypto.randomUUID();
      cursors.set(token, { ...cursor, offset: next });
      out.NextToken = token;
    }
    return out;
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const seed = /^\/_contract\/sessions\/([^/?]+)$/.exec(req.url ?? '');
    if (seed) {
      const id = decodeURIComponent(seed[1]);
      if (req.method === 'PUT') sessions.set(id, (JSON.parse(body) as { executors: Executor[] }).executors);
      else sessions.delete(id);
      return void res.writeHead(204).end();
    }
    if (req.method !== 'POST' || req.headers['x-amz-target'] !== 'AmazonAthena.ListExecutors') return fail(res, new Rejected('UnknownOperationException', 'only ListExecutors'));
    try {
      send(res, 200, list(body));
    } catch (e) {
      if (e instanceof Rejected) fail(res, e);
      else send(res, 500, { __type: 'InternalServerException', message: String(e) });
    }
  };
  return startServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
}

const ERROR_PROPERTIES = ['errors.invalid-request', 'errors.unknown-session', 'errors.invalid-token'];

/** The errors.* properties in seeded mode against the endpoint naming its errors by `naming`. */
async function verdicts(naming: Naming): Promise<Report> {
  const endpoint = await tinyEndpoint(naming);
  const target = endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: true });
  try {
    return await runContract({ target, mode: 'seeded', seed: 11, runs: 15, only: ERROR_PROPERTIES, deadlineMs: 50_000 });
  } finally {
    await target.close();
    await endpoint.close();
  }
}

describe('where a well-formed error names itself (issue 11, item 7)', () => {
  it('the endpoint is correct: naming its errors by __type, as real Athena does, it passes with no warning', async () => {
    const report = await verdicts('__type');
    for (const p of report.properties) expect({ id: p.id, status: p.status, warnings: p.warnings }).toEqual({ id: p.id, status: 'passed', warnings: [] });
  });

  it('errors named only by the X-Amzn-Errortype header (ns# prefix, : suffix) pass every errors.* property, with a warning', async () => {
    const report = await verdicts('header');
    for (const p of report.properties) {
      expect(p.status, `${p.id}: ${p.counterexample?.message}`).toBe('passed');
      expect(p.checks.errorNamedByHeader, p.id).toBeGreaterThan(0);
      expect(p.warnings, p.id).toContainEqual({ kind: 'tolerated', message: `tolerated: ${p.checks.errorNamedByHeader} error(s) named by the X-Amzn-Errortype header, not the body's __type (real Athena sends __type)` });
    }
  });

  it('errors named only by a body code pass every errors.* property, with a warning', async () => {
    const report = await verdicts('code');
    for (const p of report.properties) {
      expect(p.status, `${p.id}: ${p.counterexample?.message}`).toBe('passed');
      expect(p.checks.errorNamedByCode, p.id).toBeGreaterThan(0);
      expect(p.warnings, p.id).toContainEqual({ kind: 'tolerated', message: `tolerated: ${p.checks.errorNamedByCode} error(s) named by the body's "code", not its __type (real Athena sends __type)` });
    }
  });

  it('errors named nowhere still fail every errors.* property', async () => {
    const report = await verdicts('nowhere');
    for (const p of report.properties) {
      expect(p.status, p.id).toBe('failed');
      expect(p.counterexample?.message, p.id).toMatch(/error body has no __type \(nor a "code", nor an X-Amzn-Errortype header\): nothing names the error/);
    }
  });
});
