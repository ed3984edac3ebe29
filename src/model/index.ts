/**
 * The reference model of Athena ListExecutors: pure functions, no I/O, no clock, no randomness.
 */
export { listExecutors, listExecutorsWith, BAD_TOKEN_MESSAGE } from './list-executors.js';
export { LIST_STAGES } from './stages.js';
export type { ListStages, ListResult, PageOf, ErrorKind } from './stages.js';
export { orderExecutors, orderedView, filterView, comparePositions, executorDigest, indexAfter } from './order.js';
export type { Position, OrderedExecutor } from './order.js';
export { signToken, verifyToken, pageBinding, encodePosition, decodePosition } from './token.js';
export { validateRequest, readRequestFields, constraintViolations, violationsError, checkedRequest } from './validate-request.js';
export type { RequestFields, Violation, FieldsResult, RequestResult } from './validate-request.js';
export {
  serializationException,
  invalidRequestException,
  resourceNotFoundException,
  internalServerException,
} from './errors.js';
export { DEFAULT_PAGE_SIZE, DEFAULT_TOKEN_KEY } from './types.js';
export type { SessionStore, ModelError, ModelResult, ModelOptions } from './types.js';
