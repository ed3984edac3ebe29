/**
 * `diff` on recordings made here, by `verify --record` against emulators holding other data: two
 * populations of one conformant emulator (other states, an executor terminated, optional members in
 * one only) are no drift, only information; a small endpoint written here, the built-in emulator
 * behind a rewrite of its requests or answers, makes each kind of drift the contract would call one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { createEmulator, type EmulatorOptions } from '../src/emulator/index.js';
import type { PropertyId } from '../src/contract/catalogue/index.js';
import type { ExecutorsSummary } from '../src/generated/athena.js';
import { readRecording } from '../src/recording/cassette.js';
import { contractFacts, type ContractFacts } from '../src/recording/contract-facts.js';
import { drift, type DriftReport } from '../src/recording/drift.js';
import { normalizeHeaders, type WireRequest, type WireResponse } from '../src/wire/exchange.js';
import { runCli } from './helpers/cli.js';
import { startServer, type LocalServer } from './helpers/http-server.js';
import { sharedTempDir } from './helpers/temp-dir.js';

/** What the endpoint changes: the request before the emulator reads it, the answer after. */
interface Rewrite {
  request?: (body: Record<string, unknown>) => Record<string, unknown>;
  response?: (res: WireResponse, req: WireRequest) => WireResponse;
}

/** The built-in emulator's core behind node:http on 127.0.0.1, with its ListExecutors exchanges rewritten. */
function endpoint(options: EmulatorOptions, rewrite: Rewrite = {}): Promise<LocalServer> {
  const core = createEmulator(options);
  return startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const wire: WireRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: normalizeHeaders(req.headers), body: Buffer.concat(chunks).toString('utf8') };
      const listing = wire.headers['x-amz-target'] === 'AmazonAthena.ListExecutors';
      if (listing && rewrite.request) {
        const body = JSON.parse(wire.body) as unknown;
        if (body && typeof body === 'object' && !Array.isArray(body)) wire.body = JSON.stringify(rewrite.request(body as Record<string, unknown>));
      }
      const answer = core.handle(wire);
      const out = listing && rewrite.response ? rewrite.response(answer, wire) : answer;
      res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body) }).end(out.body);
    });
  });
}

const executor = (i: number, state: string, extra: Partial<ExecutorsSummary> = {}): ExecutorsSummary => ({
  ExecutorId: `executor-${i}`,
  ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
  ExecutorState: state as ExecutorsSummary['ExecutorState'],
  StartDateTime: 1_764_000_000_000 + i * 1000,
  ...extra,
});
/** A session of `n` REGISTERED executors without the optional ExecutorSize and TerminationDateTime. */
const registered = (n: number) => Array.from({ length: n }, (_, i) => executor(i, 'REGISTERED'));
/** Other data: other states, an executor terminated, ExecutorSize present. */
const mixed = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i === 1 ? executor(i, 'TERMINATED', { ExecutorSize: 1, TerminationDateTime: 1_764_000_900_000 }) : executor(i, i % 2 ? 'CREATING' : 'REGISTERED', { ExecutorSize: 1 }),
  );

const work = sharedTempDir('diff-recorded-');
let count = 0;

/** How a test records: the properties (default all), the runs of each. */
interface Run {
  only?: PropertyId[];
  runs?: number;
}

/** Records one observational run (`verify --endpoint URL --session-id s1 --record DIR`) against an endpoint. */
async function record(sessions: Record<string, ExecutorsSummary[]>, seed: number, rewrite?: Rewrite, { only, runs = 6 }: Run = {}): Promise<string> {
  const server = await endpoint({ sessions }, rewrite);
  const dir = join(work, `recording-${++count}`);
  try {
    await verify({ endpoint: server.url, sessionIds: Object.keys(sessions), runs, seed, only, record: { dir } });
  } finally {
    await server.close();
  }
  return dir;
}

async function facts(dir: string): Promise<ContractFacts> {
  return contractFacts(await readRecording(dir, 'diff'));
}

async function compare(oldDir: string, newDir: string): Promise<DriftReport> {
  return drift(await facts(oldDir), await facts(newDir));
}


