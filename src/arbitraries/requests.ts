/**
 * Plausible list requests and the parents they name, for any operation: the parent ids, page sizes,
 * filters and request shapes the properties send (within the bounds, pattern and enum the profile
 * reads from the request schema), and the seeded and observed walks built from them. Invalid requests
 * come from `invalid(profile.schemas.request)`. ListExecutors' names (`sessionId()`,
 * `listExecutorsRequest()`) stay as the same arbitraries with its profile.
 */
import fc from 'fast-check';
import type { ListExecutorsRequest } from '../generated/athena.js';
import { LIST_EXECUTORS, type OperationProfile } from '../profiles/index.js';
import { itemPopulation } from './item-kit.js';
import type { Item } from './items.js';
import { patternAlwaysMatches, regExpOf } from './violations.js';

/** A v4 UUID, to ask the parent's facts whether they take UUIDs. */
const SOME_UUID = '3f1c2b9e-7d4a-4e8b-9c0d-5a6b7c8d9e0f';

/** Whether `sample` (a parent id of the kind to be drawn) fits the parent member's length bounds and pattern. */
function parentFits(profile: OperationProfile, sample: string): boolean {
  const f = profile.parentFacts;
  const n = [...sample].length;
  return n >= (f.minLength ?? 0) && n <= (f.maxLength ?? Number.POSITIVE_INFINITY) && (f.pattern === undefined || regExpOf(f.pattern).test(sample));
}

/** Parent ids the pattern allows, within the length bounds (for a parent whose pattern UUIDs and URL-safe strings may not match). */
function patterned(profile: OperationProfile): fc.Arbitrary<string> | undefined {
  const f = profile.parentFacts;
  if (f.pattern === undefined || patternAlwaysMatches(f.pattern)) return undefined;
  const min = f.minLength ?? 0;
  const max = f.maxLength ?? Number.POSITIVE_INFINITY;
  return fc.stringMatching(regExpOf(f.pattern)).filter((s) => [...s].length >= min && [...s].length <= max && s !== '');
}

/**
 * Parent ids: mostly UUIDs, sometimes other URL-safe ids from the shortest to 40 characters, and
 * both length ends (SessionId: 1..256). A parent whose pattern refuses those gets ids matching it.
 */
export function parentId(profile: OperationProfile): fc.Arbitrary<string> {
  const own = patterned(profile);
  if (own) return parentFits(profile, SOME_UUID) ? fc.oneof({ weight: 16, arbitrary: fc.uuid() }, { weight: 5, arbitrary: own }) : own;
  const min = Math.max(1, profile.parentFacts.minLength ?? 0);
  // Where the schema sets no longest length, 256 (ListExecutors' SessionId) stands for a long one.
  const max = profile.parentFacts.maxLength ?? 256;
  const urlSafe = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.');
  const ids: fc.WeightedArbitrary<string>[] = [
    ...(parentFits(profile, SOME_UUID) ? [{ weight: 16, arbitrary: fc.uuid() }] : []),
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(40, max)), unit: urlSafe }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: min, unit: urlSafe }) },
    { weight: 1, arbitrary: fc.string({ minLength: max, maxLength: max, unit: urlSafe }) },
  ];
  return fc.oneof(...ids);
}

/** Session ids: ListExecutors' parent ids (see {@link parentId}). */
export function sessionId(): fc.Arbitrary<string> {
  return parentId(LIST_EXECUTORS);
}

/** The distinct values of `values` within the page-size bounds, in order. */
function inBounds(profile: OperationProfile, values: readonly number[]): number[] {
  const { min, max } = profile.pageBounds;
  return [...new Set(values.filter((n) => n >= min && n <= max))];
}

/** Page sizes of a first page: 1, 2 and the largest most often, small ones, any (MaxResults: 1..100). */
function firstPageSize(profile: OperationProfile): fc.Arbitrary<number> {
  const { min, max } = profile.pageBounds;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...inBounds(profile, [min, min + 1, max])) },
    { weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, min + 9) }) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
  );
}

/** First-page requests for `parent`: page size absent or any, filter absent or any state, no token. */
export function firstPageRequest(profile: OperationProfile, parent: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      [profile.parent.member]: fc.constant(parent),
      [profile.pageSize]: firstPageSize(profile),
      [profile.filter.member]: fc.constantFrom(...profile.states),
    },
    { requiredKeys: [profile.parent.member], noNullPrototype: true },
  );
}

/** First-page ListExecutors requests for `sessionId` (see {@link firstPageRequest}). */
export function listExecutorsRequest(sessionId: string): fc.Arbitrary<ListExecutorsRequest> {
  return firstPageRequest(LIST_EXECUTORS, sessionId) as unknown as fc.Arbitrary<ListExecutorsRequest>;
}

