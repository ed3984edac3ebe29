/**
 * The boundary cases of every property, as data in one place, for the operation a profile describes:
 * the near misses of the request schema's constraints, the populations and page sizes of the walks,
 * and the tokens and parent ids of the token law. Each property's `boundary` picks its cases from
 * here, smallest first where it can: a failing boundary case is reported as it is, not shrunk.
 * engine/boundary-phase.ts runs them.
 */
export { brokenRequests, SESSION_PLACEHOLDER, type BrokenRequest } from './request-cases.js';
export {
  BOUNDARY_SESSION,
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
export { TOKEN_SESSION, nearSessionIds, tamperToken, BOUNDARY_TAMPERS, boundaryGarbage, longestToken, refilters, type Tamper } from './token-cases.js';
