/**
 * The one line a command ends with when it cannot go on (exit 2): the message of a usage,
 * configuration, connection or fatal run error, or an internal error worded as a bug to report.
 * stderr prints it, and the reports of a run that ended so carry it.
 */
import { FatalRunError, InconclusiveError, TargetError, UsageError } from '../common/errors.js';

/** The line for `e`, without the `athena-contract: ` prefix stderr adds. */
export function errorLine(e: unknown): string {
  // A target that throttles the preflight past the retry budget cannot be tested now: a connection problem, not a bug.
  if (e instanceof UsageError || e instanceof TargetError || e instanceof FatalRunError || e instanceof InconclusiveError) return e.message;
  const err = e instanceof Error ? e : new Error(String(e));
  return `internal error: ${err.name}: ${err.message} (please report it with the command line)`;
}