/** A request's shape without parent or token: its page size and filter, under the profile's member names. */
export type RequestShape = Readonly<Record<string, string | number>>;

/** Page sizes biased to the ones where paging slips: 1, 2, small, the largest, and absent (MaxResults: 1..100). */
export function pageSize(profile: OperationProfile): fc.Arbitrary<number | undefined> {
  const { min, max } = profile.pageBounds;
  const sizes: fc.WeightedArbitrary<number | undefined>[] = [{ weight: 3, arbitrary: fc.constantFrom(...inBounds(profile, [min, min + 1, min + 2])) }];
  if (min + 3 <= max) sizes.push({ weight: 2, arbitrary: fc.integer({ min: min + 3, max: Math.min(max, min + 9) }) });
  if (min + 10 <= max) sizes.push({ weight: 1, arbitrary: fc.integer({ min: min + 10, max }) });
  sizes.push({ weight: 1, arbitrary: fc.constantFrom(max, undefined) });
  return fc.oneof(...sizes);
}

/** A page size and, with `filter`, an optional filter. */
export function requestShape(profile: OperationProfile, filter: boolean): fc.Arbitrary<RequestShape> {
  return fc
    .record({
      [profile.pageSize]: pageSize(profile),
      [profile.filter.member]: filter ? fc.option(fc.constantFrom(...profile.states), { nil: undefined, freq: 2 }) : fc.constant(undefined),
    })
    .map((shape) => clean(shape) as RequestShape);
}

/** Drops members whose value is undefined, so requests carry only what was chosen. */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Parent ids as real Athena's are: v4 UUIDs (as no emulator's own fixtures name theirs by chance);
 * any parent id of the profile where its facts refuse a UUID. For parents no target holds, and for
 * parents that stand for any parent.
 */
export function uuidParentId(profile: OperationProfile): fc.Arbitrary<string> {
  return parentFits(profile, SOME_UUID) ? fc.uuid({ version: 4 }) : parentId(profile);
}

/**
 * The id of a parent the harness seeds: mostly a UUID, sometimes exactly the longest the parent's facts
 * allow (URL-safe, since it travels in the seeding route's path), so that an implementation that
 * refuses the upper bound is caught by the walks that need it.
 */
export function freshParentId(profile: OperationProfile): fc.Arbitrary<string> {
  const max = profile.parentFacts.maxLength;
  const uuid = uuidParentId(profile);
  if (max === undefined) return uuid;
  const longestOf = (u: string) => `${u}-`.repeat(Math.ceil(max / 37)).slice(0, max);
  if (!parentFits(profile, longestOf(SOME_UUID))) return uuid;
  return fc.oneof({ weight: 9, arbitrary: uuid }, { weight: 1, arbitrary: fc.uuid({ version: 4 }).map(longestOf) });
}

/** A seeded scenario: a parent (`sessionId` for ListExecutors and any other), its population, and the request shape to list it with. */
export interface SeededWalk {
  sessionId: string;
  population: Item[];
  request: RequestShape;
}

/** Seeded populations with a request shape; `filter` lets the shape carry a filter. */
export function seededWalk(profile: OperationProfile, filter: boolean, maxSize = 120): fc.Arbitrary<SeededWalk> {
  return fc.record({ sessionId: freshParentId(profile), population: itemPopulation(profile, { maxSize }), request: requestShape(profile, filter) });
}

/** An observational scenario: one of the given parents, read with the page sizes listed (a drawn scenario: one; a boundary case: a few). */
export interface ObservedWalk {
  sessionId: string;
  pageSizes: (number | undefined)[];
  filter?: string;
}

/**
 * Reads of one of `parents` (parents the harness does not control): one page size (the smallest, the
 * largest and absent likely) and maybe a filter. One walk per run, as in seeded mode: a law that
 * compares listings compares the walk with the run's walk at the largest page size, and a hundred runs
 * read a hundred sizes where two or three per run read the same sizes at twice the calls.
 */
export function observedWalk(profile: OperationProfile, parents: readonly string[]): fc.Arbitrary<ObservedWalk> {
  const { min, max } = profile.pageBounds;
  return fc
    .record({
      sessionId: fc.constantFrom(...parents),
      pageSizes: fc.oneof(fc.constantFrom(min, max, undefined), pageSize(profile)).map((size) => [size]),
      filter: fc.option(fc.constantFrom(...profile.states), { nil: undefined }),
    })
    .map(clean);
}
