/**
 * Coverage as items a person reads: each one covered, partly covered, not covered, or not applicable
 * in the run's mode (as TraceCov marks them green, yellow, red), with a short line of detail. The
 * Markdown table and the JUnit properties render these; the counts stay in the JSON.
 */
import type { Coverage, Mode, TokenKind } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';

/** How far an item was covered. */
export type ItemStatus = 'covered' | 'partly' | 'not' | 'n/a';

/** One item of coverage. */
export interface CoverageItem {
  /** A stable short key (JUnit property names): `walks.multiPage`, `constraints`, ... */
  key: string;
  title: string;
  status: ItemStatus;
  detail: string;
}

/** The token kinds a run should try besides a walk's own tokens. */
const PROBED_TOKENS: readonly TokenKind[] = ['foreign', 'other-filter', 'tampered', 'garbage'];

/** Covered when every one of `parts` was, not when none was, partly otherwise. */
function statusOf(hit: number, of: number): ItemStatus {
  return of > 0 && hit === of ? 'covered' : hit === 0 ? 'not' : 'partly';
}

/** `a ×1, b ×2` of the entries of `counts`, in their order. */
function counted(counts: Record<string, number>): string {
  return Object.entries(counts).map(([k, n]) => `${k} ×${n}`).join(', ');
}

/** `; never matched: a, b` (`never` naming what did not happen), or nothing when `missing` is empty. */
function never(what: string, missing: readonly string[]): string {
  return missing.length ? `; never ${what}: ${missing.join(', ')}` : '';
}

/** A count item: covered when above zero. */
function countItem(key: string, title: string, n: number, detail: string): CoverageItem {
  return { key, title, status: n > 0 ? 'covered' : 'not', detail };
}

/** A set item: covered when every name in `hits` (each mapped to whether it was hit) was; the detail names those never `what`. */
function setItem(key: string, title: string, hits: Record<string, boolean>, detail: string, what: string): CoverageItem {
  const names = Object.keys(hits);
  const missing = names.filter((n) => !hits[n]);
  return { key, title, status: statusOf(names.length - missing.length, names.length), detail: `${detail}${never(what, missing)}` };
}

/** The items seeding alone can cover: not applicable in observational mode. */
function seededItems(c: Coverage, mode: Mode, profile: OperationProfile): CoverageItem[] {
  const sizes = setItem('populations', 'seeded population sizes 0, 1, 2-100, 101+', Object.fromEntries(Object.entries(c.populations.sizes).map(([k, n]) => [k, n > 0])), `${c.populations.seeded} seeded, largest ${c.populations.largest}`, 'seeded');
  const inserted = countItem('inserted', `${profile.itemNoun}s inserted mid-walk`, c.inserted.executors, `${c.inserted.executors} in ${c.inserted.walks} walk(s)`);
  if (mode === 'seeded') return [sizes, inserted];
  return [sizes, inserted].map((i) => ({ ...i, status: 'n/a' as const, detail: 'seeded mode only' }));
}

/**
 * Every item of `coverage` for a run in `mode` of `profile`'s operation (ListExecutors by default),
 * in the order reports show them, in the operation's words.
 */
export function coverageItems(c: Coverage, mode: Mode, profile: OperationProfile = LIST_EXECUTORS): CoverageItem[] {
  const constraints = Object.entries(c.constraints);
  const filters = Object.entries(c.filters);
  const tried = (kind: TokenKind) => c.tokens[kind]?.tried ?? 0;
  const items = `${profile.itemNoun}s`;
  const { min, max } = profile.pageBounds;
  return [
    countItem('walks.multiPage', 'walks with a second page', c.walks.multiPage, `${c.walks.multiPage} of ${c.walks.total} walks, the longest ${c.walks.longest} page(s)`),
    setItem('maxResults', `${profile.pageSize} ${min}, ${max}, absent, other`, Object.fromEntries(Object.entries(c.maxResults).map(([k, n]) => [k, n > 0])), counted(c.maxResults), 'used'),
    setItem('filters', 'each filter matched', Object.fromEntries(filters.map(([s, f]) => [s, f.matched > 0])), `${filters.filter(([, f]) => f.walks > 0).length} of ${filters.length} used`, 'matched'),
    ...seededItems(c, mode, profile),
    countItem('ties', `${profile.orderKey.path.join('.')} ties across a page boundary`, c.ties, `${c.ties} boundaries`),
    setItem('lacking', `${items} lacking each optional member`, Object.fromEntries(Object.entries(c.executors.lacking).map(([m, n]) => [m, n > 0])), `${c.executors.listed} ${items} listed`, 'lacked'),
    setItem('constraints', 'request constraints broken', Object.fromEntries(constraints.map(([k, t]) => [k, t.tried > 0])), `${constraints.filter(([, t]) => t.tried > 0).length} of ${constraints.length}`, 'broken'),
    setItem('tokens', 'token kinds tried', Object.fromEntries(PROBED_TOKENS.map((k) => [k, tried(k) > 0])), PROBED_TOKENS.filter((k) => tried(k) > 0).map((k) => `${k} ×${tried(k)}`).join(', ') || 'none', 'tried'),
  ];
}

/**
 * One compact line of a property's coverage, for the console: its calls, its walks, the constraints
 * it broke and the tokens it tried, each part only where there is one.
 */
export function coverageLine(c: Coverage): string {
  const calls = Object.values(c.answers).reduce((n, k) => n + k, 0);
  const parts = [`${calls} calls`];
  if (c.walks.total) parts.push(`${c.walks.total} walks (${c.walks.multiPage} with 2+ pages, longest ${c.walks.longest})`);
  const constraints = Object.values(c.constraints);
  const broken = constraints.filter((t) => t.tried > 0).length;
  if (broken) parts.push(`${broken}/${constraints.length} constraints broken`);
  const probes = PROBED_TOKENS.filter((k) => (c.tokens[k]?.tried ?? 0) > 0).map((k) => `${k} ${c.tokens[k].tried}`);
  if (probes.length) parts.push(`tokens ${probes.join(', ')}`);
  if (c.populations.seeded) parts.push(`${c.populations.seeded} seeded (largest ${c.populations.largest})`);
  return parts.join(', ');
}
