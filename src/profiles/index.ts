/**
 * The operation profiles: what the laws, the model and the emulator read about each list operation.
 */
export { defineProfile, itemId, itemsOf, listRequest, orderKeyOf, partsOf, schemaAt, seedPath, stateOf, valueAt } from './profile.js';
export type { ListParts, MemberFacts, OperationProfile, ProfileSpec, TimeUnit } from './profile.js';
export { LIST_EXECUTORS } from './list-executors.js';
export { LIST_SESSIONS } from './list-sessions.js';
export { LIST_CALCULATION_EXECUTIONS } from './list-calculation-executions.js';
export { FAMILY, OPERATION_NAMES, profileNamed, operationsOf, type OperationName } from './family.js';
export { validateFor, profileValidator, type ProfileSchema } from './validators.js';
