/**
 * `data.faithful` (seeded): every item listed equals the one seeded, member by member, and a complete
 * unfiltered walk leaves out none the seeding route took (where the profile allows it, none of those
 * an unfiltered call must list).
 */
import type fc from 'fast-check';
import { seededWalk, type Item, type SeededWalk } from '../../../arbitraries/index.js';
import { itemId, LIST_EXECUTORS, type OperationProfile } from '../../../profiles/index.js';
import { SeedingError } from '../../../targets/seeding.js';
import { edgeWalks, emptyIdWalks, longSessionWalks } from '../boundary/index.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { mustList, seededRequest, seededWalkOf, withSeededSession } from '../scaffold/index.js';
import { previewIds } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { walk, walkedItems, type Walk } from '../walk.js';

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

/**
 * Where a listed number is the seeded one times 1000 (an instant in epoch milliseconds where epoch
 * seconds were seeded: the SDK reads it silently as a date 1000 times later), its path; undefined
 * when there is none.
 */
function inMillis(listed: unknown, seeded: unknown, path: string): string | undefined {
  if (typeof listed === 'number' && typeof seeded === 'number') return seeded !== 0 && Math.abs(listed - seeded * 1000) < 1 ? path : undefined;
  if (typeof listed !== 'object' || listed === null || typeof seeded !== 'object' || seeded === null) return undefined;
  const x = listed as Record<string, unknown>;
  const y = seeded as Record<string, unknown>;
  for (const k of Object.keys(y)) {
    const found = inMillis(x[k], y[k], `${path}.${k}`);
    if (found) return found;
  }
  return undefined;
}

/** Fails on the first listed item that differs from the one seeded under its id. */
function compare(profile: OperationProfile, listed: readonly Item[], seeded: ReadonlyMap<string, Item>): void {
  for (const e of listed) {
    const original = seeded.get(itemId(profile, e));
    if (!original) continue;
    // Only the modelled members: others (added by AWS later) are not compared.
    for (const m of profile.itemMembers) {
      if (same(e[m], original[m])) continue;
      const millis = profile.orderKey.unit === 'epoch-seconds' ? inMillis(e[m], original[m], m) : undefined;
      const hint = millis ? ` (${millis} is in epoch milliseconds; the operation's timestamps are epoch seconds)` : '';
      throw new ContractViolation(`${profile.itemNoun} ${JSON.stringify(itemId(profile, e))}: ${m} is ${m in e ? JSON.stringify(e[m]) : '(absent)'}, seeded ${m in original ? JSON.stringify(original[m]) : '(absent)'}${hint}`);
    }
  }
}

/**
 * Fails when a complete unfiltered walk left out an item the seeding route took: an item at the
 * model's edges (an empty id) accepted with a 204 and then never listed is lost, not unfaithful in
 * a member, but no other law would see it on the populations that hold it.
 */
function noneLost(profile: OperationProfile, w: Walk, s: SeededWalk): void {
  if (w.outcome.kind !== 'complete' || s.request[profile.filter.member] !== undefined) return;
  const listed = new Set(walkedItems(w).map((e) => itemId(profile, e)));
  const { expected, reading } = mustList(profile, s.population, listed);
  const lost = [...expected].filter((id) => !listed.has(id));
  if (lost.length)
    throw new ContractViolation(`${lost.length} ${profile.itemNoun}(s) seeded (the seeding route answered 204) never listed${expected.size === s.population.length ? '' : ` (read as listing ${reading})`}: ${previewIds(lost)}`);
}

async function check(s: Scenario, ctx: CheckContext): Promise<void> {
  const profile = profileOf(ctx);
  const seeded = new Map<string, Item>(s.population.map((e) => [itemId(profile, e), e]));
  await withSeededSession(ctx, s, async (maxPages) => {
    const w = await walk(ctx, seededRequest(profile, s), { maxPages });
    compare(profile, walkedItems(w), seeded);
    noneLost(profile, w, s);
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
      return [...edgeWalks(p), ...emptyIdWalks(p), ...longSessionWalks(p, 'data.faithful')].map((c, i) => ({ ...seededWalkOf(p, c, 'data.faithful', i), ...(c.refusable ? { refusable: c.refusable } : {}) }));
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