describe('diff on recordings made against emulators', () => {
  it('two populations of one emulator, other seeds: no drift, the differences listed as information (exit 0)', async () => {
    const [old, next] = [await record({ s1: registered(7) }, 11), await record({ s1: mixed(9) }, 12)];
    const report = await compare(old, next);
    expect(report.drift).toEqual([]);
    expect(report.info).toContain('member only in NEW: ListExecutors 200 ExecutorsSummary[].TerminationDateTime (integer) (the schema allows it)');
    expect(report.info).toContain('member only in NEW: ListExecutors 200 ExecutorsSummary[].ExecutorSize (integer) (the schema allows it)');
    expect(report.info).toContain('enum value only in NEW: ListExecutors 200 ExecutorsSummary[].ExecutorState: CREATING, TERMINATED (the schema allows it)');
    const cli = await runCli(['diff', old, next]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^no drift from /);
    expect(cli.stdout).toContain('\ninformation (data, not drift):\n  ');
    expect(cli.stdout).toContain('TerminationDateTime');
  });

  it('seeded recordings of one emulator from two seeds: no drift', async () => {
    const server = await endpoint({});
    const [a, b] = [join(work, 'seeded-a'), join(work, 'seeded-b')];
    try {
      await verify({ endpoint: server.url, seeded: true, runs: 5, seed: 21, record: { dir: a } });
      await verify({ endpoint: server.url, seeded: true, runs: 5, seed: 22, record: { dir: b } });
    } finally {
      await server.close();
    }
    expect((await compare(a, b)).drift).toEqual([]);
  });

  it('a renamed member is drift (exit 1)', async () => {
    const old = await record({ s1: mixed(6) }, 31);
    const next = await record({ s1: mixed(6) }, 31, { response: (r) => ({ ...r, body: r.body.replaceAll('"ExecutorSize":', '"ExecutorDpus":') }) });
    const { drift: lines } = await compare(old, next);
    expect(lines).toContain('member the schema does not have: ListExecutors 200 ExecutorsSummary[].ExecutorDpus (number), only in NEW');
    const cli = await runCli(['diff', old, next]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('ExecutorDpus');
  });

  it('an enum value outside the schema is drift', async () => {
    const old = await record({ s1: mixed(6) }, 41);
    const next = await record({ s1: mixed(6) }, 41, { response: (r) => ({ ...r, body: r.body.replaceAll('"ExecutorState":"CREATING"', '"ExecutorState":"PROVISIONING"') }) });
    expect((await compare(old, next)).drift).toEqual([expect.stringMatching(/^enum value the schema does not have: ListExecutors 200 ExecutorsSummary\[\]\.ExecutorState: PROVISIONING \(OLD had /)]);
  });

  it('another error code for the same probe is drift, though the contract allows both', async () => {
    const toInvalid = (r: WireResponse) => ({ ...r, body: r.body.replace('"__type":"ResourceNotFoundException"', '"__type":"InvalidRequestException"') });
    const errors: Run = { only: ['errors.unknown-session'] };
    const old = await record({ s1: registered(3) }, 51, undefined, errors);
    const next = await record({ s1: registered(3) }, 52, { response: toInvalid }, errors);
    expect((await compare(old, next)).drift).toContain('answers changed for the same probe: ListExecutors, unknown session (a UUID), no NextToken: 400 ResourceNotFoundException → 400 InvalidRequestException');
  });

  it('token binding: a token accepted for another session is drift', async () => {
    const seeded = async (faults: EmulatorOptions['faults']) => {
      const server = await endpoint({ faults });
      const dir = join(work, `binding-${++count}`);
      try {
        await verify({ endpoint: server.url, seeded: true, only: ['errors.invalid-token'], runs: 12, seed: 61, record: { dir } });
      } finally {
        await server.close();
      }
      return dir;
    };
    const [old, next] = [await seeded([]), await seeded(['tokens-not-session-bound'])];
    expect((await facts(old)).probes.get('ListExecutors, known session, a NextToken issued for another session')).toEqual(new Set(['400 InvalidRequestException (INVALID_INPUT)']));
    expect((await compare(old, next)).drift).toContain('answers changed for the same probe: ListExecutors, known session, a NextToken issued for another session: 400 InvalidRequestException (INVALID_INPUT) → 200');
  });

  it('a changed default page size is drift where both recordings show it; a bound the other respects is not', async () => {
    const walks: Run = { only: ['pagination.exactly-once', 'pagination.page-size'], runs: 8 };
    const pagesOf10 = { request: (b: Record<string, unknown>) => (b.MaxResults === undefined ? { ...b, MaxResults: 10 } : b) };
    const [fifty, ten, small] = [await record({ s1: registered(60) }, 71, undefined, walks), await record({ s1: registered(60) }, 72, pagesOf10, walks), await record({ s1: registered(7) }, 73, undefined, walks)];
    expect((await facts(fifty)).pageSize.full).toBe(50);
    expect((await facts(ten)).pageSize.full).toBe(10);
    expect((await compare(fifty, ten)).drift).toEqual(['default page size changed: 50 → 10']);
    expect((await compare(small, ten)).drift).toEqual([]);
    expect((await compare(ten, small)).drift).toEqual([]);
  });

  it('walks that start ending on a trailing empty page are drift', async () => {
    const walks: Run = { only: ['pagination.exactly-once'], runs: 10 };
    const trailing: Rewrite = {
      response: (r, req) => {
        const sent = JSON.parse(req.body) as { MaxResults?: number; NextToken?: string; SessionId?: string };
        if (sent.NextToken?.startsWith('trailing-')) return { ...r, status: 200, body: JSON.stringify({ SessionId: sent.SessionId, ExecutorsSummary: [] }) };
        const page = r.status === 200 ? (JSON.parse(r.body) as { ExecutorsSummary: unknown[]; NextToken?: string }) : undefined;
        if (!page || page.NextToken !== undefined || page.ExecutorsSummary.length !== sent.MaxResults) return r;
        return { ...r, body: JSON.stringify({ ...page, NextToken: `trailing-${sent.MaxResults}` }) };
      },
    };
    const [old, next] = [await record({ s1: registered(6) }, 81, undefined, walks), await record({ s1: registered(6) }, 81, trailing, walks)];
    expect((await facts(old)).walkEnds.get('unfiltered')).toEqual(new Set(['full last page, no token']));
    expect((await compare(old, next)).drift).toContain('unfiltered walks end otherwise: full last page, no token → trailing empty page');
  });
});
