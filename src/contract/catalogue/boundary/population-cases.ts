/**
 * The populations and page sizes of the walking properties' boundary cases: MaxResults 1, 2, 99, 100
 * and absent over 0, 1, MaxResults - 1, MaxResults, MaxResults + 1 and more than 100 executors (the
 * last for the large page sizes only, so the phase stays quick); ties on StartDateTime across page
 * boundaries; every filter with and without matches; and the valid edges a sloppy server rejects or
 * mangles: members equal to 0 and to the largest long, ExecutorIds of 100,000 code points, an empty
 * ExecutorId, and SessionIds of exactly 256 multi-byte code points.
 */
import { repeatToLength } from '../../../arbitraries/strings.js';
import type { ExecutorState, ExecutorsSummary } from '../../../generated/athena.js';
import { EXECUTOR_STATES, EXECUTOR_TYPES, REQUEST_CONSTRAINTS } from '../../../generated/constraints.js';

/** The session the seeded boundary cases load (and drop again): a UUID, as real Athena's are. */
export const BOUNDARY_SESSION = 'b0a1d2e3-0000-4000-8000-00000000b0de';

/** One walk of a seeded boundary case: what the session holds and how it is listed. */
export interface WalkCase {
  population: ExecutorsSummary[];
  maxResults?: number;
  filter?: ExecutorState;
  /** The session to seed. @defaultValue {@link BOUNDARY_SESSION} */
  sessionId?: string;
  /** Why the target's seeding route may refuse this population: the case is then skipped, not fatal. */
  refusable?: string;
}

/** 2025-01-01T00:00:00Z: the newest StartDateTime of the boundary populations. */
const START = Date.UTC(2025, 0, 1);
/** More than the largest page: a population no single page can hold. */
const LARGE = 101;
/** The page sizes every walk boundary tries: the smallest two, the largest two, and the server's default. */
export const BOUNDARY_PAGE_SIZES: readonly (number | undefined)[] = [1, 2, 99, 100, undefined];
/** The largest long a JSON number carries exactly in JavaScript (2^53 - 1; the Smithy long's 2^63 - 1 is not representable). */
const LARGEST_LONG = Number.MAX_SAFE_INTEGER;

/** Executor `i` of a boundary population: ids apart by `prefix`, every state and type in turn, one second older per index. */
export function boundaryExecutor(prefix: string, i: number, overrides: Partial<ExecutorsSummary> = {}): ExecutorsSummary {
  return {
    ExecutorId: `${prefix}-${String(i).padStart(3, '0')}`,
    ExecutorType: EXECUTOR_TYPES[i % EXECUTOR_TYPES.length],
    ExecutorState: EXECUTOR_STATES[i % EXECUTOR_STATES.length],
    StartDateTime: START - i * 1000,
    ExecutorSize: 1 + (i % 4),
    ...overrides,
  };
}

/** `size` executors, newest first. */
export function populationOf(size: number, prefix = 'boundary-executor'): ExecutorsSummary[] {
  return Array.from({ length: size }, (_, i) => boundaryExecutor(prefix, i));
}

/** The population sizes tried with page size `m`: 0, 1, m - 1, m, m + 1, and more than 100 for the large sizes. */
function sizesFor(m: number | undefined): number[] {
  const sizes = m === undefined ? [0, 1, LARGE] : [0, 1, m - 1, m, m + 1, ...(m >= 99 ? [LARGE] : [])];
  return [...new Set(sizes.filter((n) => n >= 0))].sort((a, b) => a - b);
}

/** Every boundary page size over every boundary population size; `small` keeps the page sizes of 1 and 2 only. */
export function sizedWalks(small = false): WalkCase[] {
  const sizes = small ? BOUNDARY_PAGE_SIZES.filter((m) => m !== undefined && m <= 2) : BOUNDARY_PAGE_SIZES;
  return sizes.flatMap((maxResults) => sizesFor(maxResults).map((n) => ({ population: populationOf(n), maxResults })));
}

/** Executors whose StartDateTimes pair up, so that pages of 1 or 2 end inside a tie; the last has none. */
function straddling(): ExecutorsSummary[] {
  const starts = [START, START - 1000, START - 1000, START - 2000, START - 2000, START - 3000];
  return [...starts.map((s, i) => boundaryExecutor('tie', i, { StartDateTime: s })), boundaryExecutor('tie', starts.length, { StartDateTime: undefined })].map(dropUndefined);
}

/** Ties on StartDateTime across page boundaries: every executor tied, and ties straddling each page end. */
export function tieWalks(): WalkCase[] {
  const tied = (n: number) => populationOf(n, 'tie').map((e) => ({ ...e, StartDateTime: START }));
  return [
    { population: tied(4), maxResults: 1 },
    { population: tied(5), maxResults: 2 },
    { population: straddling(), maxResults: 1 },
    { population: straddling(), maxResults: 2 },
  ];
}

