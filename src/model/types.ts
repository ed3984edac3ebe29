/**
 * The shapes the reference model speaks: the parents and items it reads, the errors it answers, its options.
 */
import type { ListExecutorsResponse } from '../generated/athena.js';

/** One listed item as stored (an executor, a session, a calculation): a JSON object, read through the profile's paths. */
export type Item = object;

/** Every parent's items, keyed by the parent's id (a session's executors by SessionId); the model reads it and never changes it. */
export type ParentStore = ReadonlyMap<string, readonly Item[]>;

/**
 * The element type of the one array member of a list operation's output: its item
 * (`ItemOf<ListExecutorsResponse>` is an executor summary), whatever the operation calls that member.
 */
export type ItemOf<Output> = { [K in keyof Output]-?: NonNullable<Output[K]> extends readonly (infer I)[] ? I : never }[keyof Output];

/** ListExecutors' store: every session's executors, keyed by SessionId. */
export type SessionStore = ReadonlyMap<string, readonly ItemOf<ListExecutorsResponse>[]>;

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
   * The HMAC key that signs tokens.
   * @defaultValue {@link DEFAULT_TOKEN_KEY}, fixed so that a token from one emulator instance is
   * valid in another (a restarted `serve` keeps its clients' walks alive).
   */
  tokenKey?: string;
  /**
   * The page size when a request does not bound it.
   * @defaultValue {@link DEFAULT_PAGE_SIZE}
   */
  defaultPageSize?: number;
}

/**
 * The page size when a request does not bound it (no MaxResults): 50. Real Athena's default is
 * undocumented; 50 is below the maximum (100) so that a client that forgets MaxResults still sees
 * pagination happen.
 */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The fixed default HMAC key of tokens. Tokens are integrity-protected, not secret: the key only
 * has to be the same in every instance so that tokens survive a restart.
 */
// Stryker disable next-line StringLiteral: opaque token: any key that every instance shares signs and verifies alike, the empty one too
export const DEFAULT_TOKEN_KEY = 'athena-contract/list-executors/token-key/v1';
