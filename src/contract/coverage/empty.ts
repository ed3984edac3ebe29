/**
 * A coverage with nothing exercised yet, every pinned key present: each constraint of the request
 * schema, each filter state, each optional item member and token kind at zero, so that a report shows
 * what was never tried rather than leaving it out. The members keep their names whatever the
 * operation (`executors` holds the items listed): outside tools read them.
 */
import type { Coverage, CoverageTally, TokenKind } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import { schemaFactsOf } from './schema-facts.js';

/** Every token kind, in the order reports list them. */
export const TOKEN_KINDS: readonly TokenKind[] = ['issued', 'foreign', 'other-filter', 'tampered', 'garbage', 'empty'];

/** A tally of nothing tried. */
export function emptyTally(): CoverageTally {
  return { tried: 0, answers: {} };
}

/** A coverage of nothing for `profile`'s operation (ListExecutors by default), every key present. */
export function emptyCoverage(profile: OperationProfile = LIST_EXECUTORS): Coverage {
  const { constraintKeys, optionalItemMembers, states } = schemaFactsOf(profile);
  return {
    answers: {},
    tokensIssued: 0,
    walks: { total: 0, multiPage: 0, longest: 0, complete: 0 },
    maxResults: { '1': 0, '100': 0, absent: 0, other: 0 },
    filters: Object.fromEntries(states.map((s) => [s, { walks: 0, matched: 0 }])),
    populations: { seeded: 0, sizes: { '0': 0, '1': 0, '2-100': 0, '101+': 0 }, largest: 0 },
    ties: 0,
    executors: { listed: 0, lacking: Object.fromEntries(optionalItemMembers.map((m) => [m, 0])) },
    constraints: Object.fromEntries(constraintKeys.map((k) => [k, emptyTally()])),
    tokens: Object.fromEntries(TOKEN_KINDS.map((k) => [k, emptyTally()])) as Record<TokenKind, CoverageTally>,
    inserted: { walks: 0, executors: 0 },
    moving: { came: 0, went: 0, changed: 0 },
  };
}

/** Adds one answer `answer` to `tally` (creating the entry of an answer first seen). */
export function countAnswer(tally: CoverageTally, answer: string): void {
  tally.tried++;
  tally.answers[answer] = (tally.answers[answer] ?? 0) + 1;
}
