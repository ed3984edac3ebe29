/**
 * Arbitraries of the harness: the schema compiler (`valid`, `invalid`, `constraintsOf`) and the
 * domain arbitraries of an operation profile (populations, their growth, parent ids, requests, and the
 * seeded and observed walks the properties draw), with ListExecutors' own executors and its old names.
 */
export { valid, type ValidOptions } from './valid.js';
export { invalid, constraintsOf, type Broken } from './invalid.js';
export type { SchemaInput, SchemaRefs } from './schema-node.js';
export type { SchemaTypes } from './schema-types.js';
export { itemKit, itemPopulation, growItems, type ItemKit } from './item-kit.js';
export { setAt, optionalAt, itemSchemaAt, wireTime, msOfKey, START_MS_MIN, START_MS_MAX, type Item, type PopulationOptions, type GrowOptions } from './items.js';
export { executorPopulation, growPopulation } from './executor-population.js';
export {
  parentId,
  sessionId,
  firstPageRequest,
  listExecutorsRequest,
  pageSize,
  requestShape,
  clean,
  uuidParentId,
  freshParentId,
  seededWalk,
  observedWalk,
  type RequestShape,
  type SeededWalk,
  type ObservedWalk,
} from './requests.js';
export { EXECUTOR_STATES, EXECUTOR_TYPES, type Executor } from './executor.js';
export { repeatToLength } from './strings.js';
export { regExpOf, patternAlwaysMatches } from './violations.js';
