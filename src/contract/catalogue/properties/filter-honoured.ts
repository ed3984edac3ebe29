/**
 * `filter.honoured`: with the filter, every item listed has that state, and the filtered walk is
 * exactly the unfiltered one restricted to that state (compared as sets: no order is fixed; on a
 * parent that moves, see below). A walk that does not complete is pagination's failure, not the
 * filter's: the run is then vacuous. Where the profile lets an unfiltered walk list only the active
 * items (ListSessions), a filter on a state the unfiltered walk listed none of is compared with the
 * seeded population only (observational runs check just that what is listed is in that state): ended
 * states are listed when asked for.
 * Observational runs compare walks made at different times (a filtered listing too long to walk whole
 * at its page size is sampled, as the other walk laws' are): on a parent that moves while it is read,
 * only what held still (same state, same ordering key) for the whole time between the unfiltered
 * walks around the filtered one binds it, since an item that came, went or changed state meanwhile
 * may rightly be listed or not; the state of every item a filtered page lists binds it always.
 */
import fc from 'fast-check';
import { freshParentId, itemPopulation, pageSize, type Item } from '../../../arbitraries/index.js';
import { itemId, LIST_EXECUTORS, listRequest, stateOf, type OperationProfile } from '../../../profiles/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { boundaryParent, filterWalks } from '../boundary/index.js';
import type { ListRequest } from '../call.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty, type ScenarioContext } from '../property.js';
import { bracketed, idDifference, perMode, sessionScenario, snapshotOf, withSample, type IdDifference, type SessionScenario, type Sighting } from '../scaffold/index.js';
import { previewIds } from '../text.js';
import { allOf, runVacuity, walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { describeIncomplete, walk, walkedItems, type Walk } from '../walk.js';
import { referenceWalk, sharedReference, segmentFailed, walkAtSize, type SizedWalk } from '../sampled-walk.js';
import { judgeSegment } from '../segment-agreement.js';

interface Seeded {
  sessionId: string;
  population: Item[];
  maxResults?: number;
  filter: string;
}

interface Observed {
  sessionId: string;
  filter: string;
  maxResults?: number;
  /** The random points of a sampled walk, where the filtered listing is too long to walk whole (none in boundary cases). */
  sample?: number;
}

type Scenario = SessionScenario<Seeded, Observed>;

/** Prefers a state the population has (three times in four), so the filter has something to keep. */
function pickFilter(profile: OperationProfile, population: readonly Item[], pick: number): string {
  const present = [...new Set(population.map((e) => stateOf(profile, e)).filter((x): x is string => typeof x === 'string' && x !== ''))];
  const pool = present.length && pick % 4 !== 0 ? present : profile.states;
  return pool[pick % pool.length];
}

/** Fails on any listed item whose state is not `filter`; returns the ids listed. */
function onlyFiltered(profile: OperationProfile, w: Walk, filter: string): Set<string> {
  for (const [p, page] of w.pages.entries())
    for (const e of page.items)
      if (stateOf(profile, e) !== filter)
        throw new ContractViolation(`with ${profile.filter.member} ${filter}, page ${p + 1} lists ${profile.itemNoun} ${JSON.stringify(itemId(profile, e))} in state ${JSON.stringify(stateOf(profile, e) ?? null)}`);
  return new Set(walkedItems(w).map((e) => itemId(profile, e)));
}

/** The ids of the `filter` items among `items`. */
function idsInState(profile: OperationProfile, items: readonly Item[], filter: string): Set<string> {
  return new Set(items.filter((e) => stateOf(profile, e) === filter).map((e) => itemId(profile, e)));
}

/** Fails on a difference between the filtered walk and the `filter` items of `what`. */
function failOn(profile: OperationProfile, difference: IdDifference | undefined, filter: string, what: string): void {
  const noun = profile.itemNoun;
  if (difference?.missing.length) throw new ContractViolation(`with ${profile.filter.member} ${filter}, ${difference.missing.length} ${filter} ${noun}(s) of ${what} never listed: ${previewIds(difference.missing)}`);
  if (difference?.extra.length) throw new ContractViolation(`with ${profile.filter.member} ${filter}, listed ${difference.extra.length} ${noun}(s) not among the ${filter} ones of ${what}: ${previewIds(difference.extra)}`);
}

/** A walk that cannot finish is pagination's failure, not the filter's: the run compared nothing. */
function incomplete(ctx: CheckContext): void {
  ctx.stats.vacuousRuns++;
}

function filtered(profile: OperationProfile, s: Seeded | Observed): ListRequest {
  return listRequest(profile, { parent: s.sessionId, state: s.filter, pageSize: s.maxResults });
}

/** The filtered walk of the seeded parent lists exactly its items in that state. */
async function checkSeeded(s: Seeded, ctx: CheckContext, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const w = await walk(ctx, filtered(profile, s), { maxPages });
  const listed = onlyFiltered(profile, w, s.filter);
  if (w.outcome.kind !== 'complete') return incomplete(ctx);
  failOn(profile, idDifference(idsInState(profile, s.population, s.filter), listed), s.filter, 'the seeded population');
}

/**
 * The filtered walk of a given parent lists exactly the items in that state of the unfiltered walks
 * made just before and after it, when nothing moved between them; when something did, it lists every
 * item that held still in that state between them and none older than those that held still which
 * neither lists (scaffold/bracket.ts). Each item's own state in the page that lists it is checked
 * whatever moved: a correct server filters each page on the states it lists.
 */
async function checkObserved(s: Observed, ctx: CheckContext, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const complete = (w: Walk) => (w.outcome.kind === 'complete' ? snapshotOf(profile, walkedItems(w)) : undefined);
  const unfiltered = listRequest(profile, { parent: s.sessionId, pageSize: profile.pageBounds.max });
  // The run's latest unfiltered walk serves as the one before (it was walked before the filtered walk); the one after is walked afresh.
  let before = await sharedReference(ctx, unfiltered, maxPages);
  const reference = async () => {
    before = await referenceWalk(ctx, unfiltered, maxPages);
    return complete(before);
  };
  const compared = async () => {
    // A sampled listing is the filtered reference's: it is compared with the unfiltered walk before it, so it must have been walked after that one.
    const sized = await walkAtSize(ctx, filtered(profile, s), { maxPages, sample: s.sample, after: before });
    if (sized.kind === 'whole') {
      onlyFiltered(profile, sized.walk, s.filter);
      return complete(sized.walk);
    }
    await checkSampled(ctx, s, sized, maxPages);
    return complete(sized.reference);
  };
  const first = complete(before);
  if (!first) return incomplete(ctx);
  const state = JSON.stringify(s.filter);
  const inState = (seen: Sighting) => seen.state === state;
  // An unfiltered walk that may list only the active items and listed none in this state says nothing of it: only the state of what is listed is checked.
  if (profile.activeOnly && !profile.activeOnly.atLeast.includes(s.filter) && ![...first.values()].some(inState)) {
    if (!(await compared())) incomplete(ctx);
    return;
  }
  const judged = await bracketed({ reference, compared }, first, inState);
  if (!judged) return incomplete(ctx);
  failOn(profile, judged.difference, s.filter, judged.still ? 'the unfiltered walk' : 'what the unfiltered walks just before and after it show held still');
}

/**
 * A filtered walk too long to walk whole at its page size, sampled (sampled-walk.ts): every page of its
 * reference (the filtered walk at the largest size, the listing compared with the unfiltered one) and
 * of its short walks lists only items in the state, and each short walk agrees with that reference
 * from its point (segment-agreement.ts: bracketed where the parent moves, confirmed twice).
 */
async function checkSampled(ctx: CheckContext, s: Observed, sized: Extract<SizedWalk, { kind: 'sampled' }>, maxPages: number): Promise<void> {
  const profile = profileOf(ctx);
  const request = filtered(profile, s);
  onlyFiltered(profile, sized.reference, s.filter);
  const reference = walkedItems(sized.reference);
  const again = async () => {
    const w = await referenceWalk(ctx, request, maxPages);
    return w.outcome.kind === 'complete' ? walkedItems(w) : undefined;
  };
  for (const segment of sized.segments) {
    onlyFiltered(profile, segment.walk, s.filter);
    const where = `with ${profile.filter.member} ${s.filter}, the walk with ${profile.pageSize} ${segment.pageSize ?? '(absent)'} ${segment.at === 0 ? 'from the start' : `resumed after ${profile.itemNoun} ${segment.at}`} (sampled)`;
    if (segmentFailed(segment)) throw new ContractViolation(`${where}: ${describeIncomplete(segment.walk)}`);
    const { difference } = await judgeSegment(profile, segment, reference, again);
    if (difference)
      throw new ContractViolation(
        `${where} lists ${difference.listed === undefined ? 'nothing' : previewIds([difference.listed])} at ${profile.itemNoun} ${difference.index + 1}, where the filtered walk with ${profile.pageSize} ${profile.pageBounds.max} lists ${difference.expected === undefined ? 'nothing' : previewIds([difference.expected])}, twice in a row`,
      );
  }
}

/** The boundary cases: every filter over a population it keeps some of and one it keeps none of, or (observational) every filter over each given parent. */
function boundary(sc: ScenarioContext): Scenario[] {
  const profile = profileOf(sc);
  if (sc.mode === 'seeded')
    return filterWalks(profile).map((c, i) => ({ mode: 'seeded', sessionId: c.sessionId ?? boundaryParent(profile, 'filter.honoured', i), population: c.population, maxResults: c.maxResults, filter: c.filter ?? profile.states[0] }));
  return sc.sessions.flatMap((sessionId) => profile.states.map((filter): Scenario => ({ mode: 'observational', sessionId, filter })));
}

/** `filter.honoured` in `profile`'s words. */
export function filterHonouredFor(profile: OperationProfile): ContractProperty<'filter.honoured'> {
  return defineProperty({
    id: 'filter.honoured',
    law: `With ${profile.filter.member}, every ${profile.itemNoun} listed has that state, and the filtered walk is exactly the unfiltered walk restricted to that state.`,
    modes: ['seeded', 'observational'],
    vacuity: allOf(walkVacuity(profile), runVacuity('no walk completed, so no filtered walk could be compared')),
    coverage: lawCoverage(profile, { filter: true }),
    scenario: (sc): fc.Arbitrary<Scenario> => {
      const p = profileOf(sc);
      return sessionScenario(sc, {
        seeded: () =>
          fc
            .record({ sessionId: freshParentId(p), population: itemPopulation(p, { maxSize: 120 }), maxResults: pageSize(p), pick: fc.nat() })
            .map(({ pick, ...s }) => ({ ...s, filter: pickFilter(p, s.population, pick) })),
        observational: (sessions) => withSample(fc.record({ sessionId: fc.constantFrom(...sessions), filter: fc.constantFrom(...p.states), maxResults: pageSize(p) })),
      });
    },
    boundary,
    check: perMode({ seeded: checkSeeded, observational: checkObserved }),
  });
}

/** The property value of `filter.honoured` (ListExecutors' words). */
export const filterHonoured = filterHonouredFor(LIST_EXECUTORS);
