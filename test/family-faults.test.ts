/**
 * The self-test of ListSessions and ListCalculationExecutions against the built-in emulator: each
 * fault of those operations (the table derived from the registry entries: operation, fault, the
 * property its `catches` names) fails that property of its operation's catalogue, and the fault-free
 * emulator passes every property of both operations, seeded at seeds 1-3 and observationally over
 * parents seeded beforehand.
 */
import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../src/contract/catalogue/index.js';
import { runContract } from '../src/contract/run-contract.js';
import { FAULT_REGISTRY, type FaultName } from '../src/emulator/index.js';
import { profileNamed, type OperationProfile } from '../src/profiles/index.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

const SEED = 424242;
/** Enough runs for every fault to show (most on the first); shrinking stops at once: only the verdict matters. */
const RUNS_WITH_FAULT = 50;
const SHRINK_MS = 1;
const FAMILY_OPERATIONS = ['ListSessions', 'ListCalculationExecutions'] as const;

/** One row of the self-test table: a fault of a family operation and the property of that operation meant to catch it. */
interface Row {
  fault: FaultName;
  profile: OperationProfile;
  property: string;
}

/** The table, from the registry: every fault whose operation is ListSessions or ListCalculationExecutions. */
const rows: Row[] = FAULT_REGISTRY.flatMap((f) =>
  f.operation !== null && f.catches !== null && (FAMILY_OPERATIONS as readonly string[]).includes(f.operation) ? [{ fault: f.name, profile: profileNamed(f.operation)!, property: f.catches }] : [],
);

const idsOf = (profile: OperationProfile): string[] => catalogueFor(profile).map((p) => p.id);

describe('the family faults of the registry', () => {
  it('name a property of their operation, at least one fault for each of its properties but the ones every operation shares through its request validation', () => {
    for (const op of FAMILY_OPERATIONS) {
      const profile = profileNamed(op)!;
      const mine = rows.filter((r) => r.profile === profile);
      expect(mine.length, op).toBeGreaterThanOrEqual(10);
      for (const r of mine) expect(idsOf(profile), r.fault).toContain(r.property);
      const covered = new Set(mine.map((r) => r.property));
      expect(idsOf(profile).filter((id) => !covered.has(id)).sort(), op).toEqual(['errors.invalid-request', 'pagination.stable-under-inserts']);
    }
  });

  it('have names that say their operation, unique across the registry', () => {
    for (const r of rows) expect(r.fault).toMatch(r.profile.operation === 'ListSessions' ? /^sessions-/ : /^calculations-/);
    expect(new Set(FAULT_REGISTRY.map((f) => f.name)).size).toBe(FAULT_REGISTRY.length);
  });
});

describe('self-test: each family fault fails the property of its operation meant for it', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  it.each(rows.map((r) => [r.fault, r.profile.operation, r.property, r] as const))('%s fails %s/%s', async (_fault, _op, _property, row) => {
    const target = emulatorTarget({ region: 'us-east-1', faults: [row.fault] });
    try {
      const report = await runContract({ target, mode: 'seeded', profile: row.profile, seed: SEED, runs: RUNS_WITH_FAULT, only: [row.property], shrinkBudgetMs: SHRINK_MS });
      const [p] = report.properties;
      expect(p.id).toBe(row.property);
      expect(p.status, `${row.fault}: ${p.reason ?? 'no counterexample'}`).toBe('failed');
    } finally {
      await target.close();
    }
  });
});


describe('the fault-free emulator passes every property of both operations', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {

  it.each(FAMILY_OPERATIONS.flatMap((op) => [1, 2, 3].map((seed) => [op, seed] as const)))('%s, seeded, seed %i', async (op, seed) => {
    const profile = profileNamed(op)!;
    const target = emulatorTarget({ region: 'us-east-1' });
    try {
      const report = await runContract({ target, mode: 'seeded', profile, seed, runs: 30, only: idsOf(profile) });
      expect(report.properties.map((p) => p.id)).toEqual(idsOf(profile));
      for (const p of report.properties) expect([p.id, p.status, p.counterexample?.message]).toEqual([p.id, 'passed', undefined]);
    } finally {
      await target.close();
    }
  });

  /** Parents an observational run reads: ties, an item without its ordering timestamp, fractional seconds, every state, an empty parent. */
  const observed = (profile: OperationProfile): Record<string, object[]> => {
    const timeKey = profile.orderKey.path.at(-1)!;
    const items = Array.from({ length: 23 }, (_, i) => ({
      [profile.id]: `${profile.itemNoun}-${String(i).padStart(2, '0')}`,
      Status: { ...(i === 22 ? {} : { [timeKey]: 1_764_000_000 + Math.floor(i / 3) + 0.125 }), State: profile.states[i % profile.states.length] },
    }));
    return { [`observed-${profile.itemNoun}s-a`]: items, [`observed-${profile.itemNoun}s-b`]: [] };
  };

  it.each(FAMILY_OPERATIONS)('%s, observational, over parents seeded beforehand', async (op) => {
    const profile = profileNamed(op)!;
    const target = emulatorTarget({ region: 'us-east-1' });
    try {
      const parents = observed(profile);
      for (const [parent, items] of Object.entries(parents)) await target.seeding!.put(parent, items, profile);
      const report = await runContract({ target, mode: 'observational', profile, ...(profile.parent.route === 'workgroups' ? { workgroups: Object.keys(parents) } : { sessions: Object.keys(parents) }), seed: 1, runs: 30, only: idsOf(profile) });
      const statuses = Object.fromEntries(report.properties.map((p) => [p.id, p.status]));
      expect(statuses).toEqual(Object.fromEntries(idsOf(profile).map((id) => [id, id === 'data.faithful' || id === 'pagination.stable-under-inserts' ? 'skipped' : 'passed'])));
    } finally {
      await target.close();
    }
  });
});
