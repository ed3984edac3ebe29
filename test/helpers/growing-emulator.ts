/**
 * The emulator the live-growth tests run against (test/live-growth.test.ts in process,
 * test/live-growth-cli.test.ts as child processes): its calculations grow a worker every 5 ms, the
 * requests it is sent are kept by operation, and what it still runs is checked after each run.
 */
import { afterEach, expect } from 'vitest';
import { startEmulator, type Emulator, type FaultName } from '../../src/emulator/index.js';
import type { WireRequest } from '../../src/wire/exchange.js';
import { LIVE_ENV, liveEnvironment } from './live-env.js';

/** An emulator with `faults` and the requests it was sent, by operation. */
export interface GrowingEmulator {
  e: Emulator;
  sent: Record<string, Record<string, unknown>[]>;
}

/** What {@link growingEmulators} gives a test file. */
export interface GrowingEmulators {
  /** Starts an emulator with `faults` (calculations growing a worker every `growth.stepMs`) and points the SDK's environment at it. */
  emulatorWith(faults?: FaultName[], growth?: { stepMs: number; calculationMs: number }): Promise<GrowingEmulator>;
  /** Sets environment variables for the rest of the file (live-env.ts). */
  setEnv(values: Record<string, string>): void;
}

/** Registers the file's hooks (the live environment, the emulator closed after each test). */
export function growingEmulators(): GrowingEmulators {
  const setEnv = liveEnvironment();
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  const emulatorWith = async (faults: FaultName[] = [], growth = { stepMs: 5, calculationMs: 600_000 }): Promise<GrowingEmulator> => {
    const e = await startEmulator({ faults, growth });
    emulator = e;
    const sent: Record<string, Record<string, unknown>[]> = {};
    const handle = e.core.handle;
    e.core.handle = (req: WireRequest) => {
      const op = (req.headers['x-amz-target'] ?? '').replace('AmazonAthena.', '');
      (sent[op] ??= []).push(req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {});
      return handle(req);
    };
    setEnv({ ...LIVE_ENV, AWS_ENDPOINT_URL_ATHENA: e.url });
    return { e, sent };
  };
  return { emulatorWith, setEnv };
}

/** No session and no calculation the emulator knows of is still running. */
export function expectNothingRunning(e: Emulator): void {
  for (const [id, state] of Object.entries(e.core.sessionStates())) expect(['TERMINATED', 'FAILED'], `session ${id} is ${state}`).toContain(state);
  for (const [id, state] of Object.entries(e.core.calculationStates())) expect(['CANCELED', 'COMPLETED', 'FAILED'], `calculation ${id} is ${state}`).toContain(state);
}
