/**
 * Probes: the kind of a recorded ListExecutors request, named without its values, so that two
 * recordings made from different seeds and data can be compared request kind by request kind. A
 * probe is the first thing the API model says is wrong with the request (a wrong JSON type, the
 * constraints it breaks), or, for a valid one, what its session and NextToken are to the server: a
 * session given or seeded, deleted, or never known; a token it issued for this very walk, for another
 * filter, page size or session, a changed copy of one, or one it never issued. The answers to one
 * probe are the contract's, not the data's: a change is drift.
 */
import { REQUEST_CONSTRAINTS } from '../generated/constraints.js';
import { constraintViolations, readRequestFields } from '../model/validate-request.js';
import { LIST_EXECUTORS, partsOf, type ListParts } from '../profiles/index.js';
import { isInt32, isObject } from '../schema/json.js';

/** What the walk a token was issued in asked for. */
interface Issued {
  session: string;
  filter?: string;
  maxResults?: number;
}

/** What one cassette showed so far: the sessions known to the server, those deleted, the tokens it issued. */
export interface ProbeContext {
  known: Set<string>;
  deleted: Set<string>;
  tokens: Map<string, Issued>;
}

/** A context knowing `sessions` (the sessions a cassette's header names). */
export function probeContext(sessions: readonly string[]): ProbeContext {
  return { known: new Set(sessions), deleted: new Set(), tokens: new Map() };
}

const SEED_ROUTE = '/_contract/sessions/';
const FOLLOWS = 'a NextToken issued for this walk';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Follows the seeding routes: a session PUT is known from then on, one DELETEd is deleted. */
export function noteSeeding(ctx: ProbeContext, method: string, path: string, status: number | undefined): void {
  if (!path.startsWith(SEED_ROUTE) || status === undefined || status >= 300) return;
  const id = decodeURIComponent(path.slice(SEED_ROUTE.length).split('?')[0]);
  if (method === 'PUT') {
    ctx.known.add(id);
    ctx.deleted.delete(id);
  } else if (method === 'DELETE') {
    ctx.known.delete(id);
    ctx.deleted.add(id);
  }
}

/** Remembers the NextToken of a page the server answered to `request`. */
export function noteToken(ctx: ProbeContext, request: unknown, token: unknown): void {
  if (typeof token !== 'string' || token === '' || !isObject(request) || typeof request.SessionId !== 'string') return;
  const filter = typeof request.ExecutorStateFilter === 'string' ? request.ExecutorStateFilter : undefined;
  const maxResults = typeof request.MaxResults === 'number' ? request.MaxResults : undefined;
  ctx.tokens.set(token, { session: request.SessionId, filter, maxResults });
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** The members of the wrong JSON type, each as `MaxResults: a string for an integer` (none: the types are right). */
function typeProblems(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [member, c] of Object.entries(REQUEST_CONSTRAINTS)) {
    const value = body[member];
    if (value === undefined || value === null) continue;
    if (c.type === 'string' && typeof value !== 'string') out.push(`${member}: ${kindOf(value)} for a string`);
    else if (c.type === 'integer' && typeof value !== 'number') out.push(`${member}: ${kindOf(value)} for an integer`);
    else if (c.type === 'integer' && !Number.isInteger(value)) out.push(`${member}: not an integer`);
    else if (c.type === 'integer' && !isInt32(value as number)) out.push(`${member}: beyond 32 bits`);
  }
  return out;
}

/** How a token the server never issued relates to one it did: a tampered copy, or nothing like it. */
function forgery(token: string, issued: Iterable<string>): string {
  for (const real of issued) {
    if (real.startsWith(token)) return 'an issued NextToken cut short';
    if (token.startsWith(real)) return 'an issued NextToken with characters appended';
    if (real.length === token.length && [...real].filter((ch, i) => ch !== token[i]).length === 1) return 'an issued NextToken with one character changed';
  }
  return 'a NextToken never issued';
}

function tokenProbe(ctx: ProbeContext, parts: ListParts): string {
  const token = parts.token;
  if (token === undefined) return 'no NextToken';
  if (token === '') return 'an empty NextToken';
  const issued = ctx.tokens.get(token);
  if (!issued) return forgery(token, ctx.tokens.keys());
  if (issued.session !== parts.parent) return 'a NextToken issued for another session';
  if (issued.filter !== parts.state) return 'a NextToken issued under another ExecutorStateFilter';
  if (issued.maxResults !== parts.pageSize) return 'a NextToken issued with another MaxResults';
  return FOLLOWS;
}

/** A probe: its name, and for a valid request to a known session, whether it follows a walk. */
export interface Probe {
  /** E.g. `ListExecutors, known session, no NextToken`. */
  name: string;
  /** A valid request for a session the server knows: its page says something of paging. */
  paging: boolean;
  /** Its NextToken was issued for this very walk (same session, filter and MaxResults). */
  follows: boolean;
}

const invalidProbe = (name: string): Probe => ({ name: `ListExecutors, ${name}`, paging: false, follows: false });

/** The probe of one ListExecutors request body. */
export function probeOf(ctx: ProbeContext, body: unknown): Probe {
  if (!isObject(body)) return invalidProbe(body === undefined ? 'body not JSON' : `body ${kindOf(body)}, not an object`);
  const types = typeProblems(body);
  const read = readRequestFields(LIST_EXECUTORS, body);
  if (types.length || !read.ok) return invalidProbe(`wrong JSON type: ${types.join('; ')}`);
  const broken = constraintViolations(LIST_EXECUTORS, read.fields).map((v) => `${v.member}: ${v.text.replace(/^.*failed to satisfy constraint: /, '')}`);
  if (broken.length) return invalidProbe(`broken constraint: ${broken.join('; ')}`);
  const parts = partsOf(LIST_EXECUTORS, read.fields);
  const id = parts.parent;
  // A service may tell ids that cannot be its own from well-formed unknown ones: their shape is part of the probe.
  const shape = UUID.test(id) ? 'a UUID' : 'not a UUID';
  const session = ctx.known.has(id) ? 'known session' : ctx.deleted.has(id) ? `deleted session (${shape})` : `unknown session (${shape})`;
  const token = tokenProbe(ctx, parts);
  return { name: `ListExecutors, ${session}, ${token}`, paging: ctx.known.has(id), follows: token === FOLLOWS };
}
