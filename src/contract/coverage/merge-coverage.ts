/**
 * Coverage of several parts (the properties of a run, the shards of one) as one: counts add up,
 * the longest walk and the largest population are the largest of the parts'.
 */
import type { Coverage } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import { emptyCoverage } from './empty.js';

/** Keys whose values are maxima, not counts. */
const MAXIMA = new Set(['longest', 'largest']);

/** Adds `from` into `into`, member by member (members only `from` has are taken as they are). */
function addInto(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    const have = into[k];
    if (typeof v === 'number') into[k] = typeof have === 'number' ? (MAXIMA.has(k) ? Math.max(have, v) : have + v) : v;
    else if (typeof v === 'object' && v !== null) {
      if (typeof have !== 'object' || have === null) into[k] = {};
      addInto(into[k] as Record<string, unknown>, v as Record<string, unknown>);
    }
  }
}

/** The coverage of all `parts` of `profile`'s operation together (parts of reports without coverage are left out). */
export function mergeCoverage(parts: readonly (Coverage | undefined)[], profile: OperationProfile = LIST_EXECUTORS): Coverage {
  const merged = emptyCoverage(profile);
  for (const p of parts) if (p) addInto(merged as unknown as Record<string, unknown>, p as unknown as Record<string, unknown>);
  return merged;
}
