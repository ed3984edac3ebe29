/**
 * Errors that end a run with exit code 2: bad usage or configuration, and targets that cannot be
 * reached or are not a ListExecutors endpoint at all. Each carries one line naming the problem.
 */

/** A flag or option is wrong: the message names it, what came, and how to write it right. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The target cannot be used: refused, hanging, not AWS JSON, or without the seeding routes. */
export class TargetError extends Error {
  override name = 'TargetError';
}

/** Something that makes the verdict meaningless (the target stopped serving the seeding routes, say). */
export class FatalRunError extends Error {
  override name = 'FatalRunError';
}

/** A check could reach no verdict (the target throttled past the retry budget): the run is inconclusive, not failed. */
export class InconclusiveError extends Error {
  override name = 'InconclusiveError';
}
