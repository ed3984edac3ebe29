/**
 * `ordering.newest-first`: across the whole walk, the ordering key never increases. The order among
 * equal keys is undocumented and never demanded (exactly-once sees one unstable across pages); items
 * without one may come all first or all last, never among the others; a key that is there but not a
 * number (an ISO-8601 string) fails, read on the raw body.
 */
import type fc from 'fast-check';
import { itemId, LIST_EXECUTORS, orderKeyOf, valueAt, type OperationProfile } from '../../../profiles/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { sizedWalks, tieWalks } from '../boundary/index.js';
import type { ListRequest } from '../call.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { walkVacuity } from '../vacuity-rules.js';
import { forEachWalk, walkBoundary, walkScenario, type WalkScenario } from '../scaffold/index.js';
import { plural } from '../text.js';
import { ContractViolation } from '../violation.js';
import { walkAtSize } from '../sampled-walk.js';
import type { Walk } from '../walk.js';

/** The ordering key as messages name it: its path, dotted where it is nested (`Status.AddedDateTime`). */
function keyName(profile: OperationProfile): string {
  return profile.orderKey.path.join('.');
}

/** The ordering key's wire unit in words. */
function unitWords(profile: OperationProfile): string {
  return profile.orderKey.unit === 'epoch-seconds' ? 'epoch seconds, a JSON number' : 'epoch milliseconds, a JSON number';
}

/**
 * A walk's items without an ordering key must come all first or all last: fed each item in walk
 * order, fails on the first that breaks the run of keyless items at the walk's start or end.
 */
function keylessRule(profile: OperationProfile): (id: string, keyed: boolean, page: number) => void {
  const key = keyName(profile);
  let runs = 0;
  let last: boolean | undefined;
  let firstKeyless: { id: string; page: number } | undefined;
  return (id, keyed, page) => {
    if (keyed !== last) runs++;
    last = keyed;
    if (!keyed) firstKeyless ??= { id, page };
    // Keyless first: keyless, then keyed (two runs). Keyless last: keyed, then keyless (two runs). A third run breaks both.
    if (runs > 2 && firstKeyless)
      throw new ContractViolation(
        `${profile.itemNoun} ${JSON.stringify(id)} (page ${page}, ${keyed ? `${key} set` : `no ${key}`}) breaks the run of ${profile.itemNoun} ${JSON.stringify(firstKeyless.id)} (page ${firstKeyless.page}, no ${key}): ${plural(profile.itemNoun)} without ${key} must come all first or all last`,
      );
  };
}

/**
 * Walks `request`: whole, or (a parent too large to walk whole at its page size, observational)
 * sampled: then the reference walk at the largest page size and each short walk resumed from its
 * tokens are judged on their own, across every page boundary they cross.
 */
async function checkWalk(ctx: CheckContext, request: ListRequest, maxPages: number, sample?: number): Promise<void> {
  const profile = profileOf(ctx);
  const sized = await walkAtSize(ctx, request, { maxPages, sample });
  if (sized.kind === 'whole') return checkPages(profile, sized.walk);
  checkPages(profile, sized.reference);
  for (const segment of sized.segments) checkPages(profile, segment.walk);
}

/** The law over one walk's pages (page numbers in messages are the walk's own). */
function checkPages(profile: OperationProfile, w: Walk): void {
  const key = keyName(profile);
  const seen = new Set<string>();
  let previous: { id: string; start: number; page: number } | undefined;
  const keyless = keylessRule(profile);
  for (const [p, page] of w.pages.entries())
    for (const e of page.items) {
      const id = itemId(profile, e);
      // A repeated item means the walk went round again: what follows is pagination's failure, not ordering's.
      if (seen.has(id)) return;
      seen.add(id);
      const raw = valueAt(e, profile.orderKey.path);
      if (raw !== undefined && raw !== null && typeof raw !== 'number')
        throw new ContractViolation(`${profile.itemNoun} ${JSON.stringify(id)} (page ${p + 1}): ${key} is ${JSON.stringify(raw)}, not a number (${unitWords(profile)}): no order can be read from it`);
      const start = orderKeyOf(profile, e);
      keyless(id, start !== undefined, p + 1);
      if (start === undefined) continue;
      if (previous && start > previous.start)
        throw new ContractViolation(
          `${profile.itemNoun} ${JSON.stringify(id)} (${key} ${start}, page ${p + 1}) is listed after ${JSON.stringify(previous.id)} (${key} ${previous.start}, page ${previous.page}): newer after older`,
        );
      previous = { id, start, page: p + 1 };
    }
}

/** `ordering.newest-first` in `profile`'s words. */
export function newestFirstFor(profile: OperationProfile): ContractProperty<'ordering.newest-first'> {
  return defineProperty({
    id: 'ordering.newest-first',
    law: `Across the whole walk, ${keyName(profile)} never increases (ties in any order).`,
    modes: ['seeded', 'observational'],
    vacuity: walkVacuity(profile),
    coverage: lawCoverage(profile, { pages: 'walks' }),
    scenario: (sc): fc.Arbitrary<WalkScenario> => walkScenario(sc, true),
    boundary: (sc) => {
      const p = profileOf(sc);
      return walkBoundary(sc, [...sizedWalks(p, true), ...tieWalks(p)], [[p.pageBounds.min + 1]], 'ordering.newest-first');
    },
    check: (s: WalkScenario, ctx) => forEachWalk(s, ctx, (request, maxPages, sample) => checkWalk(ctx, request, maxPages, sample)),
  });
}

/** The property value of `ordering.newest-first` (ListExecutors' words). */
export const newestFirst = newestFirstFor(LIST_EXECUTORS);
