/**
 * What `npm run mutation` runs against every mutant for ListSessions and ListCalculationExecutions (the
 * ListExecutors runs are catalogue.mutation.test.ts's): each operation's catalogue against the built-in
 * emulator, seeded in process (through the seeding routes) and observational over HTTP on loopback, at
 * fixed seeds with few runs, one test per operation, property, mode and seed so that Stryker's perTest
 * coverage runs only the tests that reach a mutant. The model's code that only these operations reach
 * (workgroups, sessions' and calculations' ordering keys, state filters, tokens bound to them) is
 * tested here, and so are the emulator's stages per operation (each fault of the registry, of any of
 * the three operations, caught by its property) and a seeding body that holds one operation's items only. Not part of `npm test`: the suite's own copies are test/family-faults.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFor } from '../../src/contract/catalogue/index.js';
import { runContract } from '../../src/contract/run-contract.js';
import { FAULT_REGISTRY, startEmulator, type Emulator, type FaultName } from '../../src/emulator/index.js';
import type { CalculationSummary, SessionSummary } from '../../src/generated/athena.js';
import type { PropertyReport } from '../../src/common/results.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, profileNamed, type OperationProfile } from '../../src/profiles/index.js';
import { emulatorTarget } from '../../src/targets/emulator-target.js';
import { endpointTarget } from '../../src/targets/endpoint-target.js';

/** Milliseconds an HTTP request may take: a mutant that never answers fails its test at once. */
const REQUEST_TIMEOUT_MS = 2000;
/** Two seeds: what one seed's populations and requests miss, the other may reach. */
const SEEDS = [1, 2];
/** Runs per property: enough for each property's scenarios to vary, few enough for hundreds of mutants. */
const RUNS = 12;
const OPERATIONS = [LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS];

/**
 * The items of an observed parent: more than the default page holds, ordering-key ties, one item
 * without its timestamp, fractional seconds, every state, a zero timestamp.
 */
function observedItems(profile: OperationProfile, prefix: string, count: number): object[] {
  const timeKey = profile.orderKey.path.at(-1)!;
  return Array.from({ length: count }, (_, i) => ({
    [profile.id]: `${prefix}-${String(i).padStart(3, '0')}`,
    Status: { ...(i % 19 === 7 ? {} : { [timeKey]: i === count - 1 ? 0 : 1_764_000_000 + Math.floor(i / 3) + (i % 2 ? 0.125 : 0) }), State: profile.states[i % profile.states.length] },
  }));
}

/** The workgroups and sessions an observational run reads: a large parent, a small one, an empty one, of each operation. */
function observedParents(): { workgroups: Record<string, SessionSummary[]>; sessions: Record<string, { calculations: CalculationSummary[] }> } {
  return {
    workgroups: {
      'observed-large': observedItems(LIST_SESSIONS, 'session', 57) as SessionSummary[],
      'observed-small': observedItems(LIST_SESSIONS, 'small-session', 6) as SessionSummary[],
      'observed-empty': [],
    },
    sessions: {
      'observed-large': { calculations: observedItems(LIST_CALCULATION_EXECUTIONS, 'calculation', 57) as CalculationSummary[] },
      'observed-small': { calculations: observedItems(LIST_CALCULATION_EXECUTIONS, 'small-calculation', 6) as CalculationSummary[] },
      'observed-empty': { calculations: [] },
    },
  };
}

function verdict(p: PropertyReport): string {
  return p.status === 'passed' ? 'passed' : `${p.status}: ${p.counterexample?.message ?? p.reason ?? ''}`;
}

/** [operation, property id] of every property of `modes`. */
function cases(mode: 'seeded' | 'observational'): [string, string][] {
  return OPERATIONS.flatMap((profile) => catalogueFor(profile).filter((p) => (p.modes as readonly string[]).includes(mode)).map((p): [string, string] => [profile.operation, p.id]));
}

const profileOf = (operation: string): OperationProfile => profileNamed(operation)!;

