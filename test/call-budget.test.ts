/**
 * The call budget (`--max-calls N`): a run makes at most N list calls of the operations it checks,
 * counted by the endpoint that answers them (by X-Amz-Target), passes, and says what the budget left
 * untested; a walk the budget cuts short is no verdict, never a failure; a fault is still caught
 * within a budget; a live run against the emulator stays within it too (a bad value's one line: cli-options.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import type { Report } from '../src/common/results.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/emulator/index.js';
import { FAMILY, LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS } from '../src/profiles/index.js';
import { startFamilyEndpoint, type FamilyEndpoint, type FamilyHolding } from './helpers/family-endpoint.js';
import { LIVE_ENV, liveEnvironment } from './helpers/live-env.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

const OPERATIONS = FAMILY.map((p) => p.operation);
const open: FamilyEndpoint[] = [];
let emulator: Emulator | undefined;
const setEnv = liveEnvironment();

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
  await emulator?.close();
  emulator = undefined;
});

async function endpointWith(holding: FamilyHolding = {}, behaviour: Parameters<typeof startFamilyEndpoint>[0] = {}): Promise<FamilyEndpoint> {
  const endpoint = await startFamilyEndpoint(behaviour, holding);
  open.push(endpoint);
  return endpoint;
}

/** The list calls `endpoint` answered, the three operations together. */
const listCalls = (endpoint: FamilyEndpoint) => OPERATIONS.reduce((n, op) => n + endpoint.calls(op), 0);

/** The properties of `report` the budget cut short. */
const cutShort = (report: Report) => report.properties.filter((p) => p.warnings.some((w) => w.kind === 'budget'));

const T = 1_764_000_000;
/** A session of `n` executors, a second apart, and a workgroup of `n` sessions: walks at MaxResults 1 of `n` pages. */
function holdingOf(n: number): FamilyHolding {
  return {
    sessions: {
      big: {
        executors: Array.from({ length: n }, (_, i) => ({ ExecutorId: `e-${String(i).padStart(3, '0')}`, ExecutorType: 'WORKER', StartDateTime: (T + i) * 1000, ExecutorState: 'CREATED', ExecutorSize: 1 })),
        calculations: Array.from({ length: n }, (_, i) => ({ CalculationExecutionId: `c-${String(i).padStart(3, '0')}`, Status: { SubmissionDateTime: T + i, State: 'COMPLETED' } })),
      },
    },
    workgroups: { wg: Array.from({ length: n }, (_, i) => ({ SessionId: `s-${String(i).padStart(3, '0')}`, Status: { StartDateTime: T + i, State: 'IDLE' } })) },
  };
}

