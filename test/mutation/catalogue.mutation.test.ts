/**
 * What `npm run mutation` runs against every mutant of the model and the emulator's wire code: the
 * catalogue against the built-in emulator, seeded in process (through the seeding route) and
 * observational over HTTP on loopback, at fixed seeds with few runs. One test per property, mode and
 * seed, so that Stryker's perTest coverage runs only the tests that reach a mutant and stops at the
 * first that fails. Not part of `npm test` (vitest.config.ts excludes it): it is the yardstick, the
 * suite's own copies of these runs are properties/catalogue.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, type PropertyId } from '../../src/contract/catalogue/index.js';
import { runContract } from '../../src/contract/run-contract.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import type { ExecutorState, ExecutorsSummary } from '../../src/generated/athena.js';
import type { PropertyReport } from '../../src/common/results.js';
import { emulatorTarget } from '../../src/targets/emulator-target.js';
import { endpointTarget } from '../../src/targets/endpoint-target.js';

/**
 * Milliseconds an HTTP request may take: the emulator answers in about one; a mutant that never
 * answers fails its test at once instead of running into Stryker's timeout.
 */
const REQUEST_TIMEOUT_MS = 2000;
/** Two seeds: what one seed's populations and requests miss, the other may reach. */
const SEEDS = [1, 2];
/** Runs per property: enough for each property's scenarios to vary, few enough for hundreds of mutants. */
const RUNS = 12;

const STATES: ExecutorState[] = ['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED'];

/**
 * The sessions the observational runs read: more executors than the default page holds, ties on
 * StartDateTime, executors without one, every state, 0-valued members; a small one; an empty one;
 * and small ones whose SessionIds are the shortest and the longest the API allows.
 */
function observedSessions(): Record<string, ExecutorsSummary[]> {
  const large = Array.from({ length: 57 }, (_, i): ExecutorsSummary => ({
    ExecutorId: `large-${String(i).padStart(3, '0')}`,
    ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
    ...(i % 19 === 7 ? {} : { StartDateTime: 1_764_000_000_000 + Math.floor(i / 3) * 1000 }),
    ExecutorState: STATES[i % STATES.length],
    ExecutorSize: i % 4,
    ...(i % 6 === 4 ? { TerminationDateTime: 1_764_100_000_000 } : {}),
  }));
  large.push({ ExecutorId: 'large-zero', StartDateTime: 0, TerminationDateTime: 0, ExecutorSize: 0, ExecutorState: 'TERMINATED' });
  const small = large.slice(0, 6).map((e) => ({ ...e, ExecutorId: `small-${e.ExecutorId}` }));
  // The SessionId's edges: 1 code point, and 256 astral ones (512 UTF-16 units, 1024 UTF-8 bytes).
  return { 'observed-large': large, 'observed-small': small, 'observed-empty': [], z: small.slice(0, 2), ['\u{1D4B3}'.repeat(256)]: small.slice(2, 5) };
}

function verdict(p: PropertyReport): string {
  return p.status === 'passed' ? 'passed' : `${p.status}: ${p.counterexample?.message ?? p.reason ?? ''}`;
}

const seededIds = catalogue.map((p) => p.id);
const observationalIds = catalogue.filter((p) => (p.modes as readonly string[]).includes('observational')).map((p) => p.id);

describe.each(SEEDS)('seed %i', (seed) => {
  describe('seeded, in process', () => {
    it.each(seededIds)('%s', async (id: PropertyId) => {
      const target = emulatorTarget({ region: 'us-east-1' });
      const report = await runContract({ target, mode: 'seeded', seed, runs: RUNS, only: [id] });
      await target.close();
      expect(verdict(report.properties[0])).toBe('passed');
      expect(report.warnings).toEqual([]);
    });
  });

  describe('observational, over HTTP', () => {
    let emu: Emulator;
    beforeAll(async () => {
      emu = await startEmulator({ sessions: observedSessions() });
    });
    afterAll(() => emu.close());

    it.each(observationalIds)('%s', async (id: PropertyId) => {
      const target = endpointTarget({ url: emu.url, region: 'us-east-1', seeded: false, timeoutMs: REQUEST_TIMEOUT_MS });
      const sessions = Object.keys(observedSessions());
      const report = await runContract({ target, mode: 'observational', sessions, seed, runs: RUNS, only: [id] });
      await target.close();
      expect(verdict(report.properties[0])).toBe('passed');
      expect(report.warnings).toEqual([]);
    });
  });
});
