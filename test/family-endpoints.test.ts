/**
 * The catalogue on ListSessions and ListCalculationExecutions against endpoints written in the tests
 * (test/helpers/family-endpoint.ts), not the built-in emulator: each fault fails by the law it breaks,
 * named here. The legal readings of API.md, which pass, are test/family-readings.test.ts's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, type OperationProfile } from '../src/profiles/index.js';
import type { FamilyBehaviour } from './helpers/family-endpoint.js';
import { closeEndpoints, run } from './helpers/family-runs.js';

afterEach(closeEndpoints);

/** Runs `law` alone and expects it to fail, its message matching `message`. */
async function expectFails(profile: OperationProfile, mode: 'seeded' | 'observational', behaviour: FamilyBehaviour, law: string, message: RegExp): Promise<void> {
  const report = await run(profile, mode, behaviour, { only: [law] });
  const p = report.properties.find((x) => x.id === law);
  expect(p?.status, `${profile.operation} ${mode}: ${JSON.stringify(p?.counterexample?.message ?? p?.reason)}`).toBe('failed');
  expect(p?.counterexample?.message).toMatch(message);
}

describe('faults fail by the law they break', () => {
  it.each([
    // Sorting by id interleaves the items without a time among the others as well: either is the law's.
    ['sorted by id ascending', 'ordering.newest-first', { order: 'id-ascending' }, /newer after older|must come all first or all last/],
    ['sorted by the wrong timestamp', 'ordering.newest-first', { order: 'wrong-timestamp' }, /newer after older/],
    ['timestamps sent as ISO-8601 strings', 'response.conforms', { timestamps: 'iso' }, /must be number|SDK could not read/],
    ['timestamps sent as ISO-8601 strings', 'ordering.newest-first', { timestamps: 'iso' }, /not a number/],
  ] as const)('%s fails %s, both operations, both modes', async (_, law, behaviour, message) => {
    for (const profile of [LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS]) for (const mode of ['seeded', 'observational'] as const) await expectFails(profile, mode, behaviour, law, message);
  }, 300_000);

  it('items without the ordering key listed among the others fail ordering.newest-first (seeded)', async () => {
    for (const profile of [LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS]) await expectFails(profile, 'seeded', { keyless: 'middle' }, 'ordering.newest-first', /must come all first or all last/);
  }, 120_000);

  it('epoch milliseconds fail data.faithful (seeded), which names them', async () => {
    for (const profile of [LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS]) await expectFails(profile, 'seeded', { timestamps: 'millis' }, 'data.faithful', /epoch milliseconds/);
  }, 120_000);

  it('an active-only ListSessions that lists some IDLE sessions and not others fails pagination.exactly-once (seeded)', async () => {
    await expectFails(LIST_SESSIONS, 'seeded', { activeOnly: true, someIdle: true }, 'pagination.exactly-once', /never listed/);
  }, 120_000);

  it('StateFilter TERMINATED listing nothing fails filter.honoured, the active-only reading notwithstanding (seeded)', async () => {
    await expectFails(LIST_SESSIONS, 'seeded', { activeOnly: true, hideEnded: true }, 'filter.honoured', /TERMINATED/);
  }, 120_000);

  it('an executor with ExecutorId "" taken by the seeding route and never listed fails data.faithful at seed 1', async () => {
    await expectFails(LIST_EXECUTORS, 'seeded', { dropEmptyIds: true }, 'data.faithful', /never listed: ""/);
  }, 120_000);
});
