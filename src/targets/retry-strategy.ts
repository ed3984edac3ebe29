/**
 * Retries of throttled calls with the SDK's own machinery: a RetryStrategyV2 that hands each call to
 * a `StandardRetryStrategy` of `@smithy/core` (its attempt count, backoff with jitter, Retry-After
 * rule and sleeping), telling it that an answer is throttling only when the retry classifier says so
 * and a client error otherwise, which it never retries. Every attempt goes through the client's
 * request handler, so each one is an observed exchange.
 */
import type { AthenaClientConfig } from '@aws-sdk/client-athena';
import { MAXIMUM_RETRY_DELAY, StandardRetryStrategy } from '@smithy/core/retry';
import { isThrottlingAnswer } from './throttling.js';

/** The SDK's retry strategy interface (v2), as the client's configuration types it. */
type RetryStrategyV2 = Extract<NonNullable<AthenaClientConfig['retryStrategy']>, { acquireInitialRetryToken: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];
type StandardToken = Awaited<ReturnType<StandardRetryStrategy['acquireInitialRetryToken']>>;

/** How throttled calls are retried. */
export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Backoff base: retry n waits a random time below min(base × 2^(n-1), maxDelayMs) (full jitter, the SDK's formula). */
  baseDelayMs: number;
  /** The cap of one wait. */
  maxDelayMs: number;
  /** Milliseconds one call may spend on retries from its first attempt: no wait, Retry-After included, goes past it. */
  maxRetryTimeMs: number;
}

/** 8 attempts, the SDK's throttling base (1 s) and cap (20 s), at most 60 s of retrying per call. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: MAXIMUM_RETRY_DELAY, maxRetryTimeMs: 60_000 };

/** One call's delegate, its latest token and the time its retries must end by. */
interface Call {
  standard: StandardRetryStrategy;
  token: StandardToken;
  deadline: number;
}

/**
 * The SDK's backoff formula with the policy's base and cap, and never past the call's deadline. The
 * standard strategy sets its own base before each retry (1 s for throttling): the policy's stands.
 */
function policyBackoff(policy: RetryPolicy, deadline: number) {
  return {
    setDelayBase() {},
    computeNextBackoffDelay: (retries: number) =>
      Math.floor(Math.random() * Math.min(policy.baseDelayMs * 2 ** retries, policy.maxDelayMs, Math.max(0, deadline - Date.now()))),
  };
}

/**
 * Retries throttling answers only, within the policy's attempts and time. Each call gets its own
 * StandardRetryStrategy: a shared one draws every call's retries from one bucket of 500 tokens
 * (5 per throttled retry, refunded only by a success after it, 1 back per first-try success), so a
 * long run of error-answer checks, whose calls never succeed, drains it at 1-in-10 throttling within
 * about 1,000 calls and then stops retrying. Per call, 7 retries cost 35 of its 500: it never runs dry.
 */
export class ThrottlingRetryStrategy implements RetryStrategyV2 {
  private readonly calls = new WeakMap<RetryToken, Call>();

  constructor(private readonly policy: RetryPolicy) {}

  /** Starts a call: a fresh delegate and the call's retry deadline. */
  async acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    const deadline = Date.now() + this.policy.maxRetryTimeMs;
    const standard = new StandardRetryStrategy({ maxAttempts: this.policy.maxAttempts, backoff: policyBackoff(this.policy, deadline) });
    // An older SDK's retry middleware passes no scope (no partition_id in its context); @smithy/core 3.x reads it as a string.
    return this.track({ standard, token: await standard.acquireInitialRetryToken(scope ?? ''), deadline });
  }

  /** Waits and allows one more attempt for a throttling answer within the budget; refuses (throws) otherwise. */
  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const call = this.calls.get(token);
    if (!call) throw new Error('No retry token available: not a token of this strategy');
    const throttled = info.error !== undefined && isThrottlingAnswer(info.error) && Date.now() < call.deadline;
    const retryAfterHint = info.retryAfterHint && new Date(Math.min(info.retryAfterHint.getTime(), call.deadline));
    const next = await call.standard.refreshRetryTokenForRetry(call.token, { ...info, errorType: throttled ? 'THROTTLING' : 'CLIENT_ERROR', retryAfterHint });
    return this.track({ ...call, token: next });
  }

  /** Tells the call's delegate that the call succeeded. */
  recordSuccess(token: RetryToken): void {
    const call = this.calls.get(token);
    if (call) call.standard.recordSuccess(call.token);
  }

  private track(call: Call): RetryToken {
    this.calls.set(call.token, call);
    return call.token;
  }
}
