/**
 * `data.faithful` (seeded): every item listed equals the one seeded, member by member.
 */
import type fc from 'fast-check';
import { seededWalk, type Item, type SeededWalk } from '../../../arbitraries/index.js';
import { itemId, LIST_EXECUTORS, type OperationProfile } from '../../../profiles/index.js';
import { SeedingError } from '../../../targets/seeding.js';
import { edgeWalks, emptyIdWalks, longSessionWalks } from '../boundary/index.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { seededRequest, seededWalkOf, withSeededSession } from '../scaffold/index.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { walk, walkedItems } from '../walk.js';

/** A seeded walk; a boundary case whose population a seeding route may refuse says why. */
type Scenario = SeededWalk & { refusable?: string };

/**
 * Whether a listed member equals the seeded one: AWS JSON reads null as absent, so a null member
 * equals an absent one; objects and lists (a nested member) compare member by member, the rest as
 * `Object.is` does.
 */
function same(listed: unknown, seeded: unknown): boolean {
  const a = listed ?? undefined;
  const b = seeded ?? undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === undefined || b === undefined) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => same(x[k], y[k]));
}

/** Fails on the first listed item that differs from the one seeded under its id. */
function compare(profile: OperationProfile, listed: readonly Item[], seeded: ReadonlyMap<string, Item>): void {
  for (const e of listed) {
    const original = seeded.get(itemId(profile, e));
    if (!original) continue;
    // Only the modelled members: others (added by AWS later) are not compared.
    for (const m of profile.itemMembers)
      if (!same(e[m], original[m]))
        throw new ContractViolation(`${profile.itemNoun} ${JSON.stringify(itemId(profile, e))}: ${m} is ${m in e ? JSON.stringify(e[m]) : '(absent)'}, seeded ${m in original ? JSON.stringify(original[m]) : '(absent)'}`);
  }
}

async function check(s: Scenario, ctx: CheckContext): Promise<void> {
  const profile = profileOf(ctx);
  const seeded = new Map<string, Item>(s.population.map((e) => [itemId(profile, e), e]));
  await withSeededSession(ctx, s, async (maxPages) => {
    const w = await walk(ctx, seededRequest(profile, s), { maxPages });
    compare(profile, walkedItems(w), seeded);
  });
}

/** `data.faithful` in `profile`'s words. */
export function dataFaithfulFor(profile: OperationProfile): ContractProperty<'data.faithful'> {
  return defineProperty({
    id: 'data.faithful',
    law: `Every ${profile.itemNoun} listed equals the one seeded, member by member.`,
    modes: ['seeded'],
    skipReason: `needs seeding: the harness must know what the ${profile.parent.noun} holds`,
    vacuity: walkVacuity(profile),
    scenario: (sc): fc.Arbitrary<Scenario> => seededWalk(profileOf(sc), false),
    boundary: (sc): Scenario[] => {
      const p = profileOf(sc);
      return [...edgeWalks(p), ...emptyIdWalks(p), ...longSessionWalks(p)].map((c) => ({ ...seededWalkOf(p, c), ...(c.refusable ? { refusable: c.refusable } : {}) }));
    },
    async check(s: Scenario, ctx) {
      try {
        await check(s, ctx);
      } catch (e) {
        // A population the schema allows but this target's seeding route refuses: the case is skipped, and said so.
        if (!(s.refusable && e instanceof SeedingError)) throw e;
        ctx.stats.boundarySkipped++;
      }
    },
  });
}

/** The property value of `data.faithful` (ListExecutors' words). */
export const dataFaithful = dataFaithfulFor(LIST_EXECUTORS);
