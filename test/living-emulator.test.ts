/**
 * The living emulator (issue 23, part 3): `createEmulator({ living })` and `startEmulator({ living })`
 * make every parent gain a newest item and move one item a step along its lifecycle RATE times a
 * second (all three operations), driven by the emulator's clock; it stops on close; its faults still
 * apply; `serve --living RATE` reads its rate. The observational catalogue against the bin's `serve
 * --living 5` is in living-serve.test.ts (a test of processes).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { createEmulator, startEmulator, type EmulatorCore, type FaultName } from '../src/emulator/index.js';
import { LIVING_CAP, MAX_CATCH_UP } from '../src/emulator/living.js';
import { call } from './helpers/emulator-call.js';
import { captureWrites, LOADED_TEST_TIMEOUT_MS, until } from './helpers/wait.js';

const T0 = 1_800_000_000_000;

/** Every item of one parent, one ListExecutors/ListSessions/ListCalculationExecutions walk at the default page size. */
function listAll(core: EmulatorCore, target: string, parent: Record<string, string>, items: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let token: unknown;
  do {
    const answer = call(core, target, { ...parent, ...(token ? { NextToken: token } : {}) });
    expect(answer.status, answer.text).toBe(200);
    out.push(...(answer.body[items] as Record<string, unknown>[]));
    token = answer.body.NextToken;
  } while (token);
  return out;
}

const executors = (core: EmulatorCore) => listAll(core, 'ListExecutors', { SessionId: 's' }, 'ExecutorsSummary');
const calculations = (core: EmulatorCore) => listAll(core, 'ListCalculationExecutions', { SessionId: 's' }, 'Calculations');
const sessions = (core: EmulatorCore) => listAll(core, 'ListSessions', { WorkGroup: 'wg' }, 'Sessions');
const stateOf = (item: Record<string, unknown>): unknown => item.ExecutorState ?? (item.Status as Record<string, unknown>).State;

/** A session `s` with one executor and one calculation, and a workgroup `wg` with one session, living `rate` times a second on `clock`. */
function living(clock: () => number, rate = 5, faults: FaultName[] = []): EmulatorCore {
  return createEmulator({
    clock,
    living: rate,
    faults,
    sessions: { s: { executors: [{ ExecutorId: 'e0', StartDateTime: T0 - 60_000, ExecutorState: 'REGISTERED', ExecutorType: 'COORDINATOR' }], calculations: [{ CalculationExecutionId: 'c0', Status: { SubmissionDateTime: (T0 - 60_000) / 1000, State: 'RUNNING' } }] } },
    workgroups: { wg: [{ SessionId: 'w0', Status: { StartDateTime: (T0 - 60_000) / 1000, State: 'IDLE' } }] },
  });
}

