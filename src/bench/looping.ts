/**
 * Bench section: how long a verdict takes against an endpoint whose walks go round with a fresh
 * random token per page (server-side cursors), where no token ever repeats. Such a walk once ran to
 * 10,000 pages or 60 s, for every run of every walking property; now its content ends it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '../app/verify.js';
import { LIST_EXECUTORS, partsOf, stateOf, validateFor } from '../profiles/index.js';
import { benchItem } from './items.js';
import type { BenchFigure, BenchSection } from './section.js';

/** The operation the looping endpoint serves. */
const P = LIST_EXECUTORS;
const SEED = 20261125;
const SESSION = 'bench-looping-session';
const executors = Array.from({ length: 20 }, (_, i) =>
  benchItem(P, {
    id: `looping-${String(i).padStart(3, '0')}`,
    orderKey: 1_764_000_000_000 - i * 1000,
    state: i % 5 === 0 ? 'FAILED' : 'REGISTERED',
    rest: { ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER', ExecutorSize: 1 },
  }),
);

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() }).end(JSON.stringify(body));
}

/** The answer to one list body: pages of the session, and after the last a fresh token that leads back to the first. */
function listPage(res: ServerResponse, body: string, cursors: Map<string, number>): void {
  let request: Record<string, unknown>;
  try {
    request = (JSON.parse(body || '{}') ?? {}) as typeof request;
  } catch {
    return answer(res, 400, { __type: 'SerializationException', Message: 'the body is not JSON' });
  }
  const invalid = validateFor(P, 'request', request);
  if (!invalid.ok) return answer(res, 400, { __type: 'InvalidRequestException', Message: invalid.errors.join('; ') });
  const { parent, state, pageSize, token: given } = partsOf(P, request);
  if (parent !== SESSION) return answer(res, 400, { __type: 'ResourceNotFoundException', Message: `Session ${parent} not found` });
  const from = given === undefined ? 0 : cursors.get(given);
  if (from === undefined) return answer(res, 400, { __type: 'InvalidRequestException', Message: `Invalid ${P.token}` });
  const view = executors.filter((e) => !state || stateOf(P, e) === state);
  const size = pageSize ?? 50;
  const token = randomUUID();
  cursors.set(token, from + size < view.length ? from + size : 0);
  answer(res, 200, { ...(P.echo ? { [P.echo]: SESSION } : {}), [P.items]: view.slice(from, from + size), [P.token]: token });
}

/** A loopback server of the operation that restarts every walk with fresh tokens. */
async function startRestarting(): Promise<{ url: string; server: Server }> {
  const cursors = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => listPage(res, body, cursors));
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
