/**
 * The catalogue's ids, unique and stable; then the catalogue against the built-in emulator, through
 * its two transports: the SDK request handler in process (no socket) and the HTTP server on loopback.
 * A correct emulator must pass every property.
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, isPropertyId, propertyIds } from '../src/contract/catalogue/index.js';
import { runContract } from '../src/contract/run-contract.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import type { Report } from '../src/common/results.js';

function failures(report: Report): string[] {
  return report.properties.filter((p) => p.status === 'failed').map((p) => `${p.id}: ${p.counterexample?.message}`);
}

/** The ids that occur more than once in `ids`, each once, in order of first repetition. */
function repeated(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

describe('the catalogue ids', () => {
  it('are unique, so that reports, --only and cassettes name one property each', () => {
    expect(repeated(catalogue.map((p) => p.id))).toEqual([]);
    expect(new Set(propertyIds).size).toBe(catalogue.length);
    // The check is not vacuous: a catalogue listing one property twice is caught, by its id.
    expect(repeated([...propertyIds, propertyIds[4]])).toEqual([propertyIds[4]]);
  });

  it('are stable: the ids reports, CI and recordings key on, in report order', () => {
    expect(propertyIds).toEqual([
      'response.conforms',
      'pagination.exactly-once',
      'pagination.page-size',
      'ordering.newest-first',
      'filter.honoured',
      'data.faithful',
      'errors.invalid-request',
      'errors.unknown-session',
      'errors.invalid-token',
      'pagination.stable-under-inserts',
    ]);
    for (const id of propertyIds) expect(isPropertyId(id), id).toBe(true);
    expect(isPropertyId('ordering.oldest-first')).toBe(false);
  });
});

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => nock.enableNetConnect());

describe('the catalogue against the fault-free built-in emulator', () => {
  it('every property passes through the in-process request handler, and none vacuously', async () => {
    const target = emulatorTarget({ region: 'us-east-1' });
    const report = await runContract({ target, mode: 'seeded', seed: 20261125, runs: 100 });
    await target.close();
    expect(failures(report)).toEqual([]);
    expect(report.summary).toEqual({ passed: 10, failed: 0, skipped: 0, inconclusive: 0 });
    expect(report.warnings).toEqual([]);
    for (const p of report.properties) expect(p.runs, p.id).toBe(100);
  });

  describe('over HTTP on loopback', () => {
    let emu: Emulator;
    beforeAll(async () => {
      emu = await startEmulator({ sessions: { 'observed-1': [], 'observed-2': [] } });
    });
    afterAll(() => emu.close());

    it('every property passes in seeded mode through the seeding routes', async () => {
      const target = endpointTarget({ url: emu.url, region: 'us-east-1', seeded: true });
      const report = await runContract({ target, mode: 'seeded', seed: 7, runs: 30 });
      await target.close();
      expect(failures(report)).toEqual([]);
      expect(report.summary.passed).toBe(10);
    });

    it('observational mode passes on sessions it does not control and skips what needs seeding, with the reason', async () => {
      const executors = Array.from({ length: 12 }, (_, i) => ({
        ExecutorId: `e-${i}`,
        StartDateTime: 1_700_000_000_000 + Math.floor(i / 3) * 1000,
        ExecutorState: (['REGISTERED', 'TERMINATED', 'FAILED'] as const)[i % 3],
        ExecutorType: 'WORKER' as const,
      }));
      emu.seed('observed-1', executors);
      emu.seed('observed-2', executors.slice(0, 5).map((e) => ({ ...e, ExecutorId: `other-${e.ExecutorId}` })));
      const target = endpointTarget({ url: emu.url, region: 'us-east-1', seeded: false });
      const report = await runContract({ target, mode: 'observational', sessions: ['observed-1', 'observed-2'], seed: 3, runs: 20 });
      await target.close();
      expect(failures(report)).toEqual([]);
      const skipped = report.properties.filter((p) => p.status === 'skipped');
      expect(skipped.map((p) => p.id).sort()).toEqual(['data.faithful', 'pagination.stable-under-inserts']);
      for (const p of skipped) expect(p.reason).toMatch(/needs seeding/);
      expect(report.warnings).toEqual([]);
    });
  });
});
