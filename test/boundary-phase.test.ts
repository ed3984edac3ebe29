/**
 * The boundary phase (issue 12, item 1): each property runs its enumerated boundary cases before its
 * random runs, the same for every seed. Against endpoints written here (test/helpers/boundary-endpoint.ts,
 * each with one slip that random generation alone was seen to miss), the property named for the slip
 * fails at every seed, in its boundary phase (no random run done yet); correct endpoints, and the
 * built-in emulator, still pass with no warning in both modes (a failing boundary case replays with
 * the `--path` its report prints: boundary-replay-cli.test.ts, run by `npm run test:processes`).
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mode, PropertyReport, Report } from '../src/common/results.js';
import { runContract } from '../src/contract/run-contract.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import type { Target } from '../src/targets/target.js';
import { startBoundaryEndpoint, type BoundaryFault } from './helpers/boundary-endpoint.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';
import { observedSession, startSmallEndpoint } from './helpers/small-endpoint.js';

const SEEDS = [1, 2, 3];
/** Few random runs: the boundary phase is what must catch these slips. */
const RUNS = 5;
const OBSERVED = { 'observed-1': observedSession(), 'observed-2': observedSession().slice(0, 7).map((e) => ({ ...e, ExecutorId: `other-${String(e.ExecutorId)}` })) };
const SESSIONS = Object.keys(OBSERVED);
/** The properties the endpoint's faults fail. */
const FAULTED = ['errors.invalid-request', 'errors.invalid-token', 'data.faithful', 'pagination.exactly-once'];

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => nock.enableNetConnect());

async function run(target: Target, mode: Mode, seed: number, only?: string[]): Promise<Report> {
  try {
    return await runContract({ target, mode, sessions: mode === 'observational' ? SESSIONS : [], seed, runs: RUNS, only });
  } finally {
    await target.close();
  }
}

/** Runs `only` against a fresh endpoint with `fault`, at `seed`, and returns that property's report. */
async function against(fault: BoundaryFault | undefined, mode: Mode, seed: number, only: string): Promise<PropertyReport> {
  const endpoint = await startBoundaryEndpoint({ fault, sessions: OBSERVED });
  try {
    const report = await run(endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: mode === 'seeded' }), mode, seed, [only]);
    return report.properties[0];
  } finally {
    await endpoint.close();
  }
}

/** The property failed in its boundary phase: before any random run, at a boundary case. */
function expectBoundaryFailure(p: PropertyReport, message: RegExp): void {
  expect(p.status, `${p.id}: ${p.counterexample?.message}`).toBe('failed');
  expect(p.runs).toBe(0);
  expect(p.boundary).toBeGreaterThan(0);
  expect(p.counterexample?.message).toMatch(message);
}

// Each test starts its own endpoints (or emulator), so they may run side by side.
describe.concurrent('each slip fails its property in the boundary phase, at every seed', () => {
  for (const mode of ['seeded', 'observational'] as const)
    it(`MaxResults 0 answered 200 fails errors.invalid-request (${mode})`, async () => {
      for (const seed of SEEDS)
        expectBoundaryFailure(await against('max-zero', mode, seed, 'errors.invalid-request'), /^a request breaking MaxResults\/minimum \(\{.*"MaxResults":0\}\): expected a 400 InvalidRequestException, got 200/);
    });

  it('tokens bound by session-id prefix fail errors.invalid-token (seeded)', async () => {
    for (const seed of SEEDS)
      expectBoundaryFailure(await against('prefix-tokens', 'seeded', seed, 'errors.invalid-token'), /^session Boundary-ListExecutors-Token-005's token used for session "Boundary-ListExecutors-Token-0050": expected a 400 InvalidRequestException, got 200/);
  });

  it('members equal to 0 dropped fail data.faithful', async () => {
    for (const seed of SEEDS)
      expectBoundaryFailure(await against('falsy-members', 'seeded', seed, 'data.faithful'), /^executor "boundary-zero": StartDateTime is \(absent\), seeded 0$/);
  });

  it('SessionId counted in UTF-8 bytes fails pagination.exactly-once (seeded)', async () => {
    for (const seed of SEEDS)
      expectBoundaryFailure(await against('utf8-length', 'seeded', seed, 'pagination.exactly-once'), /^walk with MaxResults 2 over 3 seeded executors: page 1 of the walk failed: 400 InvalidRequestException: SessionId must have length/);
  });

  it('MaxResults 2147483647 answered SerializationException fails errors.invalid-request', async () => {
    for (const seed of SEEDS)
      expectBoundaryFailure(await against('int32-serialization', 'seeded', seed, 'errors.invalid-request'), /^a request breaking MaxResults\/maximum \(.*"MaxResults":2147483647\}\): __type "SerializationException" names SerializationException, expected InvalidRequestException$/);
  });

  it('a 500 on a token whose signature is shortened fails errors.invalid-token', async () => {
    for (const seed of SEEDS) expectBoundaryFailure(await against('signature-500', 'seeded', seed, 'errors.invalid-token'), /^a (token no server issued|tampered token \(shorten of a real one\)).*: (status )?500/);
  });
});

/** Every property passed or was skipped, and no warning was raised anywhere. */
function expectCleanPass(report: Report): void {
  const unclean = report.properties.filter((p) => !['passed', 'skipped'].includes(p.status) || p.warnings.length).map((p) => `${p.id} ${p.status} ${p.counterexample?.message ?? ''} ${JSON.stringify(p.warnings)}`);
  expect(unclean).toEqual([]);
  expect(report.warnings).toEqual([]);
}

describe.concurrent('correct targets pass with no warning, in both modes', () => {
  for (const mode of ['seeded', 'observational'] as const) {
    it(`the boundary endpoint written here, without a fault, on the properties its faults fail (${mode})`, async () => {
      const endpoint = await startBoundaryEndpoint({ sessions: OBSERVED });
      try {
        expectCleanPass(await run(endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: mode === 'seeded' }), mode, 1, FAULTED));
      } finally {
        await endpoint.close();
      }
    });

    it(`the small endpoint of test/helpers (${mode})`, { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
      const endpoint = await startSmallEndpoint({ sessions: OBSERVED });
      try {
        expectCleanPass(await run(endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: mode === 'seeded' }), mode, 2));
      } finally {
        await endpoint.close();
      }
    });

    it(`the built-in emulator (${mode}), every property with boundary cases running them`, async () => {
      const target = emulatorTarget({ region: 'us-east-1' });
      for (const [id, executors] of Object.entries(OBSERVED)) await target.seeding?.put(id, executors as never);
      const report = await run(target, mode, 3);
      expectCleanPass(report);
      const ran = report.properties.filter((p) => p.status === 'passed');
      expect(ran.filter((p) => (p.boundary ?? 0) > 0).map((p) => p.id)).toEqual(ran.filter((p) => p.id !== 'errors.unknown-session').map((p) => p.id));
      for (const p of ran) expect(p.runs, p.id).toBe(RUNS);
    });
  }
});
