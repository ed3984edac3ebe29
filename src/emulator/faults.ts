/**
 * Deliberate deviations the emulator can be started with, so that the property catalogue can prove it
 * catches each one. A registry as data: names, one-line summaries, and the property meant to catch it.
 */

/** One fault: what it changes, in one line, and which property must catch it (null: a live-mode cleanup fault). */
export interface FaultInfo {
  summary: string;
  /** A property id of the catalogue (the self-test checks that it is one; the emulator sits below the contract). */
  catches: string | null;
}

const registry = {
  'wrong-session-echo': { summary: "the response's SessionId is the request's with a suffix", catches: 'response.conforms' },
  'string-timestamps': { summary: 'StartDateTime and TerminationDateTime are serialized as JSON strings', catches: 'response.conforms' },
  'page-boundary-duplicate': { summary: "each page after the first starts with the previous page's last executor", catches: 'pagination.exactly-once' },
  'page-boundary-skip': { summary: 'one executor is skipped at each page boundary', catches: 'pagination.exactly-once' },
  'token-loops': { summary: 'the last page returns a token pointing back to the first page, so the walk never ends', catches: 'pagination.exactly-once' },
  'max-results-ignored': { summary: 'MaxResults is ignored: every executor in one page (as gopherstack does)', catches: 'pagination.page-size' },
  'off-by-one-page': { summary: 'pages hold MaxResults + 1 executors', catches: 'pagination.page-size' },
  'oldest-first': { summary: 'executors are listed by ascending StartDateTime', catches: 'ordering.newest-first' },
  'insertion-order': { summary: 'executors are listed in the order they were seeded, not sorted', catches: 'ordering.newest-first' },
  'filter-ignored': { summary: 'ExecutorStateFilter is ignored', catches: 'filter.honoured' },
  'filter-merges-ended-states': { summary: 'filtering by TERMINATED or FAILED returns executors in either state', catches: 'filter.honoured' },
  'timestamps-in-seconds': { summary: 'StartDateTime and TerminationDateTime are divided by 1000 (seconds, not milliseconds)', catches: 'data.faithful' },
  'drops-optional-members': { summary: 'ExecutorSize and TerminationDateTime are omitted', catches: 'data.faithful' },
  'accepts-out-of-range': { summary: 'out-of-range MaxResults is clamped and answered 200, and an over-long SessionId accepted', catches: 'errors.invalid-request' },
  'validation-as-500': { summary: 'constraint violations are answered 500 InternalServerException', catches: 'errors.invalid-request' },
  'plain-text-errors': { summary: 'every error body is text/plain ("Bad Request"), not JSON', catches: 'errors.invalid-request' },
  'unknown-session-empty': { summary: 'an unknown session gets 200 with an empty list (as fakecloud does for known ones)', catches: 'errors.unknown-session' },
  'unknown-session-404': { summary: 'an unknown session gets 404 instead of 400', catches: 'errors.unknown-session' },
  'bad-token-500': { summary: 'an unknown or tampered token gets 500 InternalServerException', catches: 'errors.invalid-token' },
  'bad-token-restarts': { summary: 'an unknown or tampered token is read as "from the start" (200)', catches: 'errors.invalid-token' },
  'tokens-not-session-bound': { summary: "tokens are not bound to their session: another session's token is accepted and gets data", catches: 'errors.invalid-token' },
  'offset-tokens': { summary: 'tokens are page offsets, so executors inserted at the front during a walk cause duplicates', catches: 'pagination.stable-under-inserts' },
  'token-invalidated-by-insert': { summary: "any change to a session invalidates its outstanding tokens (400)", catches: 'pagination.stable-under-inserts' },
  'no-request-id': { summary: 'error responses carry no x-amzn-RequestId header', catches: 'errors.unknown-session' },
  'start-session-fails': { summary: 'StartSession answers 500 InternalServerException', catches: null },
  'session-never-idle': { summary: 'a started session stays CREATING forever', catches: null },
  'session-fails': { summary: 'a started session becomes FAILED instead of IDLE', catches: null },
  'terminate-fails-once': { summary: 'the first TerminateSession answers 500, later ones succeed', catches: null },
} as const satisfies Record<string, FaultInfo>;

/** The name of a fault, derived from the registry. */
export type FaultName = keyof typeof registry;

/** Every fault the emulator implements, keyed by the name `--fault` and the `faults` option take. */
export const FAULTS: Readonly<Record<FaultName, FaultInfo>> = registry;

/** Every fault name, in registry order. */
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/** Whether `name` is a fault of the registry. */
export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}
