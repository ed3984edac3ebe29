/**
 * Arbitraries of the harness: the schema compiler (`valid`, `invalid`, `constraintsOf`) and the
 * domain arbitraries built for ListExecutors (populations, their growth, session ids, requests, and
 * the seeded and observed walks the properties draw).
 */
export { valid, type ValidOptions } from './valid.js';
export { invalid, constraintsOf, type Broken } from './invalid.js';
export type { SchemaInput } from './schema-node.js';
export type { SchemaTypes } from './schema-types.js';
export { executorPopulation, growPopulation, type PopulationOptions, type GrowOptions } from './executor-population.js';
export {
  sessionId,
  listExecutorsRequest,
  pageSize,
  requestShape,
  clean,
  unknownSessionId,
  freshSessionId,
  seededWalk,
  observedWalk,
  type RequestShape,
  type SeededWalk,
  type ObservedWalk,
} from './requests.js';
export { EXECUTOR_STATES, EXECUTOR_TYPES, START_MS_MIN, START_MS_MAX } from './executor.js';
