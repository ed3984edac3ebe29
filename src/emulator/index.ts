/**
 * The built-in emulator of ListExecutors, ListSessions and ListCalculationExecutions (the list
 * operations it serves are profiles): one core over the reference model, three bindings (SDK request
 * handler, HTTP server, nock), seeding routes, session and calculation calls, and fault injection.
 */
export { createEmulator } from './core.js';
export type { EmulatorCore, EmulatorOptions, SessionSeedOption } from './core.js';
export type { CalculationState, GrowthOptions } from './calculations.js';
export type { Executor } from './session-shapes.js';
export type { Parents } from './parents.js';
export { startEmulator } from './http-server.js';
export { DUMMY_CREDENTIALS } from '../wire/credentials.js';
export type { Emulator, ServerOptions } from './http-server.js';
export { interceptAthena } from './nock-binding.js';
export type { InterceptOptions } from './nock-binding.js';
export { createRequestHandler } from './request-handler.js';
export type { AthenaRequestHandler, SdkHttpRequest, SdkHttpResponse } from './request-handler.js';
export { FAULTS, FAULT_NAMES, FAULT_REGISTRY, isFaultName } from './faults.js';
export type { Fault, FaultName, FaultInfo } from './faults.js';
export { EMULATOR_STAGES } from './stages.js';
export type { EmulatorStages, StageOverrides, StageContext, AnsweredItem } from './stages.js';
export { MAX_BODY_BYTES, AMZ_JSON } from './wire.js';
export { checkSeed, itemsShape, seedShape } from './seeding.js';
export type { SeedCheck } from './seeding.js';
