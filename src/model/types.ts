/**
 * The shapes the reference model speaks: the sessions it reads, the errors it answers, its options.
 */
import type { ExecutorsSummary, ListExecutorsResponse } from '../generated/athena.js';

/** Every session's executors, keyed by SessionId; the model reads it and never changes it. */
export type SessionStore = ReadonlyMap<string, readonly ExecutorsSummary[]>;

/**
 * An error as the service answers it: the HTTP status, the error code, and the AWS JSON 1.1 body
 * (`__type`, `Message`, and `AthenaErrorCode` or `ResourceName` where the API model has them).
 */
export interface ModelError {
  status: number;
  type: string;
  body: Record<string, unknown>;
}

/** What one ListExecutors call yields: a page, or a modelled error. */
export type ModelResult = { ok: true; output: ListExecutorsResponse } | { ok: false; error: ModelError };

/** Knobs of the model; both have documented defaults so that every instance agrees. */
export interface ModelOptions {
  /**
   * The HMAC key that signs NextTokens.
   * @defaultValue {@link DEFAULT_TOKEN_KEY}, fixed so that a token from one emulator instance is
   * valid in another (a restarted `serve` keeps its clients' walks alive).
   */
  tokenKey?: string;
  /**
   * The page size when a request has no MaxResults.
   * @defaultValue {@link DEFAULT_PAGE_SIZE}
   */
  defaultPageSize?: number;
}

/**
 * The page size when MaxResults is absent: 50. Real Athena's default is undocumented; 50 is below
 * the maximum (100) so that a client that forgets MaxResults still sees pagination happen.
 */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The fixed default HMAC key of NextTokens. Tokens are integrity-protected, not secret: the key only
 * has to be the same in every instance so that tokens survive a restart.
 */
// Stryker disable next-line StringLiteral: opaque token: any key that every instance shares signs and verifies alike, the empty one too
export const DEFAULT_TOKEN_KEY = 'athena-contract/list-executors/token-key/v1';