describe.each(SEEDS)('seed %i', (seed) => {
  describe('seeded, in process', () => {
    it.each(cases('seeded'))('%s %s', async (operation, id) => {
      const target = emulatorTarget({ region: 'us-east-1' });
      const report = await runContract({ target, mode: 'seeded', profile: profileOf(operation), seed, runs: RUNS, only: [id] });
      await target.close();
      expect(verdict(report.properties[0])).toBe('passed');
      expect(report.warnings).toEqual([]);
    });
  });

  describe('observational, over HTTP', () => {
    let emu: Emulator;
    beforeAll(async () => {
      emu = await startEmulator(observedParents());
    });
    afterAll(() => emu.close());

    it.each(cases('observational'))('%s %s', async (operation, id) => {
      const profile = profileOf(operation);
      const target = endpointTarget({ url: emu.url, region: 'us-east-1', seeded: false, timeoutMs: REQUEST_TIMEOUT_MS });
      const parents = Object.keys(profile.parent.route === 'workgroups' ? observedParents().workgroups : observedParents().sessions);
      const report = await runContract({ target, mode: 'observational', profile, ...(profile.parent.route === 'workgroups' ? { workgroups: parents } : { sessions: parents }), seed, runs: RUNS, only: [id] });
      await target.close();
      expect(verdict(report.properties[0])).toBe('passed');
      expect(report.warnings).toEqual([]);
    });
  });
});

// A fault caught only by a boundary case deep in the phase (sessions-id-ascending: about 9 s here) takes
// several times longer under Stryker's coverage instrumentation on a busy machine than vitest's 60 s.
describe("each fault is caught by its property (its operation's stages apply, the wire stage among them)", { timeout: 240_000 }, () => {
  const rows = FAULT_REGISTRY.filter((f) => f.operation !== null && f.catches !== null);
  it.each(rows.map((f) => [f.name, f.operation!, f.catches!] as const))('%s fails %s/%s', async (fault, operation, property) => {
    const target = emulatorTarget({ region: 'us-east-1', faults: [fault as FaultName] });
    const report = await runContract({ target, mode: 'seeded', profile: profileOf(operation), seed: 1, runs: RUNS, only: [property], shrinkBudgetMs: 1 });
    await target.close();
    expect(report.properties[0].status).toBe('failed');
  });
});

describe('the seeding route of sessions', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  /** Sends `target` with `body` to the emulator and reads the JSON answer. */
  async function post(target: string, body: object): Promise<Record<string, unknown>> {
    const r = await fetch(emu.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body: JSON.stringify(body) });
    return (await r.json()) as Record<string, unknown>;
  }

  it('seeds only the lists its body names: executors alone leave the session without calculations, and the other way round', async () => {
    const executor = { ExecutorId: 'e1', ExecutorType: 'WORKER', StartDateTime: 1_764_000_000_000, ExecutorState: 'CREATED', ExecutorSize: 1 };
    const calculation = { CalculationExecutionId: 'c1', Status: { SubmissionDateTime: 1_764_000_000, State: 'COMPLETED' } };
    for (const [seed, executors, calculations] of [
      [{ executors: [executor] }, ['e1'], []],
      [{ calculations: [calculation] }, [], ['c1']],
    ] as const) {
      const put = await fetch(`${emu.url}/_contract/sessions/only-one`, { method: 'PUT', body: JSON.stringify(seed) });
      expect(put.status).toBe(204);
      const listed = await post(LIST_EXECUTORS.amzTarget, { SessionId: 'only-one' });
      expect((listed.ExecutorsSummary as { ExecutorId: string }[]).map((e) => e.ExecutorId)).toEqual(executors);
      const calcs = await post(LIST_CALCULATION_EXECUTIONS.amzTarget, { SessionId: 'only-one' });
      expect((calcs.Calculations as { CalculationExecutionId: string }[]).map((c) => c.CalculationExecutionId)).toEqual(calculations);
    }
  });
});

describe("a list operation's fault changes that operation's answers only", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ faults: ['plain-text-errors'] });
  });
  afterAll(() => emu.close());

  /** The content type and body of `method` to the emulator with X-Amz-Target `target` and an empty body. */
  async function answer(method: string, target: string): Promise<[string, string]> {
    const r = await fetch(emu.url, { method, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, ...(method === 'POST' ? { body: '{}' } : {}) });
    return [r.headers.get('content-type') ?? '', await r.text()];
  }

  it("ListExecutors' plain-text errors reach neither ListSessions' nor a request that is no ListExecutors call (a GET)", async () => {
    const [faulty] = await answer('POST', LIST_EXECUTORS.amzTarget);
    expect(faulty).toMatch(/text\/plain/);
    for (const [method, target] of [['POST', LIST_SESSIONS.amzTarget], ['GET', LIST_EXECUTORS.amzTarget]]) {
      const [type, body] = await answer(method, target);
      expect(type, `${method} ${target}`).toMatch(/json/);
      expect(JSON.parse(body) as object, `${method} ${target}`).toHaveProperty('__type');
    }
  });
});