describe('verify --max-calls', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  it('seeded, all three operations: at most 300 list calls in all, a pass, each property its calls, and what the budget left untested', async () => {
    const endpoint = await endpointWith();
    const report = await verify({ endpoint: endpoint.url, seeded: true, operations: FAMILY, maxCalls: 300, seed: 1 });
    expect(listCalls(endpoint)).toBeLessThanOrEqual(300);
    expect(report.summary).toMatchObject({ failed: 0, inconclusive: 0 });
    expect(report.properties).toHaveLength(30);
    for (const p of report.properties) expect(p.calls, `${p.operation}/${p.id}`).toBeGreaterThan(0);
    // The properties' calls are the endpoint's, less preflight's probes.
    const made = report.properties.reduce((n, p) => n + (p.calls ?? 0), 0);
    expect(made).toBeLessThanOrEqual(listCalls(endpoint));
    expect(listCalls(endpoint) - made).toBeLessThan(10);
    expect(cutShort(report).length).toBeGreaterThan(0);
    expect(cutShort(report)[0].warnings.find((w) => w.kind === 'budget')?.message).toMatch(/^cut short by the call budget after \d+ of 100 runs.*: \d+ run\(s\) left untested; raise --max-calls$/);
    expect(report.warnings.find((w) => w.kind === 'budget')?.message).toMatch(/^\d+ of 30 properties were cut short by the call budget \(\d+ list calls made; /);
  });

  it('without a budget, every property still says its calls, and none is cut short', async () => {
    const endpoint = await endpointWith();
    const report = await verify({ endpoint: endpoint.url, seeded: true, operations: [LIST_SESSIONS], runs: 5, seed: 1, only: ['pagination.exactly-once', 'errors.invalid-token'] });
    expect(report.summary.failed).toBe(0);
    expect(cutShort(report)).toEqual([]);
    expect(report.warnings.map((w) => w.kind)).not.toContain('budget');
    const made = report.properties.reduce((n, p) => n + (p.calls ?? 0), 0);
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(endpoint.calls('ListSessions'));
  });

  it('walks cut short by the budget mid-way are no verdict: 120-page walks under 40 calls fail nothing', async () => {
    // At MaxResults 1 every walk of these parents is 120 calls: each property's share ends inside one.
    const endpoint = await endpointWith(holdingOf(120));
    const report = await verify({ endpoint: endpoint.url, sessionIds: ['big'], workGroups: ['wg'], operations: FAMILY, maxCalls: 40, seed: 1, runs: 20 });
    expect(listCalls(endpoint)).toBeLessThanOrEqual(40);
    expect(report.summary.failed, JSON.stringify(report.properties.filter((p) => p.status === 'failed').map((p) => [p.operation, p.id, p.counterexample?.message]))).toBe(0);
    expect(cutShort(report).length).toBeGreaterThan(0);
    // Calls made in walks the budget cut: spent, and no run counted.
    expect(report.properties.some((p) => (p.calls ?? 0) > 0 && p.runs + (p.boundary ?? 0) === 0)).toBe(true);
    // A property whose share paid for no whole run tested nothing: inconclusive, never a pass.
    for (const p of report.properties.filter((q) => q.runs + (q.boundary ?? 0) === 0 && q.status !== 'skipped')) {
      expect(p.status, `${p.operation}/${p.id}`).toBe('inconclusive');
      expect(p.reason).toMatch(/^no run finished within its share of the call budget \(\d+ calls\); raise --max-calls$/);
    }
  });

  it('a fault is still caught within the budget (sorted by id ascending: ordering.newest-first fails)', async () => {
    const endpoint = await endpointWith({}, { order: 'id-ascending' });
    const report = await verify({ endpoint: endpoint.url, seeded: true, operations: [LIST_EXECUTORS], maxCalls: 300, seed: 1, only: ['ordering.newest-first', 'pagination.exactly-once'] });
    expect(listCalls(endpoint)).toBeLessThanOrEqual(300);
    expect(report.properties.find((p) => p.id === 'ordering.newest-first')?.status).toBe('failed');
  });

  it('a live run against the emulator (a given session and workgroup) makes at most 300 list calls across the three operations, passes, and says what the budget left untested', async () => {
    // The test's items are the wire's: the emulator's seed types name the SDK's.
    emulator = await startEmulator({ ...(holdingOf(30) as EmulatorOptions), growth: { stepMs: 5 } });
    setEnv({ ...LIVE_ENV, AWS_ENDPOINT_URL_ATHENA: emulator.url });
    let calls = 0;
    const handle = emulator.core.handle;
    emulator.core.handle = (req) => {
      if (FAMILY.some((p) => p.amzTarget === req.headers['x-amz-target'])) calls++;
      return handle(req);
    };
    const report = await verify({ live: { workGroup: 'wg' }, sessionIds: ['big'], operations: FAMILY, maxCalls: 300, seed: 1 });
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(300);
    expect(report.summary.failed, JSON.stringify(report.properties.filter((p) => p.status === 'failed').map((p) => [p.operation, p.id, p.counterexample?.message]))).toBe(0);
    expect(new Set(report.properties.map((p) => p.operation))).toEqual(new Set([LIST_EXECUTORS, LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS].map((p) => p.operation)));
    expect(cutShort(report).length).toBeGreaterThan(0);
    expect(report.warnings.map((w) => w.kind)).toContain('budget');
  });

  it('a live run that starts and grows its own session makes at most 300 list calls in all, its own counts of the executors included', async () => {
    // Calculations end by themselves in 100 ms here (a small one does on AWS in seconds), so the small ones do not hold the run.
    emulator = await startEmulator({ growth: { stepMs: 5, calculationMs: 100 } });
    setEnv({ ...LIVE_ENV, AWS_ENDPOINT_URL_ATHENA: emulator.url });
    const calls = { catalogue: 0, all: 0 };
    const handle = emulator.core.handle;
    emulator.core.handle = (req) => {
      if (FAMILY.some((p) => p.amzTarget === req.headers['x-amz-target'])) calls.all++;
      return handle(req);
    };
    const report = await verify({ live: { workGroup: 'spark-wg', pollIntervalMs: 5, readyTimeoutMs: 60_000 }, operations: FAMILY, maxCalls: 300, seed: 1 });
    calls.catalogue = report.properties.reduce((n, p) => n + (p.calls ?? 0), 0);
    // The harness's own ListExecutors counts (waiting for executors, and the closing one) are among them.
    expect(calls.all).toBeGreaterThan(calls.catalogue);
    expect(calls.all).toBeLessThanOrEqual(300);
    expect(report.summary.failed, JSON.stringify(report.properties.filter((p) => p.status === 'failed').map((p) => [p.operation, p.id, p.counterexample?.message]))).toBe(0);
    expect(report.live?.sessions[0]).toMatchObject({ startedByHarness: true, finalState: 'TERMINATED' });
    expect(report.warnings.map((w) => w.kind)).toContain('budget');
  });
});
