/**
 * The boundary cases of every property, as data in one place, for the operation a profile describes:
 * the near misses of the request schema's constraints, the populations and page sizes of the walks,
 * the tokens and parent ids of the token law, and the parent each seeded case loads (its own). Each
 * property's `boundary` picks its cases from here, smallest first where it can: a failing boundary
 * case is reported as it is, not shrunk.
 * engine/boundary-phase.ts runs them.
 */
export { brokenRequests, namingParent, SESSION_PLACEHOLDER, type BrokenRequest } from './request-cases.js';
export { boundaryParent, tokenParent } from './parents.js';
export {
  boundaryPageSizes,
  boundaryItem,
  populationOf,
  sizedWalks,
  tieWalks,
  filterWalks,
  edgeWalks,
  emptyIdWalks,
  longSessionIds,
  longSessionWalks,
  insertWalks,
  type WalkCase,
  type InsertCase,
} from './population-cases.js';
export { nearSessionIds, tamperToken, BOUNDARY_TAMPERS, boundaryGarbage, longestToken, refilters, type Tamper } from './token-cases.js';
