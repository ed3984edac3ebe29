/**
 * Bench section: each operation's calls per second through the AWS SDK for each emulator binding, beside
 * the SDK's own floor (a handler that returns a constant page) and a bare node:http server, so that
 * the emulator's overhead reads as a ratio that holds whatever the machine's speed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as athena from '@aws-sdk/client-athena';
import { AthenaClient } from '@aws-sdk/client-athena';
import { DUMMY_CREDENTIALS, createEmulator, interceptAthena, startEmulator, type AthenaRequestHandler, type EmulatorCore } from '../emulator/index.js';
import { FAMILY, itemsOf, listRequest, seedPath, type OperationProfile } from '../profiles/index.js';
import type { WireRequest } from '../wire/exchange.js';
import { loadNock } from '../wire/nock-interception.js';
import { benchItem } from './items.js';
import { perSecond, type BenchFigure, type BenchSection } from './section.js';

/** The parent every operation's bench lists: a session (executors, calculations) or a workgroup (sessions). */
const PARENT = 'bench-session';
/** What each operation's bench items hold beside the profile's members, and the state they are in. */
const EXTRAS: Record<string, { state: string; rest: (i: number) => Record<string, unknown> }> = {
  ListExecutors: { state: 'REGISTERED', rest: (i) => ({ ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER', ExecutorSize: 1 }) },
  ListSessions: { state: 'IDLE', rest: () => ({ Description: 'bench', EngineVersion: { SelectedEngineVersion: 'PySpark engine version 3', EffectiveEngineVersion: 'PySpark engine version 3' } }) },
  ListCalculationExecutions: { state: 'COMPLETED', rest: () => ({ Description: 'bench' }) },
};
const base = { region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 } as const;

/** One operation's bench: its ten items, the seeding request that loads them, and the SDK command that lists them. */
interface Bench {
  profile: OperationProfile;
  seed: WireRequest;
  command: SdkCommand;
}

/** A command the client sends. */
type SdkCommand = Parameters<AthenaClient['send']>[0];

function benchOf(profile: OperationProfile): Bench {
  const extra = EXTRAS[profile.operation];
  const second = profile.orderKey.unit === 'epoch-seconds' ? 1 : 1000;
  const items = Array.from({ length: 10 }, (_, i) =>
    benchItem(profile, { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, orderKey: (1_700_000_000 + i) * second, state: extra.state, rest: extra.rest(i) }),
  );
  const Command = (athena as Record<string, unknown>)[profile.sdkCommand ?? ''] as (new (input: object) => SdkCommand) | undefined;
  if (!Command) throw new Error(`bench emulator: @aws-sdk/client-athena exports no ${profile.sdkCommand ?? `command for ${profile.operation}`}`);
  return {
    profile,
    seed: { method: 'PUT', path: seedPath(profile, PARENT), headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [profile.parent.seedMember]: items }) },
    command: new Command(listRequest(profile, { parent: PARENT, pageSize: 10 })),
  };
}

/** Loads `bench`'s items into the emulator through the seeding route, as a seeded run does. */
function seeded(core: EmulatorCore, bench: Bench): EmulatorCore {
  const answer = core.handle(bench.seed);
  if (answer.status !== 204) throw new Error(`bench emulator: seeding ${bench.seed.path} answered ${answer.status}: ${answer.body}`);
  return core;
}

/** A handler that answers every call with the same precomputed bytes: what the SDK costs on its own. */
function constantHandler(body: Buffer, headers: Record<string, string>): AthenaRequestHandler {
  return {
    handle: async () => ({ response: { statusCode: 200, headers, body } }),
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}

async function check(client: AthenaClient, bench: Bench): Promise<void> {
  const first = await client.send(bench.command);
  if (itemsOf(bench.profile, first).length !== 10) throw new Error(`bench emulator: expected a 10-${bench.profile.itemNoun} page of ${bench.profile.operation}`);
}

/**
 * Calls/s of each client, measured in alternating rounds and keeping each one's best: the first
 * figure of a process is measured on a cold JIT, which would otherwise bias a ratio by 30% or more.
 */
async function bestOf(bench: Bench, clients: readonly AthenaClient[], ms: number, rounds = 3): Promise<number[]> {
  for (const c of clients) await check(c, bench);
  const best = clients.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of clients.entries()) best[i] = Math.max(best[i], await perSecond(() => c.send(bench.command), ms));
  }
  return best;
}

/** The figures of one operation: its calls/s through each binding and their ratios to the floors. */
async function operationFigures(bench: Bench, ms: number): Promise<BenchFigure[]> {
  const core = seeded(createEmulator(), bench);
  const page = core.handle({ method: 'POST', path: '/', headers: { 'x-amz-target': bench.profile.amzTarget }, body: bench.command.input ? JSON.stringify(bench.command.input) : '{}' });
  const pageBytes = Buffer.from(page.body);

  const [floor, handler] = await bestOf(
    bench,
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
  const server = await startEmulator();
  seeded(server.core, bench);
  const httpClient = server.client();
  const [bareHttp, http] = await bestOf(bench, [bareClient, httpClient], ms);
  bareClient.destroy();
  httpClient.destroy();
  await server.close();
  await new Promise<void>((resolve) => {
    bare.close(() => resolve());
    bare.closeAllConnections();
  });
  const op = bench.profile.operation;
  return [
    { name: `${op}: SDK floor (constant page, custom requestHandler)`, value: floor, unit: 'calls/s', note: 'the SDK alone: no emulator work' },
    { name: `${op}: emulator, requestHandler binding`, value: handler, unit: 'calls/s', note: 'no socket' },
    { name: `${op}: bare node:http server, constant page`, value: bareHttp, unit: 'calls/s', note: 'loopback floor' },
    { name: `${op}: emulator, HTTP binding (loopback)`, value: http, unit: 'calls/s' },
    { name: `${op}: requestHandler binding / SDK floor`, value: handler / floor, unit: 'ratio', note: 'aim >= 0.8' },
    { name: `${op}: HTTP binding / bare node:http`, value: http / bareHttp, unit: 'ratio' },
  ];
}

/** The emulator section of `npm run bench`: each operation of the family, then the nock binding (ListExecutors). */
export const emulatorBench: BenchSection = {
  title: 'Emulator: each operation through the AWS SDK (10-item page)',
  async run(): Promise<BenchFigure[]> {
    const ms = 500;
    const benches = FAMILY.map(benchOf);
    const figures: BenchFigure[] = [];
    for (const bench of benches) figures.push(...(await operationFigures(bench, ms)));
    // Last: nock patches node:http when loaded.
    const [first] = benches;
    const intercept = interceptAthena(seeded(createEmulator(), first), { region: 'us-east-1' });
    const nockClient = new AthenaClient(base);
    // Then nock's own patching of node:http goes too: the sections after this one measure loopback HTTP
    // (the looping endpoint's verdict took 13 s through nock's interceptor, 4 s without it).
    const [viaNock] = await bestOf(first, [nockClient], ms, 1).finally(() => {
      intercept.restore();
      loadNock().restore();
    });
    nockClient.destroy();
    figures.push({ name: `${first.profile.operation}: emulator, nock binding`, value: viaNock, unit: 'calls/s' });
    return figures;
  },
};
