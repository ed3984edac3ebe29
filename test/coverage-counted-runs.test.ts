/**
 * Coverage counts what the verdict counts: runs checked beside the one that decides a property's
 * verdict, past it in index order, are left out of the coverage as they are left out of the counters.
 * A plain-text error answer fails errors.invalid-request on its first boundary case; at the default
 * concurrency the next cases are already in flight, and their calls must not show in the warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, verify } from '../src/app/verify.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';

describe('coverage of the runs that count', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ faults: ['plain-text-errors'] });
  });
  afterAll(() => emulator.close());

  it.each([1, undefined])('at concurrency %s the coverage holds the calls of the runs up to the failure, and no more', async (concurrency) => {
    expect(DEFAULT_CONCURRENCY.endpoint).toBeGreaterThan(1);
    const report = await verify({ endpoint: emulator.url, seeded: true, seed: 1, only: ['errors.invalid-request'], concurrency });
    const [p] = report.properties;
    expect(p.status).toBe('failed');
    const calls = Object.values(p.coverage?.answers ?? {}).reduce((a, b) => a + b, 0);
    expect(calls).toBe(p.checks.okCalls + p.checks.errorCalls);
    expect(p.warnings.map((w) => w.message)).toContain(
      'every call failed for another reason: none of its 1 call was answered 400 InvalidRequestException or SerializationException (answers: 400 (unnamed) ×1)',
    );
  }, 120_000);
});
