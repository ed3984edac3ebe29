/**
 * Live runs of the family against the emulator's session calls (AWS_ENDPOINT_URL_ATHENA): a run that
 * verifies ListCalculationExecutions starts small calculations beside the growth one (three in the
 * session, so that a walk at MaxResults 1 has a second page), hands the run its session and its
 * workgroup, and leaves no session and no calculation running after success or failure.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Warning } from '../src/common/results.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { withLiveSession, type LiveRun } from '../src/live/live-run.js';
import { SMALL_CALCULATIONS, SMALL_CODE } from '../src/live/small-calculations.js';
import { FAMILY, LIST_EXECUTORS } from '../src/profiles/index.js';
import { LIVE_ENV, liveEnvironment } from './helpers/live-env.js';

const setEnv = liveEnvironment();
let emulator: Emulator | undefined;
const RUNNING = ['CREATING', 'CREATED', 'QUEUED', 'RUNNING', 'CANCELING'];
const live = { workGroup: 'spark-wg', pollIntervalMs: 5, readyTimeoutMs: 60_000, log: () => undefined };

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function emulatorStarted(calculationMs = 100): Promise<Emulator> {
  // Calculations end by themselves in 100 ms here unless a test says otherwise (a small one does on AWS in seconds).
  emulator = await startEmulator({ growth: { stepMs: 5, calculationMs } });
  setEnv({ ...LIVE_ENV, AWS_ENDPOINT_URL_ATHENA: emulator.url });
  return emulator;
}

/** No session and no calculation the emulator knows of still runs. */
function expectNoneRunning(e: Emulator): void {
  for (const [id, state] of Object.entries(e.core.sessionStates())) expect(['TERMINATED', 'FAILED'], `session ${id} is ${state}`).toContain(state);
  for (const [id, state] of Object.entries(e.core.calculationStates())) expect(RUNNING, `calculation ${id} is ${state}`).not.toContain(state);
}

/** The CodeBlocks of the StartCalculationExecution calls the emulator got. */
function watchStarts(e: Emulator): string[] {
  const codes: string[] = [];
  const handle = e.core.handle;
  e.core.handle = (req) => {
    if (req.headers['x-amz-target'] === 'AmazonAthena.StartCalculationExecution') codes.push((JSON.parse(req.body) as { CodeBlock: string }).CodeBlock);
    return handle(req);
  };
  return codes;
}

describe('a live run of the family', () => {
  it('with ListCalculationExecutions: small calculations beside the growth one, the session and its workgroup handed to the run, nothing left running', async () => {
    const e = await emulatorStarted();
    const codes = watchStarts(e);
    let seen: LiveRun | undefined;
    let during: Record<string, string> = {};
    const result = await withLiveSession({ ...live, operations: FAMILY }, async (run) => {
      seen = run;
      during = e.core.calculationStates();
      return { warnings: [] };
    });
    expect(seen?.sessions).toHaveLength(1);
    expect(seen?.workgroups).toEqual(['spark-wg']);
    expect(seen?.operations).toEqual(FAMILY);
    // The small ones ran to their end first, then the growth one: three calculations, three pages at MaxResults 1.
    expect(codes.filter((c) => c === SMALL_CODE)).toHaveLength(SMALL_CALCULATIONS);
    expect(codes.at(-1)).not.toBe(SMALL_CODE);
    expect(Object.keys(during)).toHaveLength(SMALL_CALCULATIONS + 1);
    expect(Object.values(during).filter((s) => s === 'COMPLETED').length).toBeGreaterThanOrEqual(SMALL_CALCULATIONS);
    expect(result.live.sessions[0].finalState).toBe('TERMINATED');
    expectNoneRunning(e);
  });

  it('without ListCalculationExecutions: the growth calculation alone, as before', async () => {
    const e = await emulatorStarted();
    const codes = watchStarts(e);
    await withLiveSession({ ...live, operations: [LIST_EXECUTORS] }, async () => ({ warnings: [] }));
    expect(codes).toHaveLength(1);
    expect(codes[0]).not.toBe(SMALL_CODE);
    expectNoneRunning(e);
  });

  it('stops every calculation and terminates the session when the run fails', async () => {
    const e = await emulatorStarted();
    const error = await withLiveSession({ ...live, operations: FAMILY }, async () => {
      throw new Error('the run broke');
    }).catch((x: unknown) => x);
    expect((error as Error).message).toBe('the run broke');
    expect(Object.keys(e.core.calculationStates())).toHaveLength(SMALL_CALCULATIONS + 1);
    expectNoneRunning(e);
  });

  it('stops a small calculation that does not end in time, warns, runs the rest, and leaves nothing running', async () => {
    // Calculations that never end by themselves: only the harness's stops end them.
    const e = await emulatorStarted(3_600_000);
    let during: Record<string, string> = {};
    const result = await withLiveSession({ ...live, readyTimeoutMs: 300, operations: FAMILY }, async () => {
      during = e.core.calculationStates();
      return { warnings: [] as Warning[] };
    });
    expect(Object.keys(during)).toHaveLength(SMALL_CALCULATIONS + 1);
    expect(result.warnings.filter((w) => /small calculation .* did not end within/.test(w.message))).toHaveLength(SMALL_CALCULATIONS);
    expectNoneRunning(e);
  });

  it("the IAM policy of docs/live.md names every action a live run of the family calls, and each operation it verifies", async () => {
    const readme = readFileSync(new URL('../docs/live.md', import.meta.url), 'utf8');
    const block = /```json\n(\s*\{[^`]*ContractSessionInOneWorkgroup[^`]*)```/.exec(readme)?.[1];
    const policy = JSON.parse(block ?? '{}') as { Statement: { Action: string[] }[] };
    const allowed = new Set(policy.Statement.flatMap((st) => st.Action));
    const e = await emulatorStarted();
    const called = new Set<string>();
    const handle = e.core.handle;
    e.core.handle = (req) => {
      called.add(`athena:${String(req.headers['x-amz-target']).split('.').pop()}`);
      return handle(req);
    };
    await withLiveSession({ ...live, operations: FAMILY }, async () => ({ warnings: [] as Warning[] }));
    for (const p of FAMILY) called.add(`athena:${p.operation}`);
    expect(called.size).toBeGreaterThan(FAMILY.length);
    expect([...called].filter((action) => !allowed.has(action))).toEqual([]);
  });
});