describe('createEmulator({ living })', () => {
  it('on its clock: RATE newest items a second in every parent of the three operations, each newest first, and items moving along their lifecycles', () => {
    let now = T0;
    const core = living(() => now);
    try {
      expect(executors(core)).toHaveLength(1);
      now += 1000;
      const ex = executors(core);
      const calcs = calculations(core);
      const sess = sessions(core);
      // Five steps: five new items in each parent, the newest listed first, keyed at the steps' instants.
      expect([ex.length, calcs.length, sess.length]).toEqual([6, 6, 6]);
      expect(ex[0].StartDateTime).toBe(T0 + 1000);
      expect((calcs[0].Status as { SubmissionDateTime: number }).SubmissionDateTime).toBe((T0 + 1000) / 1000);
      expect((sess[0].Status as { StartDateTime: number }).StartDateTime).toBe((T0 + 1000) / 1000);
      expect(ex.map((e) => e.ExecutorType)).toEqual(['WORKER', 'WORKER', 'WORKER', 'WORKER', 'WORKER', 'COORDINATOR']);
      // Each step moved one item: the seeded ones left their states, some new ones left CREATING.
      expect(ex.at(-1)?.ExecutorState).not.toBe('REGISTERED');
      expect(stateOf(calcs.at(-1)!)).not.toBe('RUNNING');
      expect(stateOf(sess.at(-1)!)).not.toBe('IDLE');
      for (const list of [ex, calcs, sess]) expect(list.filter((i) => stateOf(i) !== 'CREATING').length).toBeGreaterThan(1);
      // Nothing moves between two reads at one instant.
      expect(executors(core)).toEqual(ex);
    } finally {
      core.close();
    }
  });

  it('every item walks its whole lifecycle, in the API\'s order, and ended ones stay ended', () => {
    let now = T0;
    const core = living(() => now, 10);
    const seen = { ex: new Map<string, unknown[]>(), calcs: new Map<string, unknown[]>(), sess: new Map<string, unknown[]>() };
    const note = (into: Map<string, unknown[]>, items: Record<string, unknown>[], id: string) => {
      for (const i of items) {
        const states = into.get(i[id] as string) ?? [];
        if (states.at(-1) !== stateOf(i)) states.push(stateOf(i));
        into.set(i[id] as string, states);
      }
    };
    try {
      for (let k = 0; k < 60; k++) {
        now += 100;
        note(seen.ex, executors(core), 'ExecutorId');
        note(seen.calcs, calculations(core), 'CalculationExecutionId');
        note(seen.sess, sessions(core), 'SessionId');
      }
    } finally {
      core.close();
    }
    const paths = (m: Map<string, unknown[]>) => [...m.values()].map((s) => s.join('>'));
    const prefixOf = (full: string) => (p: string) => full.startsWith(p.split('>')[0]) && full.includes(p);
    const EX = 'CREATING>CREATED>REGISTERED>TERMINATING>TERMINATED';
    const CALC = 'CREATING>CREATED>QUEUED>RUNNING>COMPLETED';
    const SESS = 'CREATING>CREATED>IDLE>BUSY>IDLE>BUSY>IDLE>TERMINATING>TERMINATED';
    expect(paths(seen.ex).filter((p) => p.startsWith('CREATING')).every(prefixOf(EX))).toBe(true);
    expect(paths(seen.calcs).filter((p) => p.startsWith('CREATING')).every(prefixOf(CALC))).toBe(true);
    expect(paths(seen.sess).filter((p) => p.startsWith('CREATING')).every((p) => SESS.startsWith(p))).toBe(true);
    // At 10 a second for 6 s, some item of each went all the way.
    expect(paths(seen.ex)).toContain(EX);
    expect(paths(seen.calcs)).toContain(CALC);
    expect(paths(seen.sess)).toContain(SESS);
    // Ended ones say when.
    const ended = executors(core).find((e) => e.ExecutorState === 'TERMINATED');
    expect(ended?.TerminationDateTime).toEqual(expect.any(Number));
  });

  it('sessions started through StartSession are left to their own calls; close() stops the steps', () => {
    let now = T0;
    const core = living(() => now);
    const started = call(core, 'StartSession', { WorkGroup: 'wg', EngineConfiguration: { MaxConcurrentDpus: 4 } }).body.SessionId as string;
    now += 1000;
    expect(listAll(core, 'ListExecutors', { SessionId: started }, 'ExecutorsSummary')).toHaveLength(1);
    expect(listAll(core, 'ListCalculationExecutions', { SessionId: started }, 'Calculations')).toHaveLength(0);
    const before = [executors(core), calculations(core), sessions(core)];
    core.close();
    now += 5000;
    expect([executors(core), calculations(core), sessions(core)]).toEqual(before);
  });

  it('a parent holds at most LIVING_CAP items (past it, an ended one is forgotten at each step); a long pause is made up in MAX_CATCH_UP steps at most', () => {
    let now = T0;
    const core = living(() => now, 100);
    try {
      // 2000 steps due at 10 ms each: only the last MAX_CATCH_UP are made, and the parent is cut to the cap.
      const due = 2000;
      now += due * 10;
      const ex = executors(core);
      expect(ex).toHaveLength(Math.min(1 + MAX_CATCH_UP, LIVING_CAP));
      expect(ex[0].StartDateTime).toBe(now);
      const workers = ex.filter((e) => e.ExecutorType === 'WORKER').map((e) => e.StartDateTime as number);
      expect(Math.min(...workers)).toBeGreaterThanOrEqual(T0 + (due - MAX_CATCH_UP + 1) * 10);
    } finally {
      core.close();
    }
  });

  it('its timer is unref\'d (it never holds a process open) and close() clears it', () => {
    const timers: NodeJS.Timeout[] = [];
    const real = globalThis.setInterval;
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms: number) => {
      const timer = real(fn, ms);
      timers.push(timer);
      return timer;
    }) as typeof setInterval);
    const clear = vi.spyOn(globalThis, 'clearInterval');
    try {
      const core = createEmulator({ living: 5 });
      expect(timers).toHaveLength(1);
      expect(timers[0].hasRef()).toBe(false);
      core.close();
      expect(clear).toHaveBeenCalledWith(timers[0]);
    } finally {
      spy.mockRestore();
      clear.mockRestore();
    }
  });

  it('its faults still apply: oldest-first lists the newest item last', () => {
    let now = T0;
    const core = living(() => now, 5, ['oldest-first']);
    try {
      now += 1000;
      const ex = executors(core);
      expect(ex[0].ExecutorId).toBe('e0');
      expect(ex.at(-1)?.StartDateTime).toBe(T0 + 1000);
    } finally {
      core.close();
    }
  });

  it('a rate that is not a number > 0 is refused in one line naming the option', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => createEmulator({ living: rate })).toThrow(/^createEmulator: living must be a number of steps per second > 0/);
  });
});

describe('startEmulator({ living }) on real timers', () => {
  it('grows with time, and stops on close', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const emulator = await startEmulator({ living: 20, sessions: { s: [] } });
    try {
      await until(() => executors(emulator.core).length >= 3, 'three executors in session s');
    } finally {
      await emulator.close();
    }
    const after = executors(emulator.core);
    // Three steps' time and more (a loaded machine only waits longer, which makes the check stronger).
    const closed = performance.now();
    await until(() => performance.now() - closed > 150, '150 ms after close');
    expect(executors(emulator.core)).toEqual(after);
  });
});

describe('serve --living', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a RATE that is not a number > 0 is one line on stderr naming the flag and the fix, exit 2', async () => {
    for (const raw of ['0', '-1', 'fast', '1e3', '']) {
      const err = captureWrites(process.stderr);
      expect(await main(['serve', '--living', raw]), raw).toBe(2);
      expect(err.chunks, raw).toHaveLength(1);
      expect(err.chunks[0]).toMatch(/^athena-contract: (--living: expected steps per second, a number > 0 such as 5 or 0\.5, got "[^"]*"|serve: --living needs a value)/);
      vi.restoreAllMocks();
    }
  });

  it('--help names it', async () => {
    const out = captureWrites(process.stdout);
    expect(await main(['serve', '--help'])).toBe(0);
    expect(out.chunks.join('')).toMatch(/--living RATE +a busy service: RATE times a second/);
  });
});
