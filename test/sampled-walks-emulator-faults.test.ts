/**
 * The built-in emulator's faults with sampling engaged: each fault of the registry whose property runs
 * observationally is caught by that property at seeds 1-3, observationally, on parents (seeded in
 * process beforehand) of 300 items, so that walks at MaxResults 1 and 2 are sampled (more than 100
 * pages) and exactly-once sweeps every boundary, besides a small parent and an empty one, for all three
 * operations.
 */
import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../src/contract/catalogue/index.js';
import { runContract } from '../src/contract/run-contract.js';
import { FAULT_REGISTRY, type FaultName } from '../src/emulator/index.js';
import { benchItem } from '../src/bench/items.js';
import { FAMILY, profileNamed, type OperationProfile } from '../src/profiles/index.js';
import type { Report } from '../src/common/results.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import { SAMPLE_ABOVE_PAGES } from '../src/contract/catalogue/sampled-walk.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

/** Items of the large parent: more than SAMPLE_ABOVE_PAGES pages at MaxResults 1 and 2. */
const LARGE = 300;

/**
 * `n` items of `profile`'s operation a step apart (ordering-key ties in threes past the first 30),
 * every state in turn, their ids in another order than their ordering keys, and seeded in a third
 * (so that faults listing by id or by insertion show).
 */
function items(profile: OperationProfile, prefix: string, n: number): object[] {
  const step = profile.orderKey.unit === 'epoch-millis' ? 1000 : 1;
  const base = profile.orderKey.unit === 'epoch-millis' ? 1_764_000_000_000 : 1_764_000_000;
  const made = Array.from({ length: n }, (_, i) =>
    benchItem(profile, {
      id: `${prefix}-${String((i * 37) % n).padStart(3, '0')}`,
      orderKey: base - (i < 30 ? i : 30 + Math.floor((i - 30) / 3)) * step,
      state: profile.states[i % profile.states.length],
      rest: profile.operation === 'ListExecutors' ? { ExecutorType: i === n - 1 ? 'COORDINATOR' : 'WORKER', ExecutorSize: 1 } : {},
    }),
  );
  return made.map((_, i) => made[(i * 53) % n]);
}

const observational = (f: { operation: string | null; catches: string | null }) => {
  const profile = f.operation ? profileNamed(f.operation) : undefined;
  return profile !== undefined && catalogueFor(profile).some((p) => p.id === f.catches && (p.modes as readonly string[]).includes('observational'));
};
/**
 * Faults no observer can see: listing only the active sessions, even under a StateFilter of TERMINATED,
 * is a listing the law allows an unfiltered call (ListSessions may list the active ones only), and what
 * the parent holds besides, only a seeded run knows (test/family-faults.test.ts catches it seeded).
 */
const SEEDED_ONLY = new Set(['sessions-active-only']);
const rows = FAULT_REGISTRY.filter((f) => observational(f) && !SEEDED_ONLY.has(f.name)).map((f) => [f.name, f.operation!, f.catches!] as const);

const WALK_LAWS = ['pagination.exactly-once', 'pagination.page-size', 'ordering.newest-first', 'response.conforms'];

/** `only` of `profile`'s catalogue, observationally at `seed`, against the emulator in process with `faults`, over the parents seeded first. */
async function observe(profile: OperationProfile, faults: FaultName[], seed: number, only: string[], runs = 10): Promise<Report> {
  const target = emulatorTarget({ region: 'us-east-1', faults });
  try {
    const parents = { 'sampled-large': items(profile, 'large', LARGE), 'sampled-small': items(profile, 'small', 7), 'sampled-empty': [] };
    for (const [parent, list] of Object.entries(parents)) await target.seeding!.put(parent, list, profile);
    const names = Object.keys(parents);
    return await runContract({ target, mode: 'observational', profile, ...(profile.parent.route === 'workgroups' ? { workgroups: names } : { sessions: names }), seed, runs, only, shrinkBudgetMs: 1 });
  } finally {
    await target.close();
  }
}

describe('with sampling engaged, each fault is caught by its property, observationally, at seeds 1-3', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  it.each(FAMILY.map((p) => [p.operation, p] as const))('without a fault, %s passes the walk laws on these parents, sampled and swept', async (_operation, profile) => {
    expect(LARGE).toBeGreaterThan(SAMPLE_ABOVE_PAGES * 2);
    // Few random runs: the boundary cases (the sweep's among them) are what walks the large parent at MaxResults 1 and 2.
    const report = await observe(profile, [], 1, WALK_LAWS, 3);
    for (const p of report.properties) {
      expect([p.id, p.status, p.counterexample?.message]).toEqual([p.id, 'passed', undefined]);
      if (p.id === 'pagination.exactly-once') expect(p.coverage?.sweep?.['sampled-large']).toEqual({ listed: LARGE, tested: LARGE - 1, refused: 0 });
      // Their boundary cases walk the large parent at MaxResults 1 or 2 (response.conforms' draw may not).
      else if (p.id !== 'response.conforms') expect(p.coverage?.sampled?.walks ?? 0, p.id).toBeGreaterThan(0);
    }
  });

  it.each(rows)('%s fails %s/%s', async (fault, operation, property) => {
    for (const seed of [1, 2, 3]) {
      const report = await observe(profileNamed(operation)!, [fault as FaultName], seed, [property]);
      expect(report.properties[0].status, `${fault} at seed ${seed}: ${report.properties[0].reason ?? ''}`).toBe('failed');
    }
  });
});
