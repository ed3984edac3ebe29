/**
 * A list request as a command a person can run by hand: `aws athena {command}` when the AWS CLI can
 * send the body as it is, else `curl` with the raw body (wrong JSON types, values the CLI's own
 * validation refuses before sending). What the members are called, what the schema says of them and
 * the CLI's words for the operation come from the operation's profile.
 */
import { isObject, parseJson } from '../../schema/json.js';
import { LIST_EXECUTORS, type MemberFacts, type OperationProfile } from '../../profiles/index.js';

/** Quotes `s` for a POSIX shell. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A request body the AWS CLI sends unchanged, as its members (the parent, the filter, the page size, the token). */
export type CliRequest = Readonly<Record<string, string | number | undefined>>;

/** The request members a command line carries: those the CLI has a flag for here. */
function cliMembers(profile: OperationProfile): readonly string[] {
  return [profile.parent.member, profile.filter.member, profile.pageSize, profile.token];
}

/**
 * Whether the CLI sends `value` for a member as it is: botocore checks types and minimums (not
 * maximums) before sending, and AWS CLI v1 reads a string starting with file:// or http(s):// as
 * the contents of that file or URL; an argument cannot hold a NUL.
 */
function cliSends(value: unknown, c: MemberFacts): boolean {
  if (value === undefined) return !c.required;
  if (c.type === 'integer') return Number.isSafeInteger(value) && (c.minimum === undefined || (value as number) >= c.minimum);
  if (typeof value !== 'string') return false;
  return (c.minLength === undefined || [...value].length >= c.minLength) && !/^(fileb?|https?):\/\//i.test(value) && !value.includes('\0');
}

/** The body as members the AWS CLI can send unchanged, or undefined when it cannot (then curl sends it). */
export function cliRequest(body: string, profile: OperationProfile = LIST_EXECUTORS): CliRequest | undefined {
  const p = parseJson(body);
  const members = cliMembers(profile);
  if (!isObject(p) || !Object.keys(p).every((k) => members.includes(k))) return undefined;
  return Object.entries(profile.request).every(([name, c]) => cliSends(p[name], c)) ? (p as CliRequest) : undefined;
}

/** `--flag value`, as `--flag=value` when the value would read as a flag. */
function cliArg(flag: string, value: string, quote = shellQuote): string {
  return value.startsWith('-') ? `--${flag}=${quote(value)}` : `--${flag} ${quote(value)}`;
}

/** A member's flag as the AWS CLI derives it from the member's name: `MaxResults` → `max-results`. */
function flagOf(member: string): string {
  return member.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase();
}

/**
 * The `aws athena {command} ...` words of `request` against the endpoint shell word `endpoint`;
 * `nextToken`, when given, is the shell word that replaces the request's token (such as "$token").
 */
export function listCommand(request: CliRequest, endpoint: string, region: string, nextToken?: string, profile: OperationProfile = LIST_EXECUTORS): string {
  const { awsCli, filter, pageSize, token } = profile;
  const args = [cliArg(awsCli.parentFlag, String(request[profile.parent.member]))];
  if (request[filter.member] !== undefined) args.push(cliArg(awsCli.filterFlag, String(request[filter.member])));
  if (request[pageSize] !== undefined) args.push(`--${flagOf(pageSize)} ${String(request[pageSize])}`);
  if (nextToken !== undefined) args.push(`--${flagOf(token)}=${nextToken}`);
  else if (request[token] !== undefined) args.push(cliArg(flagOf(token), String(request[token])));
  return `aws athena ${awsCli.command} ${args.join(' ')} --endpoint-url ${endpoint} --region ${shellQuote(region)}`;
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

/** Renders a list request body as a command against `endpoint`: the AWS CLI's when it can send it, else curl's. */
export function awsCliCommand(body: string, endpoint: string, region: string, profile: OperationProfile = LIST_EXECUTORS): string {
  const request = cliRequest(body, profile);
  if (request) return listCommand(request, shellQuote(endpoint), region, undefined, profile);
  const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': profile.amzTarget };
  return curlCommand({ method: 'POST', path: '/', headers, body }, shellQuote(endpoint.replace(/\/$/, '')));
}
