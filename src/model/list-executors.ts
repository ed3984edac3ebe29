/**
 * ListExecutors over the generic model: the package's exported `listExecutors` and `orderExecutors`,
 * thin wrappers that hand the model the ListExecutors profile.
 */
import type { ListExecutorsResponse } from '../generated/athena.js';
import { LIST_EXECUTORS } from '../profiles/index.js';
import { badTokenMessage, listItems } from './list.js';
import { orderItems } from './order.js';
import type { ItemOf, ModelOptions, ModelResult, SessionStore } from './types.js';

/** An executor as ListExecutors lists it. */
type Executor = ItemOf<ListExecutorsResponse>;

/** The message of a NextToken the model did not issue for this session and filter. */
export const BAD_TOKEN_MESSAGE = badTokenMessage(LIST_EXECUTORS);

/**
 * Lists one page of a session's executors: {@link listItems} with the ListExecutors profile (newest
 * first, MaxResults per page, the state filter, NextTokens bound to session and filter).
 */
export function listExecutors(store: SessionStore, input: unknown, options: ModelOptions = {}): ModelResult {
  return listItems(LIST_EXECUTORS, store, input, options) as ModelResult;
}

/** The model's total order of a session's executors: what listExecutors pages through, newest first. */
export function orderExecutors(executors: readonly Executor[]): Executor[] {
  return orderItems(LIST_EXECUTORS, executors);
}
