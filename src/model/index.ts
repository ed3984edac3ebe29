/**
 * The reference model of a paginated, newest-first, state-filtered list (ListExecutors and its
 * family), read through an operation profile: pure functions, no I/O, no clock, no randomness.
 */
export { listWith, listItems, badTokenMessage } from './list.js';
export { listExecutors, orderExecutors, BAD_TOKEN_MESSAGE } from './list-executors.js';
export { LIST_STAGES, pageBody } from './stages.js';
export type { ListStages, ListResult, Page, ErrorKind } from './stages.js';
export { orderItems, orderedView, filterView, comparePositions, idDigest, indexAfter } from './order.js';
export type { Position, OrderedItem } from './order.js';
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
export type { Item, ItemOf, ParentStore, SessionStore, ModelError, ModelResult, ModelOptions } from './types.js';
