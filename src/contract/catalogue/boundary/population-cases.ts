/**
 * The populations and page sizes of the walking properties' boundary cases: the smallest two and the
 * largest two page sizes and none (1, 2, 99, 100 and absent) over 0, 1, m - 1, m, m + 1 and more than
 * the largest page of items (the last for the large page sizes only, so the phase stays quick); ties on the ordering key across page boundaries; every filter with
 * and without matches; and the valid edges a sloppy server rejects or mangles: members equal to 0 and
 * to the largest long, ids of the longest length the item schema allows, an empty id, and parent ids
 * of exactly the longest length in multi-byte code points. Items come from the profile's item kit.
 */
import { itemKit, itemSchemaAt, optionalAt, repeatToLength, setAt, wireTime, patternAlwaysMatches, type Item } from '../../../arbitraries/index.js';
import type { OperationProfile } from '../../../profiles/index.js';
import { longIdTag } from './parents.js';

/** One walk of a seeded boundary case: what the parent holds and how it is listed. */
export interface WalkCase {
  population: Item[];
  maxResults?: number;
  filter?: string;
  /** The parent to seed, where the case is about its id (the longest ids). @defaultValue the case's own, parents.ts's boundaryParent */
  sessionId?: string;
  /** Why the target's seeding route may refuse this population: the case is then skipped, not fatal. */
  refusable?: string;
}

/** 2025-01-01T00:00:00Z: the newest instant of the boundary populations' ordering keys. */
const START = Date.UTC(2025, 0, 1);
/** The page sizes every walk boundary tries: the smallest two, the largest two, and the server's default (MaxResults: 1, 2, 99, 100, absent). */
export function boundaryPageSizes(profile: OperationProfile): (number | undefined)[] {
  const { min, max } = profile.pageBounds;
  return [...new Set([min, min + 1, max - 1, max].filter((m) => m >= min && m <= max)), undefined];
}
/** The largest long a JSON number carries exactly in JavaScript (2^53 - 1; the Smithy long's 2^63 - 1 is not representable). */
const LARGEST_LONG = Number.MAX_SAFE_INTEGER;

/** What a boundary item sets besides what its index fixes: an id, an ordering key (epoch ms; null: none), a state (null: none). */
interface ItemFields {
  id?: string;
  keyMs?: number | null;
  state?: string | null;
}

/**
 * Item `i` of a boundary population: ids apart by `prefix`, every state in turn, one second older per
 * index. A key or state set to null is left out where the item schema allows it; where the schema
 * requires it, the key becomes an instant older than every other and the state stays as `i` gives it.
 */
export function boundaryItem(profile: OperationProfile, prefix: string, i: number, fields: ItemFields = {}): Item {
  const { states, orderKey, filter } = profile;
  const item = itemKit(profile).boundary(fields.id ?? `${prefix}-${String(i).padStart(3, '0')}`, i, wireTime(profile, START - i * 1000), states[i % states.length]);
  if (fields.keyMs !== undefined) setAt(item, orderKey.path, fields.keyMs === null ? (optionalAt(profile, orderKey.path) ? undefined : wireTime(profile, START - 100_000)) : wireTime(profile, fields.keyMs));
  if (fields.state !== undefined && (fields.state !== null || optionalAt(profile, filter.itemPath))) setAt(item, filter.itemPath, fields.state ?? undefined);
  return item;
}

/** `size` items, newest first. */
export function populationOf(profile: OperationProfile, size: number, prefix = `boundary-${profile.itemNoun}`): Item[] {
  return Array.from({ length: size }, (_, i) => boundaryItem(profile, prefix, i));
}

/**
 * The population sizes tried with page size `m`: 0, 1, m - 1, m, m + 1, and more than the largest
 * page (a population no single page can hold) for the two largest sizes and the default.
 */
function sizesFor(profile: OperationProfile, m: number | undefined): number[] {
  const { max } = profile.pageBounds;
  const large = max + 1;
  const sizes = m === undefined ? [0, 1, large] : [0, 1, m - 1, m, m + 1, ...(m >= max - 1 ? [large] : [])];
  return [...new Set(sizes.filter((n) => n >= 0))].sort((a, b) => a - b);
}

/** Every boundary page size over every boundary population size; `small` keeps the smallest two page sizes only. */
export function sizedWalks(profile: OperationProfile, small = false): WalkCase[] {
  const all = boundaryPageSizes(profile);
  const sizes = small ? all.filter((m) => m !== undefined && m <= profile.pageBounds.min + 1) : all;
  return sizes.flatMap((maxResults) => sizesFor(profile, maxResults).map((n) => ({ population: populationOf(profile, n), maxResults })));
}

/** Items whose ordering keys pair up, so that pages of 1 or 2 end inside a tie; the last has none. */
function straddling(profile: OperationProfile): Item[] {
  const starts = [START, START - 1000, START - 1000, START - 2000, START - 2000, START - 3000];
  return [...starts.map((keyMs, i) => boundaryItem(profile, 'tie', i, { keyMs })), boundaryItem(profile, 'tie', starts.length, { keyMs: null })];
}

/** `size` items (ids apart by `prefix`) all with one ordering key, `keyMs`. */
function tied(profile: OperationProfile, size: number, prefix: string, keyMs = START): Item[] {
  return Array.from({ length: size }, (_, i) => boundaryItem(profile, prefix, i, { keyMs }));
}

/** Ties on the ordering key across page boundaries: every item tied, and ties straddling each page end. */
export function tieWalks(profile: OperationProfile): WalkCase[] {
  return [
    { population: tied(profile, 4, 'tie'), maxResults: 1 },
    { population: tied(profile, 5, 'tie'), maxResults: 2 },
    { population: straddling(profile), maxResults: 1 },
    { population: straddling(profile), maxResults: 2 },
  ];
}

