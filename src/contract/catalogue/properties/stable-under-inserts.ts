/**
 * `pagination.stable-under-inserts` (seeded): items added during a walk (ordering key at or above the
 * newest so far, loaded by a PUT of the grown population) cause no duplicate and no loss of those
 * that existed throughout. Whether the new ones are listed is not fixed.
 */
import fc from 'fast-check';
import { freshParentId, growItems, itemPopulation, type Item } from '../../../arbitraries/index.js';
import { itemId, LIST_EXECUTORS, listRequest, type OperationProfile } from '../../../profiles/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { boundaryParent, insertWalks } from '../boundary/index.js';
import { profileOf } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { mustList, pageBound, seedingOf, withSeededSession } from '../scaffold/index.js';
import { capitalised, plural } from '../text.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { describeIncomplete, walk } from '../walk.js';

interface Scenario {
  sessionId: string;
  population: Item[];
  grown: Item[];
  maxResults: number;
  /** The parent grows after this many pages (1 = after the first). */
  insertAfter: number;
}

/** `pagination.stable-under-inserts` in `profile`'s words. */
export function stableUnderInsertsFor(profile: OperationProfile): ContractProperty<'pagination.stable-under-inserts'> {
  return defineProperty({
    id: 'pagination.stable-under-inserts',
    law: `${capitalised(plural(profile.itemNoun))} started during a walk cause no duplicate and no loss of those that existed throughout.`,
    modes: ['seeded'],
    skipReason: `needs seeding: the harness must grow the ${profile.parent.noun} mid-walk`,
    vacuity: walkVacuity(profile),
    coverage: lawCoverage(profile, { pages: 'walks' }),
    scenario: (sc): fc.Arbitrary<Scenario> => {
      const p = profileOf(sc);
      const { min, max } = p.pageBounds;
      return fc
        .record({ sessionId: freshParentId(p), population: itemPopulation(p, { minSize: 3, maxSize: 40 }), maxResults: fc.integer({ min, max: Math.min(max, min + 4) }), insertAfter: fc.integer({ min: 1, max: 3 }) })
        .chain((s) => growItems(p, s.population).map((grown) => ({ ...s, grown })));
    },
    boundary: (sc): Scenario[] => insertWalks(profileOf(sc)).map((c, i) => ({ sessionId: boundaryParent(profileOf(sc), 'pagination.stable-under-inserts', i), ...c })),
    async check(s: Scenario, ctx) {
      const p = profileOf(ctx);
      const noun = p.itemNoun;
      const grownTo = [...s.population, ...s.grown];
      await withSeededSession(ctx, s, async () => {
        const w = await walk(ctx, listRequest(p, { parent: s.sessionId, pageSize: s.maxResults }), {
          maxPages: pageBound(grownTo.length),
          afterPage: async (i) => {
            if (i + 1 === s.insertAfter) await seedingOf(ctx).put(s.sessionId, grownTo, p);
          },
        });
        const label = `walk with ${p.pageSize} ${s.maxResults}, ${s.grown.length} ${noun}(s) started after page ${s.insertAfter}`;
        if (w.outcome.kind !== 'complete') throw new ContractViolation(`${label}: ${describeIncomplete(w)}`);
        const count = new Map<string, number>();
        for (const page of w.pages) for (const e of page.items) count.set(itemId(p, e), (count.get(itemId(p, e)) ?? 0) + 1);
        const twice = [...count].filter(([, n]) => n > 1).map(([id]) => id);
        if (twice.length) throw new ContractViolation(`${label}: ${twice.length} ${noun}(s) listed twice, e.g. ${JSON.stringify(twice[0])}`);
        // Where the profile allows it, an unfiltered walk lists only the active items: those it must list are read off what it listed.
        const lost = [...mustList(p, s.population, new Set(count.keys())).expected].filter((id) => !count.has(id));
        if (lost.length) throw new ContractViolation(`${label}: ${lost.length} ${noun}(s) present throughout never listed, e.g. ${JSON.stringify(lost[0])}`);
      });
    },
  });
}

/** The property value of `pagination.stable-under-inserts` (ListExecutors' words). */
export const stableUnderInserts = stableUnderInsertsFor(LIST_EXECUTORS);
