/**
 * Runs of the catalogue on ListSessions and ListCalculationExecutions against endpoints written in the
 * tests (test/helpers/family-endpoint.ts): what observational runs read, and one run of one operation
 * in one mode against a fresh endpoint with a given behaviour, its requests handed over in process.
 * Shared by test/family-endpoints.test.ts (the faults) and test/family-readings.test.ts (the legal
 * readings), two files so that they run side by side.
 */
import { expect } from 'vitest';
import { runContract } from '../../src/contract/run-contract.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_SESSIONS, type OperationProfile } from '../../src/profiles/index.js';
import type { Report } from '../../src/common/results.js';
import { startFamilyEndpoint, type FamilyBehaviour, type FamilyEndpoint, type FamilyHolding } from './family-endpoint.js';
import { inProcessTarget } from './in-process-target.js';

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

/** Closes the endpoints the runs started (each test file's afterEach). */
export async function closeEndpoints(): Promise<void> {
  await Promise.all(open.splice(0).map((e) => e.close()));
}

/** One run of `profile`'s catalogue in `mode` against a fresh endpoint behaving as `behaviour` (observational: over the parents of HOLDING). */
export async function run(profile: OperationProfile, mode: 'seeded' | 'observational', behaviour: FamilyBehaviour, options: { seed?: number; only?: string[]; runs?: number } = {}): Promise<Report> {
  const endpoint = await startFamilyEndpoint(behaviour, mode === 'observational' ? HOLDING : {});
  open.push(endpoint);
  // In process, seeding included: the same answers as over HTTP without the sockets, most of a run's time.
  const target = inProcessTarget(endpoint, { seeded: mode === 'seeded' });
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

/** The properties of `r` that neither passed nor were skipped, each with why. */
export const failures = (r: Report): string[] => r.properties.filter((p) => p.status !== 'passed' && p.status !== 'skipped').map((p) => `${p.id}: ${p.status} ${JSON.stringify(p.counterexample?.message ?? p.reason ?? '')}`);