/** For every state: a population where the filter keeps three items across pages (and one has no state), and one where it keeps none. */
export function filterWalks(profile: OperationProfile): WalkCase[] {
  const { states } = profile;
  return states.flatMap((filter, s) => {
    const other = states[(s + 1) % states.length];
    const matching = Array.from({ length: 7 }, (_, i) => boundaryItem(profile, 'filter', i, { state: i === 6 ? null : i % 2 === 0 ? filter : other }));
    const none = Array.from({ length: 4 }, (_, i) => boundaryItem(profile, 'filter', i, { state: states[(s + 1 + (i % 5)) % states.length] }));
    return [
      { population: matching, maxResults: 2, filter },
      { population: none, maxResults: 2, filter },
    ];
  });
}

/** Multi-byte ids, one to three code points each. */
const MULTI_BYTE_IDS = ['\u00e9', '\u65e5\u672c', '\u{1F600}'];

/** Whether the item schema takes any string id of a length up to its maximum (no pattern to match). */
function freeIds(profile: OperationProfile): boolean {
  const schema = itemSchemaAt(profile, [profile.id]);
  return schema.type === 'string' && (schema.pattern === undefined || patternAlwaysMatches(schema.pattern));
}

/**
 * An id of exactly the longest length in code points, ending in multi-byte ones (more than that many
 * UTF-8 bytes; BMP only, as UTF-16 counting is tolerated). Mostly ASCII, so the body stays near the
 * id's length in bytes.
 */
function longestId(max: number): string {
  const tail = '\u00e9\u65e5'.repeat(6);
  return repeatToLength('0123456789abcdef-', max - Array.from(tail).length) + tail;
}

/** Items whose members sit on the edges of what the schema allows: numbers at 0 and the largest long; the longest and multi-byte ids where the id schema takes them. */
function edgeItems(profile: OperationProfile): Item[][] {
  const { numericEdge } = itemKit(profile);
  const numeric = [numericEdge('boundary-largest', LARGEST_LONG), ...populationOf(profile, 2), numericEdge('boundary-zero', 0)];
  if (!freeIds(profile)) return [numeric];
  const max = itemSchemaAt(profile, [profile.id]).maxLength;
  const longest = max !== undefined && max >= 20 ? [boundaryItem(profile, 'long', 0, { id: longestId(max) })] : [];
  return [numeric, [...longest, ...MULTI_BYTE_IDS.map((id, i) => boundaryItem(profile, 'mb', i + 1, { id }))]];
}

/** Valid edges of the items' members: the numeric ones listed in pages of 1 and with the default page size, the long ids with the default. */
export function edgeWalks(profile: OperationProfile): WalkCase[] {
  const [numeric, ...long] = edgeItems(profile);
  return [{ population: numeric, maxResults: 1 }, { population: numeric }, ...long.map((population) => ({ population }))];
}

/** An empty id (where the item schema allows it), which a target's seeding route may refuse; none where it does not. */
export function emptyIdWalks(profile: OperationProfile): WalkCase[] {
  const schema = itemSchemaAt(profile, [profile.id]);
  if (!freeIds(profile) || (schema.minLength ?? 0) > 0) return [];
  return [{ population: [boundaryItem(profile, 'empty', 0, { id: '' }), ...populationOf(profile, 2)], maxResults: 1, refusable: `an empty ${profile.id}` }];
}

/**
 * Parent ids of `law` of exactly the longest length in code points: ASCII, two-byte, three-byte and
 * mixed after a short ASCII tag of the law (so that two laws' cases are different parents), all
 * refused by a server that counts UTF-8 bytes (none where the parent has no longest length, or a
 * pattern). Astral ones are left to the near misses of `errors.invalid-request` (one past the longest
 * must be refused): 256 astral code points are 512 UTF-16 units, and counting those (Java's
 * String.length) is a reading the independent emulator's correct-b makes and API.md does not rule out.
 */
export function longSessionIds(profile: OperationProfile, law: string): string[] {
  const { maxLength: max, pattern } = profile.parentFacts;
  if (max === undefined || (pattern !== undefined && !patternAlwaysMatches(pattern))) return [];
  const tag = longIdTag(profile, law);
  return ['s', '\u00e9', '\u65e5', 'a\u00e9\u65e5'].map((stem) => tag + repeatToLength(stem, max - tag.length));
}

/** A short population walked in pages of 2 under each of `law`'s longest parent ids. */
export function longSessionWalks(profile: OperationProfile, law: string): WalkCase[] {
  return longSessionIds(profile, law).map((sessionId) => ({ sessionId, population: populationOf(profile, 3), maxResults: 2 }));
}

/** A walk during which the parent grows: `grown` is loaded beside `population` after page `insertAfter`. */
export interface InsertCase {
  population: Item[];
  grown: Item[];
  maxResults: number;
  insertAfter: number;
}

/** Items added mid-walk tied with the newest (at a page boundary inside the tie) and newer than all. */
export function insertWalks(profile: OperationProfile): InsertCase[] {
  const newer = Array.from({ length: 3 }, (_, i) => boundaryItem(profile, 'inserted', i, { keyMs: START + (i + 1) * 1000 }));
  return [
    { population: tied(profile, 4, 'existing'), grown: tied(profile, 2, 'inserted'), maxResults: 1, insertAfter: 1 },
    { population: tied(profile, 4, 'existing'), grown: tied(profile, 2, 'inserted'), maxResults: 2, insertAfter: 2 },
    { population: populationOf(profile, 5, 'existing'), grown: newer, maxResults: 2, insertAfter: 1 },
  ];
}
