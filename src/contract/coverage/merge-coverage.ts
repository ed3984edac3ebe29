/**
 * Coverage of several parts (the properties of a run, the shards of one) as one: counts add up,
 * the longest walk, the largest population and a swept parent's size are the largest of the parts'.
 */
import type { Coverage } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import { emptyCoverage } from './empty.js';

/** Keys whose values are maxima, not counts. */
const MAXIMA = new Set(['longest', 'largest']);

/** Whether the member at `path` is a maximum: `longest`, `largest`, and a swept parent's `listed` (its size, not a count of listings). */
function isMaximum(path: readonly string[]): boolean {
  const key = path[path.length - 1];
  return MAXIMA.has(key) || (path[0] === 'sweep' && path.length === 3 && key === 'listed');
}

/** Adds `from` into `into`, member by member (members only `from` has are taken as they are); `path` is where they sit. */
function addInto(into: Record<string, unknown>, from: Record<string, unknown>, path: readonly string[] = []): void {
  for (const [k, v] of Object.entries(from)) {
    const have = into[k];
    if (typeof v === 'number') into[k] = typeof have === 'number' ? (isMaximum([...path, k]) ? Math.max(have, v) : have + v) : v;
    else if (typeof v === 'object' && v !== null) {
      if (typeof have !== 'object' || have === null) into[k] = {};
      addInto(into[k] as Record<string, unknown>, v as Record<string, unknown>, [...path, k]);
    }
  }
}

/** The coverage of all `parts` of `profile`'s operation together (parts of reports without coverage are left out). */
export function mergeCoverage(parts: readonly (Coverage | undefined)[], profile: OperationProfile = LIST_EXECUTORS): Coverage {
  const merged = emptyCoverage(profile);
  for (const p of parts) if (p) addInto(merged as unknown as Record<string, unknown>, p as unknown as Record<string, unknown>);
  return merged;
}
