/**
 * The scenarios of `errors.invalid-token`, one kind of token each, and its boundary cases: tokens no
 * server issued; a parent's token carried to parents whose ids are near misses of its own; an issued
 * token changed each way; a filtered walk's token carried to the unfiltered walk and to another filter.
 * In observational mode, the cases the given parents allow.
 */
import type { Item } from '../../../arbitraries/index.js';
import { boundaryGarbage, boundaryParent, BOUNDARY_TAMPERS, nearSessionIds, populationOf, refilters, tokenParent, type Tamper } from '../boundary/index.js';
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
 * for the filtered walks) always give a token. Case `i` loads parents of its own (parents.ts): its
 * token is one of `tokenParent(i)`, carried to that id's near misses or kept away from
 * `boundaryParent(i)`, so that the cases run side by side.
 */
function seededCases(sc: ScenarioContext): Scenario[] {
  const profile = profileOf(sc);
  const page = profile.pageBounds.min + 1;
  const session = (i: number, size = 6) => drawn(sc, tokenParent(profile, i), populationOf(profile, size, 'token-a'), 0);
  const seededOther = (id: string) => drawn(sc, id, populationOf(profile, 6, 'token-b'), 0);
  const other = (i: number) => seededOther(boundaryParent(profile, 'errors.invalid-token', i));
  const near = (i: number, k: number) => seededOther(nearSessionIds(tokenParent(profile, i))[k]);
  const cases: ((i: number) => Scenario)[] = [
    ...boundaryGarbage(profile).map((token) => (i: number): Scenario => ({ kind: 'garbage', token, maxResults: page, session: session(i) })),
    ...nearSessionIds(tokenParent(profile, 0)).map((_, k) => (i: number): Scenario => ({ kind: 'foreign', maxResults: page, session: session(i), other: near(i, k) })),
    ...BOUNDARY_TAMPERS.map((tamper) => (i: number): Scenario => ({ kind: 'tampered', tamper, maxResults: page, session: session(i), other: other(i) })),
    ...refilters(profile).map(({ filter, reuse }) => (i: number): Scenario => ({ kind: 'refiltered', filter, reuse, maxResults: page, session: session(i, 3 * profile.states.length), other: other(i) })),
  ];
  return cases.map((make, i) => make(i));
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
