/**
 * The failing request as an `aws athena list-executors` command line, for a person to run by hand.
 */
import { parseJson } from '../schema/json.js';
import { REQUEST_MEMBERS } from '../schema/members.js';

/** Quotes `s` for a POSIX shell. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Renders a ListExecutors request body as an AWS CLI command against `endpoint`. */
export function awsCliCommand(body: string, endpoint: string, region: string): string {
  const parsed = parseJson(body);
  const tail = `--endpoint-url ${shellQuote(endpoint)} --region ${shellQuote(region)}`;
  const p = parsed as Record<string, unknown> | undefined;
  const simple =
    typeof p === 'object' && p !== null && !Array.isArray(p) &&
    Object.keys(p).every((k) => (REQUEST_MEMBERS as readonly string[]).includes(k)) &&
    typeof p.SessionId === 'string' &&
    (p.MaxResults === undefined || Number.isInteger(p.MaxResults)) &&
    (p.ExecutorStateFilter === undefined || typeof p.ExecutorStateFilter === 'string') &&
    (p.NextToken === undefined || typeof p.NextToken === 'string');
  if (!simple) return `aws athena list-executors --cli-input-json ${shellQuote(body)} ${tail}`;
  const args = [`--session-id ${shellQuote(p.SessionId as string)}`];
  if (p.ExecutorStateFilter !== undefined) args.push(`--executor-state-filter ${shellQuote(p.ExecutorStateFilter as string)}`);
  if (p.MaxResults !== undefined) args.push(`--max-results ${String(p.MaxResults)}`);
  if (p.NextToken !== undefined) args.push(`--next-token ${shellQuote(p.NextToken as string)}`);
  return `aws athena list-executors ${args.join(' ')} ${tail}`;
}
