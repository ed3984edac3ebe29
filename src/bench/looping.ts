/**
 * Bench section: how long a verdict takes against an endpoint whose walks go round with a fresh
 * random token per page (server-side cursors), where no token ever repeats. Such a walk once ran to
 * 10,000 pages or 60 s, for every run of every walking property; now its content ends it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '../app/verify.js';
import type { ExecutorsSummary } from '../generated/athena.js';
import { validate } from '../schema/validators.js';
import type { BenchFigure, BenchSection } from './section.js';

const SEED = 20261125;
const SESSION = 'bench-looping-session';
const executors: ExecutorsSummary[] = Array.from({ length: 20 }, (_, i) => ({
  ExecutorId: `looping-${String(i).padStart(3, '0')}`,
  ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
  StartDateTime: 1_764_000_000_000 - i * 1000,
  ExecutorState: i % 5 === 0 ? 'FAILED' : 'REGISTERED',
  ExecutorSize: 1,
}));

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() }).end(JSON.stringify(body));
}

/** The answer to one ListExecutors body: pages of the session, and after the last a fresh token that leads back to the first. */
function listExecutors(res: ServerResponse, body: string, cursors: Map<string, number>): void {
  let request: { SessionId?: unknown; MaxResults?: number; NextToken?: string; ExecutorStateFilter?: string };
  try {
    request = (JSON.parse(body || '{}') ?? {}) as typeof request;
  } catch {
    return answer(res, 400, { __type: 'SerializationException', Message: 'the body is not JSON' });
  }
  const invalid = validate('list-executors-request.schema.json', request);
  if (!invalid.ok) return answer(res, 400, { __type: 'InvalidRequestException', Message: invalid.errors.join('; ') });
  if (request.SessionId !== SESSION) return answer(res, 400, { __type: 'ResourceNotFoundException', Message: `Session ${String(request.SessionId)} not found` });
  const from = request.NextToken === undefined ? 0 : cursors.get(request.NextToken);
  if (from === undefined) return answer(res, 400, { __type: 'InvalidRequestException', Message: 'Invalid NextToken' });
  const view = executors.filter((e) => !request.ExecutorStateFilter || e.ExecutorState === request.ExecutorStateFilter);
  const size = request.MaxResults ?? 50;
  const token = randomUUID();
  cursors.set(token, from + size < view.length ? from + size : 0);
  answer(res, 200, { SessionId: SESSION, ExecutorsSummary: view.slice(from, from + size), NextToken: token });
}

/** A loopback ListExecutors server that restarts every walk with fresh tokens. */
async function startRestarting(): Promise<{ url: string; server: Server }> {
  const cursors = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => listExecutors(res, body, cursors));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The section. */
export const loopingBench: BenchSection = {
  title: `Looping endpoint (fresh token per page, restarts after the last page; observational, seed ${SEED}, 100 runs per property)`,
  async run() {
    const { url, server } = await startRestarting();
    let calls = 0;
    server.on('request', () => calls++);
    const start = performance.now();
    const report = await verify({ endpoint: url, sessionIds: [SESSION], seed: SEED });
    const ms = performance.now() - start;
    await new Promise((resolve) => server.close(resolve));
    const exactlyOnce = report.properties.find((p) => p.id === 'pagination.exactly-once');
    const verdict = exactlyOnce?.status === 'failed' ? `pagination.exactly-once failed on run ${exactlyOnce.runs}` : 'pagination.exactly-once NOT failed';
    const figures: BenchFigure[] = [
      { name: 'time to a verdict against a looping endpoint with fresh tokens', value: ms / 1000, unit: 's', note: `whole observational verify, in process over loopback; ${verdict}; before: every walk ran to 10,000 pages or 60 s; aim ≤ 10 s` },
      { name: 'calls to the looping endpoint in that run', value: calls, unit: 'calls' },
    ];
    return figures;
  },
};
