/**
 * `athena-contract verify --live` as its own process against the emulator over HTTP (through
 * AWS_ENDPOINT_URL_ATHENA): its one live line, its flags' usage, and SIGINT and SIGTERM mid-calculation
 * leaving nothing running. The same runs in process: test/live-growth.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/emulator/index.js';
import { runCli } from './helpers/cli.js';
import { expectNothingRunning, growingEmulators } from './helpers/growing-emulator.js';
import { LIVE_ENV } from './helpers/live-env.js';
import { interruptLive, type Interrupted } from './helpers/live-interrupt.js';

const ENV = LIVE_ENV;
const { emulatorWith } = growingEmulators();

describe('athena-contract verify --live (the CLI)', () => {
  it('prints one live line with the DPUs, the calculation and the executors; the new flags need --live', async () => {
    const { e } = await emulatorWith();
    const env = { ...ENV, AWS_ENDPOINT_URL_ATHENA: e.url };
    const out = await runCli(['verify', '--live', '--workgroup', 'wg', '--runs', '1', '--only', 'pagination.page-size', '--poll-interval', '5', '--no-progress'], { env });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^live: session \S+ TERMINATED, [\d.]+ DPU-hours \(\d+ DPU-ms\); calculation \S+ CANCELED; executors besides the coordinator: peak \d, 3 seen \(--min-executors 2\)$/m);
    const outside = await runCli(['verify', '--max-dpus', '4'], { env });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--max-dpus applies to live runs: add --live, or drop --max-dpus');
    expectNothingRunning(e);
  });
});

/** Runs `verify --live` in a child process and sends `signal` once the calculation runs with executors. */
function interrupt(e: Emulator, signal: NodeJS.Signals): Promise<Interrupted> {
  const ready = (stderr: string): boolean => /lists \d+ executor/.test(stderr) && Object.values(e.core.calculationStates()).includes('RUNNING');
  return interruptLive({ url: e.url, env: ENV, args: ['--workgroup', 'wg', '--poll-interval', '10', '--runs', '100000'] }, signal, ready);
}

describe('verify --live under signals mid-calculation (child process)', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: the calculation is stopped and the session terminated, exit ${code}`, async () => {
      const { e } = await emulatorWith(['calculation-never-completes']);
      const out = await interrupt(e, signal);
      expect(out.stderr).toMatch(new RegExp(`${signal}: cleaning up before exit[\\s\\S]*calculation .*: CANCELED; session .*: TERMINATED`));
      expect(out.code).toBe(code);
      expect(Object.values(e.core.calculationStates())).toEqual(['CANCELED']);
      expect(Object.values(e.core.sessionStates())).toEqual(['TERMINATED']);
    });
  }
});
