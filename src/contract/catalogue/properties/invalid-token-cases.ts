/**
 * The scenarios of `errors.invalid-token`, one kind of token each, and its boundary cases: tokens no
 * server issued; a parent's token carried to parents whose ids are near misses of its own; an issued
 * token changed each way; a filtered walk's token carried to the unfiltered walk and to another filter.
 * In observational mode, the cases the given parents allow.
 */
import type { Item } from '../../../arbitraries/index.js';
import { boundaryGarbage, BOUNDARY_SESSION, BOUNDARY_TAMPERS, nearSessionIds, populationOf, refilters, TOKEN_SESSION, type Tamper } from '../boundary/index.js';
import { profileOf } from '../context.js';
import type { ScenarioContext } from '../property.js';
import type { SessionDraw } from '../scaffold/index.js';

/** A token no server issued, sent for `session`. */
export interface Garbage {
  kind: 'garbage';
  token: string;
  maxResults: number;
  session: SessionDraw;
}

/** A real token of `session`, sent for `other`. */
interface Foreign {
  kind: 'foreign';
  maxResults: number;
  session: SessionDraw;
  other: SessionDraw;
}

/** A real token of `session`, changed, sent for `session`; seeded mode also seeds `other`, whose items it must never list. */
interface Tampered {
  kind: 'tampered';
  tamper: Tamper;
  maxResults: number;
  session: SessionDraw;
  other?: SessionDraw;
}

/** A real token of `session`'s walk filtered by `filter`, sent for `session` with the filter `reuse` (unfiltered when absent). */
interface Refiltered {
  kind: 'refiltered';
  filter: string;
  reuse?: string;
  maxResults: number;
  session: SessionDraw;
  other?: SessionDraw;
}

/** A token of each kind, as the scenarios and the boundary cases draw them. */
export type Scenario = Garbage | Foreign | Tampered | Refiltered;

/** A boundary session: seeded with `population` under `sessionId`, or the `pick`-th given one. */
function drawn(sc: ScenarioContext, sessionId: string, population: Item[], pick: number): SessionDraw {
  return sc.mode === 'seeded' ? { sessionId, population } : { pick };
}

/**
 * The seeded boundary cases; pages of the second smallest size (2) over six items (three per state,
 * for the filtered walks) always give a token.
 */
function seededCases(sc: ScenarioContext): Scenario[] {
  const profile = profileOf(sc);
  const page = profile.pageBounds.min + 1;
  const session = drawn(sc, TOKEN_SESSION, populationOf(profile, 6, 'token-a'), 0);
  const other = drawn(sc, BOUNDARY_SESSION, populationOf(profile, 6, 'token-b'), 0);
  const everyState = drawn(sc, TOKEN_SESSION, populationOf(profile, 3 * profile.states.length, 'token-a'), 0);
  return [
    ...boundaryGarbage(profile).map((token): Scenario => ({ kind: 'garbage', token, maxResults: page, session })),
    ...nearSessionIds().map((id): Scenario => ({ kind: 'foreign', maxResults: page, session, other: drawn(sc, id, populationOf(profile, 6, 'token-b'), 0) })),
    ...BOUNDARY_TAMPERS.map((tamper): Scenario => ({ kind: 'tampered', tamper, maxResults: page, session, other })),
    ...refilters(profile).map(({ filter, reuse }): Scenario => ({ kind: 'refiltered', filter, reuse, maxResults: page, session: everyState, other })),
  ];
}

/** The observational boundary cases: the first given parent's tokens, and its token carried to the second where two are given. */
function observedCases(sc: ScenarioContext): Scenario[] {
  const profile = profileOf(sc);
  const page = profile.pageBounds.min;
  const first: SessionDraw = { pick: 0 };
  const foreign: Scenario[] = sc.sessions.length < 2 ? [] : [{ kind: 'foreign', maxResults: page, session: first, other: { pick: 0 } }];
  return [
    ...boundaryGarbage(profile).map((token): Scenario => ({ kind: 'garbage', token, maxResults: page, session: first })),
    ...foreign,
    ...BOUNDARY_TAMPERS.map((tamper): Scenario => ({ kind: 'tampered', tamper, maxResults: page, session: first })),
    ...refilters(profile).map(({ filter, reuse }): Scenario => ({ kind: 'refiltered', filter, reuse, maxResults: page, session: first })),
  ];
}

/** The boundary cases of `errors.invalid-token` for the run's mode. */
export function invalidTokenBoundary(sc: ScenarioContext): Scenario[] {
  return sc.mode === 'seeded' ? seededCases(sc) : observedCases(sc);
}
