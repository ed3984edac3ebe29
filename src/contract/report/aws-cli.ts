/**
 * A ListExecutors request as a command a person can run by hand: `aws athena list-executors` when the
 * AWS CLI can send the body as it is, else `curl` with the raw body (wrong JSON types, values the
 * CLI's own validation refuses before sending).
 */
import { REQUEST_CONSTRAINTS, type MemberConstraints } from '../../generated/constraints.js';
import { isObject, parseJson } from '../../schema/json.js';
import { REQUEST_MEMBERS } from '../../schema/members.js';

/** Quotes `s` for a POSIX shell. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A request body the AWS CLI sends unchanged, as its members. */
export interface CliRequest {
  SessionId: string;
  ExecutorStateFilter?: string;
  MaxResults?: number;
  NextToken?: string;
}

/**
 * Whether the CLI sends `value` for a member as it is: botocore checks types and minimums (not
 * maximums) before sending, and AWS CLI v1 reads a string starting with file:// or http(s):// as
 * the contents of that file or URL; an argument cannot hold a NUL.
 */
function cliSends(value: unknown, c: MemberConstraints): boolean {
  if (value === undefined) return !c.required;
  if (c.type === 'integer') return Number.isSafeInteger(value) && (c.minimum === undefined || (value as number) >= c.minimum);
  if (typeof value !== 'string') return false;
  return (c.minLength === undefined || [...value].length >= c.minLength) && !/^(fileb?|https?):\/\//i.test(value) && !value.includes('\0');
}

/** The body as members the AWS CLI can send unchanged, or undefined when it cannot (then curl sends it). */
export function cliRequest(body: string): CliRequest | undefined {
  const p = parseJson(body);
  if (!isObject(p) || !Object.keys(p).every((k) => (REQUEST_MEMBERS as readonly string[]).includes(k))) return undefined;
  const constraints: Record<string, MemberConstraints> = REQUEST_CONSTRAINTS;
  return Object.entries(constraints).every(([name, c]) => cliSends(p[name], c)) ? (p as unknown as CliRequest) : undefined;
}

/** `--flag value`, as `--flag=value` when the value would read as a flag. */
function cliArg(flag: string, value: string, quote = shellQuote): string {
  return value.startsWith('-') ? `--${flag}=${quote(value)}` : `--${flag} ${quote(value)}`;
}

/**
 * The `aws athena list-executors ...` words of `request` against the endpoint shell word `endpoint`;
 * `nextToken`, when given, is the shell word that replaces the request's NextToken (such as "$token").
 */
export function listExecutorsCommand(request: CliRequest, endpoint: string, region: string, nextToken?: string): string {
  const args = [cliArg('session-id', request.SessionId)];
  if (request.ExecutorStateFilter !== undefined) args.push(cliArg('executor-state-filter', request.ExecutorStateFilter));
  if (request.MaxResults !== undefined) args.push(`--max-results ${String(request.MaxResults)}`);
  if (nextToken !== undefined) args.push(`--next-token=${nextToken}`);
  else if (request.NextToken !== undefined) args.push(cliArg('next-token', request.NextToken));
  return `aws athena list-executors ${args.join(' ')} --endpoint-url ${endpoint} --region ${shellQuote(region)}`;
}

/** What curl needs of a request. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The request as a `curl` command with its raw body and its Content-Type and X-Amz-Target headers,
 * against the endpoint shell word `endpoint`; `flags` say what curl shows (by default the status and
 * headers of the answer too).
 */
export function curlCommand(request: RawRequest, endpoint: string, flags = "-sS -i -w '\\n'"): string {
  const headers = ['content-type', 'x-amz-target'].filter((h) => request.headers[h] !== undefined).map((h) => `-H ${shellQuote(`${h}: ${request.headers[h]}`)}`);
  const body = request.body === '' ? [] : [`--data-binary ${shellQuote(request.body)}`];
  return [`curl ${flags}`, '-X', request.method, `${endpoint}${shellQuote(request.path)}`, ...headers, ...body].join(' ');
}

/** Renders a ListExecutors request body as a command against `endpoint`: the AWS CLI's when it can send it, else curl's. */
export function awsCliCommand(body: string, endpoint: string, region: string): string {
  const request = cliRequest(body);
  if (request) return listExecutorsCommand(request, shellQuote(endpoint), region);
  const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonAthena.ListExecutors' };
  return curlCommand({ method: 'POST', path: '/', headers, body }, shellQuote(endpoint.replace(/\/$/, '')));
}
