/**
 * A live run whose own calculation keeps growing its session while the catalogue lists (issue 23,
 * part 4): against the emulator's session calls (AWS_ENDPOINT_URL_ATHENA), a session with room for
 * many workers gains one every step during the run; nothing is paused to make the data hold still; the
 * run passes all three operations; the calculation is stopped and the session terminated at the end.
 */
import { ListExecutorsCommand } from '@aws-sdk/client-athena';
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { FAMILY } from '../src/profiles/index.js';
import { LIVE_ENV, liveEnvironment } from './helpers/live-env.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

const setEnv = liveEnvironment();
let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** Room for 39 workers beside the coordinator, one more every 100 ms: the session grows as long as its calculation runs. */
const MAX_DPUS = 40;
const STEP_MS = 100;
/**
 * How long every calculation of the emulator runs: the run's two small calculations first wait for
 * theirs to end, so it is short; the growth calculation may end by itself before the run does (then
 * its executors end while the catalogue lists: a target that moves all the same).
 */
const CALCULATION_MS = 4000;

describe('a live run against a session its calculation keeps growing', () => {
  it('passes all three operations while executors keep coming; the calculation is stopped and the session terminated at the end', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const e = await startEmulator({ growth: { stepMs: STEP_MS, calculationMs: CALCULATION_MS } });
    emulator = e;
    setEnv({ ...LIVE_ENV, AWS_ENDPOINT_URL_ATHENA: e.url });
    const client = e.client();
    // How many executors the session lists as each property starts: read beside the run, as a user would.
    const counts: Promise<number>[] = [];
    const sessionOf = () => Object.keys(e.core.sessionStates())[0];
    const count = async () => (await client.send(new ListExecutorsCommand({ SessionId: sessionOf(), MaxResults: 100 }))).ExecutorsSummary?.length ?? 0;
    try {
      const report = await verify({
        live: { workGroup: 'spark-wg', pollIntervalMs: 5, readyTimeoutMs: 60_000, maxDpus: MAX_DPUS },
        operations: FAMILY,
        runs: 3,
        seed: 1,
        listener: { propertyStart: () => void counts.push(count()) },
      });
      const seen = await Promise.all(counts);
      // The session grew while the catalogue listed: more executors at the last property than at the first.
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.at(-1)!).toBeGreaterThan(seen[0]);
      // The cross-walk laws bind only what held still between walks (a set comparison would fail on the
      // executors that came between), and the report says that the target moved.
      const failed = report.properties.filter((p) => p.status === 'failed').map((p) => `${p.operation}/${p.id}: ${p.counterexample?.message}`);
      expect(failed).toEqual([]);
      expect(report.coverage?.moving?.came).toBeGreaterThan(0);
      expect(report.warnings.some((w) => w.kind === 'moving')).toBe(true);
      for (const profile of FAMILY) expect(report.properties.filter((p) => p.operation === profile.operation && p.status === 'passed').length, profile.operation).toBeGreaterThan(0);
      // Stopped (unless it had completed by itself) and terminated at the end, as ever.
      expect(report.live?.calculation).toMatchObject({ finalState: expect.stringMatching(/^(CANCELED|COMPLETED)$/), reached: true });
      expect(report.live?.sessions[0]).toMatchObject({ startedByHarness: true, finalState: 'TERMINATED' });
      expect(Object.values(e.core.calculationStates()).filter((s) => !['CANCELED', 'COMPLETED'].includes(s))).toEqual([]);
    } finally {
      client.destroy();
    }
  });
});
