/**
 * The retry classifier: which answers are the target asking the caller to slow down, not answers
 * of the contract. Only these are retried; every other error reaches the contract as it came.
 */
import { isThrottlingError } from '@smithy/core/retry';

/** What the classifier reads of an SDK error: its name (the error code) and the HTTP status. */
export type ClassifiedError = Error & { $metadata?: { httpStatusCode?: number } };

/** The SDK's error type; it differs from ours only in typing `cause`, which its classifier never reads. */
type SdkError = Parameters<typeof isThrottlingError>[0];

/**
 * Whether `error` is a throttling answer: what the SDK's own classifier calls throttling
 * (ThrottlingException, TooManyRequestsException, RequestLimitExceeded, SlowDown and the rest of its
 * list, or HTTP 429), and HTTP 503, which AWS services send when they shed load (S3's SlowDown is a
 * 503). The SDK files 503 as transient with the other 5xx; here a 500 must reach the contract.
 */
export function isThrottlingAnswer(error: ClassifiedError): boolean {
  return error.$metadata?.httpStatusCode === 503 || isThrottlingError(error as SdkError);
}
