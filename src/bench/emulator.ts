/**
 * Bench section: ListExecutors calls per second through the AWS SDK for each emulator binding, beside
 * the SDK's own floor (a handler that returns a constant page) and a bare node:http server, so that
 * the emulator's overhead reads as a ratio that holds whatever the machine's speed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AthenaClient, ListExecutorsCommand, type ListExecutorsCommandInput } from '@aws-sdk/client-athena';
import { DUMMY_CREDENTIALS, createEmulator, interceptAthena, startEmulator, type AthenaRequestHandler, type EmulatorOptions } from '../emulator/index.js';
import { LIST_EXECUTORS, itemsOf, listRequest } from '../profiles/index.js';
import { benchItem } from './items.js';
import { perSecond, type BenchFigure, type BenchSection } from './section.js';

/** The operation measured: ListExecutors, the SDK's command for it, and the emulator's seeding of its sessions. */
const P = LIST_EXECUTORS;
const SESSION = 'bench-session';
const executors = Array.from({ length: 10 }, (_, i) =>
  benchItem(P, {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    orderKey: 1_700_000_000_000 + i * 1000,
    state: 'REGISTERED',
    rest: { ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER', ExecutorSize: 1 },
  }),
);
// The profile builds bodies as plain records; the emulator's options and the SDK's command are typed for ListExecutors.
const sessions = { [SESSION]: executors } as unknown as EmulatorOptions['sessions'];
const request = listRequest(P, { parent: SESSION, pageSize: 10 });
const command = new ListExecutorsCommand(request as unknown as ListExecutorsCommandInput);
const base = { region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 } as const;

/** A handler that answers every call with the same precomputed bytes: what the SDK costs on its own. */
function constantHandler(body: Buffer, headers: Record<string, string>): AthenaRequestHandler {
  return {
    handle: async () => ({ response: { statusCode: 200, headers, body } }),
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}

async function check(client: AthenaClient): Promise<void> {
  const first = await client.send(command);
  if (itemsOf(P, first).length !== 10) throw new Error(`bench emulator: expected a 10-${P.itemNoun} page`);
}

/**
 * Calls/s of each client, measured in alternating rounds and keeping each one's best: the first
 * figure of a process is measured on a cold JIT, which would otherwise bias a ratio by 30% or more.
 */
async function bestOf(clients: readonly AthenaClient[], ms: number, rounds = 3): Promise<number[]> {
  for (const c of clients) await check(c);
  const best = clients.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of clients.entries()) best[i] = Math.max(best[i], await perSecond(() => c.send(command), ms));
  }
  return best;
}

/** The emulator section of `npm run bench`. */
export const emulatorBench: BenchSection = {
  title: `Emulator: ${P.operation} through the AWS SDK (10-${P.itemNoun} page)`,
  async run(): Promise<BenchFigure[]> {
    const ms = 500;
    const core = createEmulator({ sessions });
    const page = core.handle({
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': P.amzTarget },
      body: JSON.stringify(request),
    });
    const pageBytes = Buffer.from(page.body);

    const [floor, handler] = await bestOf(
      [new AthenaClient({ ...base, requestHandler: constantHandler(pageBytes, page.headers) }), new AthenaClient({ ...base, requestHandler: core.requestHandler() })],
      ms,
    );

    // HTTP figures come before nock is loaded: nock patches node:http for the rest of the process.
    const bare = createServer((_req, res) => {
      _req.resume();
      _req.on('end', () => res.writeHead(200, { ...page.headers, 'content-length': pageBytes.length }).end(pageBytes));
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareClient = new AthenaClient({ ...base, endpoint: `http://127.0.0.1:${(bare.address() as AddressInfo).port}` });
    const server = await startEmulator({ sessions });
    const httpClient = server.client();
    const [bareHttp, http] = await bestOf([bareClient, httpClient], ms);
    bareClient.destroy();
    httpClient.destroy();
    await server.close();
    await new Promise<void>((resolve) => {
      bare.close(() => resolve());
      bare.closeAllConnections();
    });

    const intercept = interceptAthena(core, { region: 'us-east-1' });
    const nockClient = new AthenaClient(base);
    const [viaNock] = await bestOf([nockClient], ms, 1).finally(() => intercept.restore());
    nockClient.destroy();

    return [
      { name: 'SDK floor (constant page, custom requestHandler)', value: floor, unit: 'calls/s', note: 'the SDK alone: no emulator work' },
      { name: 'emulator, requestHandler binding', value: handler, unit: 'calls/s', note: 'no socket' },
      { name: 'bare node:http server, constant page', value: bareHttp, unit: 'calls/s', note: 'loopback floor' },
      { name: 'emulator, HTTP binding (loopback)', value: http, unit: 'calls/s' },
      { name: 'emulator, nock binding', value: viaNock, unit: 'calls/s' },
      { name: 'requestHandler binding / SDK floor', value: handler / floor, unit: 'ratio', note: 'aim >= 0.8' },
      { name: 'HTTP binding / bare node:http', value: http / bareHttp, unit: 'ratio' },
    ];
  },
};
