/**
 * Plausible ListExecutors requests: the session ids and request shapes the seeded properties send.
 * Invalid requests come from `invalid('list-executors-request.schema.json')`.
 */
import fc from 'fast-check';
import type { ListExecutorsRequest } from '../generated/athena.js';
import { EXECUTOR_STATES } from './executor.js';

/** Session ids: mostly UUIDs, sometimes other URL-safe ids of 1..256 characters (both ends included). */
export function sessionId(): fc.Arbitrary<string> {
  const urlSafe = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.');
  return fc.oneof(
    { weight: 16, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: urlSafe }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: urlSafe }) },
    { weight: 1, arbitrary: fc.string({ minLength: 256, maxLength: 256, unit: urlSafe }) },
  );
}

/** Page sizes: absent, or 1..100 biased to 1, 2, small sizes and 100. */
const maxResults = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1, 2, 100) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 100 }) },
);

/** First-page requests for `sessionId`: MaxResults absent or 1..100, ExecutorStateFilter absent or any state, no NextToken. */
export function listExecutorsRequest(sessionId: string): fc.Arbitrary<ListExecutorsRequest> {
  return fc.record(
    {
      SessionId: fc.constant(sessionId),
      MaxResults: maxResults,
      ExecutorStateFilter: fc.constantFrom(...EXECUTOR_STATES),
    },
    { requiredKeys: ['SessionId'], noNullPrototype: true },
  );
}
