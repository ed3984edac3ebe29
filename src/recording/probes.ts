/**
 * Probes: the kind of a recorded list request, named without its values, so that two recordings made
 * from different seeds and data can be compared request kind by request kind. A probe is the first
 * thing the API model says is wrong with the request (a wrong JSON type, the constraints it breaks),
 * or, for a valid one, what its parent and token are to the server: a parent given or seeded,
 * deleted, or never known; a token it issued for this very walk, for another filter, page size or
 * parent, a changed copy of one, or one it never issued. The answers to one probe are the contract's,
 * not the data's: a change is drift. The operation's members and nouns come from its profile.
 */
import { constraintViolations, readRequestFields } from '../model/validate-request.js';
import { LIST_EXECUTORS, partsOf, seedPath, type ListParts, type OperationProfile } from '../profiles/index.js';
import { isInt32, isObject } from '../schema/json.js';

/** What the walk a token was issued in asked for. */
type Issued = Omit<ListParts, 'token'>;

/** What one cassette showed so far: the parents known to the server, those deleted, the tokens it issued. */
export interface ProbeContext {
  /** The operation whose calls are probed. */
  profile: OperationProfile;
  known: Set<string>;
  deleted: Set<string>;
  tokens: Map<string, Issued>;
}

/** A context knowing `parents` (the parents a cassette's header names: its `sessions`). */
export function probeContext(parents: readonly string[], profile: OperationProfile = LIST_EXECUTORS): ProbeContext {
  return { profile, known: new Set(parents), deleted: new Set(), tokens: new Map() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The probe of a token issued for the very walk it continues. */
const follows = (profile: OperationProfile): string => `a ${profile.token} issued for this walk`;

/** Follows the seeding routes: a parent PUT is known from then on, one DELETEd is deleted. */
export function noteSeeding(ctx: ProbeContext, method: string, path: string, status: number | undefined): void {
  const route = seedPath(ctx.profile, '');
  if (!path.startsWith(route) || status === undefined || status >= 300) return;
  const id = decodeURIComponent(path.slice(route.length).split('?')[0]);
  if (method === 'PUT') {
    ctx.known.add(id);
    ctx.deleted.delete(id);
  } else if (method === 'DELETE') {
    ctx.known.delete(id);
    ctx.deleted.add(id);
  }
}

/** Remembers the token of a page the server answered to `request`. */
export function noteToken(ctx: ProbeContext, request: unknown, token: unknown): void {
  const parent = isObject(request) ? request[ctx.profile.parent.member] : undefined;
  if (typeof token !== 'string' || token === '' || !isObject(request) || typeof parent !== 'string') return;
  const { state, pageSize } = partsOf(ctx.profile, request);
  ctx.tokens.set(token, { parent, state, pageSize });
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** The members of the wrong JSON type, each as `MaxResults: a string for an integer` (none: the types are right). */
function typeProblems(body: Record<string, unknown>, profile: OperationProfile): string[] {
  const out: string[] = [];
  for (const [member, c] of Object.entries(profile.request)) {
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
function forgery(token: string, issued: Iterable<string>, profile: OperationProfile): string {
  const name = profile.token;
  for (const real of issued) {
    if (real.startsWith(token)) return `an issued ${name} cut short`;
    if (token.startsWith(real)) return `an issued ${name} with characters appended`;
    if (real.length === token.length && [...real].filter((ch, i) => ch !== token[i]).length === 1) return `an issued ${name} with one character changed`;
  }
  return `a ${name} never issued`;
}

function tokenProbe(ctx: ProbeContext, parts: ListParts): string {
  const { profile } = ctx;
  const name = profile.token;
  const { token } = parts;
  if (token === undefined) return `no ${name}`;
  if (token === '') return `an empty ${name}`;
  const issued = ctx.tokens.get(token);
  if (!issued) return forgery(token, ctx.tokens.keys(), profile);
  if (issued.parent !== parts.parent) return `a ${name} issued for another ${profile.parent.noun}`;
  if (issued.state !== parts.state) return `a ${name} issued under another ${profile.filter.member}`;
  if (issued.pageSize !== parts.pageSize) return `a ${name} issued with another ${profile.pageSize}`;
  return follows(profile);
}

/**
 * What the API model says of a body whose members have their JSON types: undefined when it does not
 * read it; else its members, and the constraints they break as `member: rule`. The one place probes
 * ask the model.
 */
function modelReading(profile: OperationProfile, body: Record<string, unknown>): { fields: Readonly<Record<string, unknown>>; broken: string[] } | undefined {
  const read = readRequestFields(profile, body);
  if (!read.ok) return undefined;
  const broken = constraintViolations(profile, read.fields).map((v) => `${v.member}: ${v.text.replace(/^.*failed to satisfy constraint: /, '')}`);
  return { fields: { ...read.fields }, broken };
}

/** A probe: its name, and for a valid request to a known parent, whether it follows a walk. */
export interface Probe {
  /** E.g. `ListExecutors, known session, no NextToken`. */
  name: string;
  /** A valid request for a parent the server knows: its page says something of paging. */
  paging: boolean;
  /** Its token was issued for this very walk (same parent, filter and page size). */
  follows: boolean;
}

const invalidProbe = (profile: OperationProfile, name: string): Probe => ({ name: `${profile.operation}, ${name}`, paging: false, follows: false });

/** The probe of one request body of the context's operation. */
export function probeOf(ctx: ProbeContext, body: unknown): Probe {
  const { profile } = ctx;
  if (!isObject(body)) return invalidProbe(profile, body === undefined ? 'body not JSON' : `body ${kindOf(body)}, not an object`);
  const types = typeProblems(body, profile);
  const read = modelReading(profile, body);
  if (types.length || !read) return invalidProbe(profile, `wrong JSON type: ${types.join('; ')}`);
  if (read.broken.length) return invalidProbe(profile, `broken constraint: ${read.broken.join('; ')}`);
  const parts = partsOf(profile, read.fields);
  const parent = read.fields[profile.parent.member];
  const id = typeof parent === 'string' ? parent : '';
  // A service may tell ids that cannot be its own from well-formed unknown ones: their shape is part of the probe.
  const shape = UUID.test(id) ? 'a UUID' : 'not a UUID';
  const noun = profile.parent.noun;
  const known = ctx.known.has(id) ? `known ${noun}` : ctx.deleted.has(id) ? `deleted ${noun} (${shape})` : `unknown ${noun} (${shape})`;
  const token = tokenProbe(ctx, { ...parts, parent: id });
  return { name: `${profile.operation}, ${known}, ${token}`, paging: ctx.known.has(id), follows: token === follows(profile) };
}
