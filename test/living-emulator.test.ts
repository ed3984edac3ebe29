/**
 * The living emulator (issue 23, part 3): `createEmulator({ living })` and `serve --living RATE` make
 * every parent gain a newest item and move one item a step along its lifecycle RATE times a second
 * (all three operations), driven by the emulator's clock; it stops on close; its faults still apply;
 * and the observational catalogue run against `serve --living 5` passes, while the faults of the
 * previous issues are each still caught by their property.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { createEmulator, startEmulator, type EmulatorCore } from '../src/emulator/index.js';
import { LIVING_CAP, MAX_CATCH_UP } from '../src/emulator/living.js';
import { BIN, runCli } from './helpers/cli.js';
import { call } from './helpers/emulator-call.js';
import { tempDir } from './helpers/temp-dir.js';
import { captureWrites, LOADED_TEST_TIMEOUT_MS, until, within } from './helpers/wait.js';

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
function living(clock: () => number, rate = 5, faults: string[] = []): EmulatorCore {
  return createEmulator({
    clock,
    living: rate,
    faults: faults as never,
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
      // 2000 steps due: the last MAX_CATCH_UP of them are made, one parent's 1 + 1000 items cut to the cap.
      now += 20_000;
      const ex = executors(core);
      expect(MAX_CATCH_UP).toBe(LIVING_CAP);
      expect(ex).toHaveLength(LIVING_CAP);
      expect(ex[0].StartDateTime).toBe(now);
      const workers = ex.filter((e) => e.ExecutorType === 'WORKER').map((e) => e.StartDateTime as number);
      expect(Math.min(...workers)).toBe(T0 + 10_010);
    } finally {
      core.close();
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

/** What the acceptance runs seed: a session with its coordinator and a completed calculation, a workgroup with one IDLE session. */
const SEED = {
  sessions: {
    s1: {
      executors: [{ ExecutorId: 'coordinator', ExecutorType: 'COORDINATOR', StartDateTime: 1_764_900_000_000, ExecutorState: 'REGISTERED', ExecutorSize: 1 }],
      calculations: [{ CalculationExecutionId: 'c0', Status: { SubmissionDateTime: 1_764_900_000, CompletionDateTime: 1_764_900_100, State: 'COMPLETED' } }],
    },
  },
  workgroups: { wg: [{ SessionId: 'w0', Status: { StartDateTime: 1_764_900_000, LastModifiedDateTime: 1_764_900_000, State: 'IDLE' } }] },
};

const servers: ChildProcess[] = [];
afterAll(() => {
  for (const server of servers) server.kill();
});

/** Starts the bin's `serve --living 5 --port 0` on the seed above with `args`, and resolves to its URL once it prints it. */
function serveLiving(...args: string[]): Promise<string> {
  const dir = tempDir('living-');
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(SEED));
  const server = spawn(BIN, ['serve', '--living', '5', '--port', '0', '--seed-file', file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(server);
  const listening = new Promise<string>((resolve, reject) => {
    let text = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      if (url) resolve(url);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code} before listening`)));
  });
  return within(listening, "serve --living's listening line");
}

/** One property's verdict in a JSON report. */
interface Verdict {
  operation: string;
  id: string;
  status: string;
  counterexample: { message: string } | null;
}

/** Runs `verify` in observational mode on `url` (session s1, workgroup wg, all three operations) and reads its JSON report. */
async function observe(url: string, ...args: string[]): Promise<{ code: number; stderr: string; verdicts: Verdict[] }> {
  const json = join(tempDir('living-report-'), 'report.json');
  const r = await runCli(['verify', '--endpoint', url, '--session-id', 's1', '--workgroup', 'wg', '--operation', 'all', '--seed', '1', '--no-progress', '--json', json, ...args], { timeoutMs: 120_000 });
  return { code: r.code, stderr: r.stderr, verdicts: (JSON.parse(readFileSync(json, 'utf8')) as { properties: Verdict[] }).properties };
}

describe.concurrent('serve --living 5, verified in observational mode', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  // Depends on issue 23 parts 1-2 (the other helper's laws): until they bracket cross-walk comparisons
  // on a moving target, pagination.exactly-once (and possibly filter.honoured) compare walks made at
  // different times as sets and fail here with "lists a different set than with MaxResults ...".
  it('passes every property of the three operations (needs the laws of parts 1-2)', async () => {
    const url = await serveLiving();
    const { code, stderr, verdicts } = await observe(url, '--runs', '5');
    const failed = verdicts.filter((v) => v.status === 'failed').map((v) => `${v.operation}/${v.id}: ${v.counterexample?.message}`);
    expect(failed, stderr).toEqual([]);
    expect(code, stderr).toBe(0);
    expect(verdicts.filter((v) => v.status === 'passed').map((v) => v.operation)).toEqual(expect.arrayContaining(['ListExecutors', 'ListSessions', 'ListCalculationExecutions']));
  });

  it('still catches the faults of the previous issues, one per operation, each by its property and within one walk', async () => {
    const url = await serveLiving('--fault', 'oldest-first', '--fault', 'sessions-filter-ignored', '--fault', 'calculations-page-boundary-duplicate');
    const only = 'ListExecutors/ordering.newest-first,ListSessions/filter.honoured,ListCalculationExecutions/pagination.exactly-once';
    const { code, stderr, verdicts } = await observe(url, '--only', only, '--runs', '5');
    expect(code, stderr).toBe(1);
    const byName = new Map(verdicts.map((v) => [`${v.operation}/${v.id}`, v]));
    expect([...byName.keys()].sort()).toEqual(only.split(',').sort());
    for (const v of byName.values()) expect(v.status, `${v.operation}/${v.id}`).toBe('failed');
    // What each found is a breach inside one walk, which no motion of the data excuses.
    expect(byName.get('ListExecutors/ordering.newest-first')?.counterexample?.message).toMatch(/newer after older/);
    expect(byName.get('ListSessions/filter.honoured')?.counterexample?.message).toMatch(/^with StateFilter \w+, page \d+ lists session "[^"]+" in state "\w+"/);
    expect(byName.get('ListCalculationExecutions/pagination.exactly-once')?.counterexample?.message).toMatch(/did not terminate|twice|more than once/);
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
