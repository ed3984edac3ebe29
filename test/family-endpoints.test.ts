/**
 * The catalogue on ListSessions and ListCalculationExecutions against endpoints written in the tests
 * (test/helpers/family-endpoint.ts), not the built-in emulator: each legal reading of API.md passes in
 * both modes (the active-only ListSessions, fractional seconds, an unknown parent answered
 * InvalidRequestException), and each fault fails by the law it breaks, named here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../src/contract/run-contract.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, type OperationProfile } from '../src/profiles/index.js';
import type { Report } from '../src/common/results.js';
import { startFamilyEndpoint, type FamilyBehaviour, type FamilyEndpoint, type FamilyHolding } from './helpers/family-endpoint.js';

const T = 1_701_234_567.891;
const SESSION_STATES = LIST_SESSIONS.states;
const CALC_STATES = LIST_CALCULATION_EXECUTIONS.states;

/** What observational runs read: ids against time order, ties, fractional seconds, every state, an item without Status, an empty parent. */
const HOLDING: FamilyHolding = {
  workgroups: {
    'wg-a': Array.from({ length: 17 }, (_, i) => ({
      SessionId: `s-${String(i).padStart(2, '0')}`,
      ...(i === 16 ? {} : { Status: { StartDateTime: T + Math.floor(i / 3) + 0.125, LastModifiedDateTime: T - i, State: SESSION_STATES[i % SESSION_STATES.length] } }),
    })),
    'wg-b': [],
  },
  sessions: {
    'sess-a': {
      calculations: Array.from({ length: 13 }, (_, i) => ({
        CalculationExecutionId: `c-${String(i).padStart(2, '0')}`,
        Status: { SubmissionDateTime: T + Math.floor(i / 2) + 0.5, CompletionDateTime: T - i, State: CALC_STATES[i % CALC_STATES.length] },
      })),
    },
    'sess-b': {},
  },
};
const PARENTS: Record<string, string[]> = { ListSessions: ['wg-a', 'wg-b'], ListCalculationExecutions: ['sess-a', 'sess-b'], ListExecutors: ['sess-a'] };

const open: FamilyEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function run(profile: OperationProfile, mode: 'seeded' | 'observational', behaviour: FamilyBehaviour, options: { seed?: number; only?: string[]; runs?: number } = {}): Promise<Report> {
  const endpoint = await startFamilyEndpoint(behaviour, mode === 'observational' ? HOLDING : {});
  open.push(endpoint);
  const target = endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: mode === 'seeded' });
  try {
    const report = await runContract({
      target,
      mode,
      profile,
      // ListSessions reads workgroups, the other two sessions.
      [profile.parent.route === 'workgroups' ? 'workgroups' : 'sessions']: mode === 'observational' ? PARENTS[profile.operation] : [],
      seed: options.seed ?? 1,
      runs: options.runs ?? 10,
      only: options.only,
      deadlineMs: 60_000,
    });
    expect(endpoint.calls(profile.operation)).toBeGreaterThan(0);
    return report;
  } finally {
    await target.close();
  }
}

const failures = (r: Report) => r.properties.filter((p) => p.status !== 'passed' && p.status !== 'skipped').map((p) => `${p.id}: ${p.status} ${JSON.stringify(p.counterexample?.message ?? p.reason ?? '')}`);

describe('legal readings pass, in both modes, at seeds 1-3', () => {
  const readings: [string, OperationProfile, FamilyBehaviour][] = [
    ['an active-only ListSessions', LIST_SESSIONS, { activeOnly: true }],
    ['fractional seconds (ListCalculationExecutions)', LIST_CALCULATION_EXECUTIONS, {}],
    ['unknown workgroups answered InvalidRequestException', LIST_SESSIONS, { unknownParent: 'InvalidRequestException' }],
    ['unknown sessions answered InvalidRequestException (ListCalculationExecutions)', LIST_CALCULATION_EXECUTIONS, { unknownParent: 'InvalidRequestException' }],
    ['sessions without Status.StartDateTime listed first', LIST_SESSIONS, { keyless: 'first' }],
  ];
  it.each(readings)('%s', async (_, profile, behaviour) => {
    for (const mode of ['seeded', 'observational'] as const)
      for (const seed of [1, 2, 3]) {
        const report = await run(profile, mode, behaviour, { seed });
        expect(failures(report), `${mode}, seed ${seed}`).toEqual([]);
        expect(report.properties.filter((p) => p.status === 'passed').length).toBeGreaterThanOrEqual(mode === 'seeded' ? 10 : 8);
      }
  }, 600_000);
});

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
