/**
 * A live run of the whole family against the emulator's session calls (AWS_ENDPOINT_URL_ATHENA, as
 * the SDK reads it), as `verify --live --operation all` makes it: the three operations verified in
 * observational mode, the calculations listed across more than one page, and no session or
 * calculation left running after success, a property failure, SIGINT or SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { startEmulator, type Emulator, type FaultName } from '../src/emulator/index.js';
import { FAMILY, OPERATION_NAMES } from '../src/profiles/index.js';
import { LIVE_ENV, liveEnvironment } from './helpers/live-env.js';
import { interruptLive } from './helpers/live-interrupt.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

const setEnv = liveEnvironment();
let emulator: Emulator | undefined;

/** An emulator whose calculations end within a tenth of a second, so the small ones of a live run do. */
async function emulatorWith(faults: FaultName[] = []): Promise<Emulator> {
  emulator = await startEmulator({ faults, growth: { stepMs: 5, calculationMs: 100 } });
  setEnv({ ...LIVE_ENV, AWS_ENDPOINT_URL_ATHENA: emulator.url });
  return emulator;
}

/** No session and no calculation the emulator knows of is still running. */
function expectNoneRunning(e: Emulator): void {
  for (const [id, state] of Object.entries(e.core.sessionStates())) expect(['TERMINATED', 'FAILED'], `session ${id} is ${state}`).toContain(state);
  for (const [id, state] of Object.entries(e.core.calculationStates())) expect(['COMPLETED', 'CANCELED', 'FAILED'], `calculation ${id} is ${state}`).toContain(state);
}

const live = { workGroup: 'spark-wg', pollIntervalMs: 5, readyTimeoutMs: 60_000 };

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('verify --live --operation all', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  it('verifies the three operations, sees a second page of calculations, and leaves nothing running', async () => {
    const e = await emulatorWith();
    const report = await verify({ live, operations: FAMILY, runs: 5, seed: 1 });
    expect(report.summary.failed, JSON.stringify(report.properties.filter((p) => p.status === 'failed').map((p) => [p.operation, p.id, p.counterexample?.message]))).toBe(0);
    expect(new Set(report.properties.map((p) => p.operation))).toEqual(new Set(OPERATION_NAMES));
    const walks = report.properties.find((p) => p.operation === 'ListCalculationExecutions' && p.id === 'pagination.exactly-once')?.coverage?.walks;
    expect(walks?.multiPage).toBeGreaterThan(0);
    const sessions = report.properties.find((p) => p.operation === 'ListSessions' && p.id === 'pagination.exactly-once')?.coverage;
    expect(sessions?.executors.listed).toBeGreaterThan(0);
    expectNoneRunning(e);
  });

  it('a property that fails leaves nothing running either', async () => {
    const e = await emulatorWith(['calculations-oldest-first']);
    const report = await verify({ live, operations: FAMILY, runs: 5, seed: 1 });
    expect(report.properties.find((p) => p.operation === 'ListCalculationExecutions' && p.id === 'ordering.newest-first')?.status).toBe('failed');
    expectNoneRunning(e);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while the properties run: the session and its calculations are ended, exit %i', async (signal, exit) => {
    const e = await emulatorWith();
    const calculationsStarted = () => Object.keys(e.core.calculationStates()).length > 0;
    const { code, stderr } = await interruptLive({ url: e.url, env: LIVE_ENV, args: ['--workgroup', 'spark-wg', '--poll-interval', '20', '--operation', 'all', '--runs', '100000'] }, signal, calculationsStarted);
    expect(stderr).toContain(`${signal}: cleaning up before exit`);
    expect(code).toBe(exit);
    expectNoneRunning(e);
  });
});
