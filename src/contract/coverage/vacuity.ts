/**
 * The warnings coverage earns a property: a pass whose law is about pages that never saw a second
 * one, a filter law whose filter never matched, and (whatever the verdict) an error property none of
 * whose calls was answered with an error its law is about. Each message states only what the counts show.
 */
import type { Coverage, Warning } from '../../common/results.js';
import { succeeded } from './answer.js';
import { ERROR_LAWS, FILTER_LAWS, PAGE_LAWS } from './laws.js';

/** A vacuity warning saying `message`. */
function vacuous(message: string): Warning {
  return { kind: 'vacuous', message };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The calls of `coverage`, all answers together. */
export function callsOf(coverage: Coverage): number {
  return Object.values(coverage.answers).reduce((n, k) => n + k, 0);
}

/** "pagination untested" for a law about pages whose walks (or answers) never gave a second page. */
function paginationUntested(id: string, c: Coverage): Warning[] {
  const need = PAGE_LAWS[id];
  // With no executor listed at all the walk vacuity has already said more.
  if (need === 'walks' && c.walks.total > 0 && c.executors.listed > 0 && c.walks.multiPage === 0)
    return [vacuous(`pagination untested: no walk had a second page (${plural(c.walks.total, 'walk')}, each of one page)`)];
  if (need === 'tokens' && callsOf(c) > 0 && c.tokensIssued === 0) return [vacuous('pagination untested: no walk had a second page (no answer carried a NextToken)')];
  return [];
}

/** A filter used on walks that listed nothing with it, for a law about the filter. */
function filtersUnmatched(id: string, c: Coverage): Warning[] {
  if (!FILTER_LAWS.includes(id)) return [];
  return Object.entries(c.filters)
    .filter(([, f]) => f.walks > 0 && f.matched === 0)
    .map(([state, f]) => vacuous(`filter ${state} never matched: its ${plural(f.walks, 'walk')} listed no executor`));
}

/** The warnings of a pass from its coverage. */
export function passCoverageWarnings(id: string, coverage: Coverage): Warning[] {
  return [...paginationUntested(id, coverage), ...filtersUnmatched(id, coverage)];
}

/** The answers of `coverage`, most frequent first, as `503 (unnamed) ×4, 403 AccessDeniedException ×2`. */
function answersText(coverage: Coverage): string {
  const sorted = Object.entries(coverage.answers).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted.slice(0, 4).map(([k, n]) => `${k} ×${n}`).join(', ') + (sorted.length > 4 ? ', ...' : '');
}

/**
 * For an error property, whatever its verdict: every call failed (none answered 200), and none with a
 * 400 naming an error its law is about, so none of them tested the law.
 */
export function otherReasonWarnings(id: string, coverage: Coverage): Warning[] {
  const codes = ERROR_LAWS[id];
  const calls = callsOf(coverage);
  if (!codes || calls === 0) return [];
  const answered = Object.keys(coverage.answers);
  if (answered.some(succeeded) || answered.some((k) => codes.some((c) => k === `400 ${c}`))) return [];
  return [vacuous(`every call failed for another reason: none of its ${plural(calls, 'call')} was answered 400 ${codes.join(' or ')} (answers: ${answersText(coverage)})`)];
}
