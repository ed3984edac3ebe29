/**
 * The warnings coverage earns a property: a pass whose law is about pages that never saw a second
 * one, a filter law whose filter never matched, page boundaries the boundary sweep left untested,
 * and (whatever the verdict) an error property none of whose calls was answered with an error its law
 * is about. Which apply, the property's own coverage facts say. Each message states only what the
 * counts show.
 */
import type { Coverage, Mode, Warning } from '../../common/results.js';
import { succeeded } from './answer.js';
import type { LawCoverage } from './laws.js';

/** What the warnings read of a property: its coverage facts, if its law has any coverage can test. */
export interface CoveredLaw {
  readonly coverage?: LawCoverage;
}

/** A warning that coverage shows part of the law untested, saying `message`. */
function untested(message: string): Warning {
  return { kind: 'untested', message };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The calls of `coverage`, all answers together. */
export function callsOf(coverage: Coverage): number {
  return Object.values(coverage.answers).reduce((n, k) => n + k, 0);
}

/** "pagination untested" for a law about pages whose walks (or answers) never gave a second page. */
function paginationUntested(law: LawCoverage, c: Coverage): Warning[] {
  // With no item listed at all the walk vacuity has already said more.
  if (law.pages === 'walks' && c.walks.total > 0 && c.executors.listed > 0 && c.walks.multiPage === 0)
    return [untested(`pagination untested: no walk had a second page (${plural(c.walks.total, 'walk')}, each of one page)`)];
  if (law.pages === 'tokens' && callsOf(c) > 0 && c.tokensIssued === 0) return [untested(`pagination untested: no walk had a second page (no answer carried a ${law.token})`)];
  return [];
}

/**
 * For a law about the filter: seeded, each filter used on walks that listed nothing with it (the
 * harness chose the populations, so a state never matched is its own gap); observational, only when
 * no filter matched at all (a given session need not hold every state: the coverage table shows which).
 */
function filtersUnmatched(law: LawCoverage, c: Coverage, mode: Mode): Warning[] {
  if (!law.filter) return [];
  const used = Object.entries(c.filters).filter(([, f]) => f.walks > 0);
  const unmatched = used.filter(([, f]) => f.matched === 0);
  const noun = law.itemNoun;
  if (mode === 'seeded') return unmatched.map(([state, f]) => untested(`filter ${state} never matched: its ${plural(f.walks, 'walk')} listed no ${noun}`));
  if (!used.length || unmatched.length < used.length) return [];
  return [untested(`filter untested: no filtered walk listed ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun} (${plural(used.reduce((n, [, f]) => n + f.walks, 0), 'walk')} with ${used.map(([s]) => s).join(', ')})`)];
}

/**
 * The boundary sweep's warnings, per parent: the page boundaries it left untested (a call budget or
 * a deadline stopped its cases), and, a note, a target that refused a token issued under another
 * page size (legal), whose boundaries a whole walk at the smallest page size tested instead.
 */
function sweepWarnings(c: Coverage): Warning[] {
  return Object.entries(c.sweep ?? {}).flatMap(([parent, s]) => {
    const boundaries = Math.max(0, s.listed - 1);
    const refused: Warning[] = s.refused
      ? [{ kind: 'tolerated', message: `tolerated: ${parent} refused a NextToken issued under another page size (legal) in ${plural(s.refused, 'walk')} of the boundary sweep: its page boundaries were tested by a whole walk at the smallest page size instead` }]
      : [];
    const left = s.tested < boundaries ? [untested(`page boundaries untested: the boundary sweep tested ${s.tested} of the ${boundaries} page boundaries of ${parent} (the call budget or the deadline stopped it)`)] : [];
    return [...left, ...refused];
  });
}

/** The warnings of a pass of `law` in `mode` from its coverage (none without one, or for a law without coverage facts). */
export function passCoverageWarnings(law: CoveredLaw | undefined, coverage: Coverage | undefined, mode: Mode): Warning[] {
  const facts = law?.coverage;
  return coverage && facts ? [...paginationUntested(facts, coverage), ...filtersUnmatched(facts, coverage, mode), ...sweepWarnings(coverage)] : [];
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
export function otherReasonWarnings(law: CoveredLaw | undefined, coverage: Coverage | undefined): Warning[] {
  const codes = law?.coverage?.errors;
  const calls = coverage ? callsOf(coverage) : 0;
  if (!codes || !coverage || calls === 0) return [];
  const answered = Object.keys(coverage.answers);
  if (answered.some(succeeded) || answered.some((k) => codes.some((c) => k === `400 ${c}`))) return [];
  return [untested(`every call failed for another reason: none of its ${plural(calls, 'call')} was answered 400 ${codes.join(' or ')} (answers: ${answersText(coverage)})`)];
}