/** For every state: a population where the filter keeps three executors across pages (and one has no state), and one where it keeps none. */
export function filterWalks(): WalkCase[] {
  return EXECUTOR_STATES.flatMap((filter, s) => {
    const other = EXECUTOR_STATES[(s + 1) % EXECUTOR_STATES.length];
    const matching = Array.from({ length: 7 }, (_, i) => boundaryExecutor('filter', i, { ExecutorState: i === 6 ? undefined : i % 2 === 0 ? filter : other })).map(dropUndefined);
    const none = Array.from({ length: 4 }, (_, i) => boundaryExecutor('filter', i, { ExecutorState: EXECUTOR_STATES[(s + 1 + (i % 5)) % EXECUTOR_STATES.length] }));
    return [
      { population: matching, maxResults: 2, filter },
      { population: none, maxResults: 2, filter },
    ];
  });
}

/** Drops members set to undefined (a member left out, not one sent as null). */
function dropUndefined(e: ExecutorsSummary): ExecutorsSummary {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as unknown as ExecutorsSummary;
}

const MAX_ID = 100_000;

/**
 * An ExecutorId of exactly the longest length in code points, ending in multi-byte ones (more than
 * 100,000 UTF-8 bytes; BMP only, as UTF-16 counting is tolerated). Mostly ASCII, so the body stays near 100 KB.
 */
function longestId(): string {
  const tail = '\u00e9\u65e5'.repeat(6);
  return repeatToLength('0123456789abcdef-', MAX_ID - Array.from(tail).length) + tail;
}

/** Executors whose members sit on the edges of what the schema allows. */
function edgeExecutors(): ExecutorsSummary[][] {
  const numeric = (id: string, n: number) => boundaryExecutor(id, 0, { ExecutorId: id, ExecutorState: 'TERMINATED', StartDateTime: n, TerminationDateTime: n, ExecutorSize: n });
  return [
    [numeric('boundary-largest', LARGEST_LONG), ...populationOf(2), numeric('boundary-zero', 0)],
    [boundaryExecutor('long', 0, { ExecutorId: longestId() }), ...['\u00e9', '\u65e5\u672c', '\u{1F600}'].map((id, i) => boundaryExecutor('mb', i + 1, { ExecutorId: id }))],
  ];
}

/** Valid edges of the executors' members: the numeric ones listed in pages of 1 and with the default page size, the long ids with the default. */
export function edgeWalks(): WalkCase[] {
  const [numeric, ...long] = edgeExecutors();
  return [{ population: numeric, maxResults: 1 }, { population: numeric }, ...long.map((population) => ({ population }))];
}

/** An empty ExecutorId (the schema allows it), which a target's seeding route may refuse. */
export function emptyIdWalk(): WalkCase {
  return { population: [boundaryExecutor('empty', 0, { ExecutorId: '' }), ...populationOf(2)], maxResults: 1, refusable: 'an empty ExecutorId' };
}

/**
 * SessionIds of exactly the longest length in code points: ASCII, two-byte, three-byte and mixed, all
 * refused by a server that counts UTF-8 bytes. Astral ones are left to the near misses of
 * `errors.invalid-request` (257 of them must be refused): 256 astral code points are 512 UTF-16 units,
 * and counting those (Java's String.length) is a reading the independent emulator's correct-b makes
 * and API.md does not rule out.
 */
export function longSessionIds(): string[] {
  const max = REQUEST_CONSTRAINTS.SessionId.maxLength;
  return ['s', '\u00e9', '\u65e5', 'a\u00e9\u65e5'].map((stem) => repeatToLength(stem, max));
}

/** A short population walked in pages of 2 under each of the longest SessionIds. */
export function longSessionWalks(): WalkCase[] {
  return longSessionIds().map((sessionId) => ({ sessionId, population: populationOf(3), maxResults: 2 }));
}

/** A walk during which the session grows: `grown` is loaded beside `population` after page `insertAfter`. */
export interface InsertCase {
  population: ExecutorsSummary[];
  grown: ExecutorsSummary[];
  maxResults: number;
  insertAfter: number;
}

/** Executors started mid-walk tied with the newest (at a page boundary inside the tie) and newer than all. */
export function insertWalks(): InsertCase[] {
  const tied = (n: number, prefix: string) => populationOf(n, prefix).map((e) => ({ ...e, StartDateTime: START }));
  const newer = populationOf(3, 'inserted').map((e, i) => ({ ...e, StartDateTime: START + (i + 1) * 1000 }));
  return [
    { population: tied(4, 'existing'), grown: tied(2, 'inserted'), maxResults: 1, insertAfter: 1 },
    { population: tied(4, 'existing'), grown: tied(2, 'inserted'), maxResults: 2, insertAfter: 2 },
    { population: populationOf(5, 'existing'), grown: newer, maxResults: 2, insertAfter: 1 },
  ];
}
