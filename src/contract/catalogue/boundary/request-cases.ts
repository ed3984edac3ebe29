/**
 * The near misses of every constraint of the ListExecutorsRequest schema, derived from the generated
 * constraint table (src/generated/constraints.ts), so that a constraint added to the schema gets its
 * boundary cases without an edit here: one past each length bound (in ASCII and in astral code
 * points), one past each numeric bound and the 32-bit edges beyond it, the wrong JSON types, each
 * enum value misspelt, each required member missing, and a body that is not an object.
 */
import { REQUEST_CONSTRAINTS, type MemberConstraints } from '../../../generated/constraints.js';
import { INT32 } from '../../../schema/json.js';

/** A request that breaks one constraint, labelled as `invalid()` labels it (`MaxResults/minimum`). */
export interface BrokenRequest {
  value: unknown;
  breaks: string;
}

/** What stands for a valid SessionId in a request whose broken member is another one (the check names a real session). */
export const SESSION_PLACEHOLDER = 'boundary-session';

/** An astral code point: one code point, two UTF-16 units, four UTF-8 bytes. */
const ASTRAL = '\u{1F600}';

/** Broken values of one member, by the keyword each breaks. */
type NearMisses = (c: MemberConstraints) => Partial<Record<string, readonly unknown[]>>;

const lengthMisses: NearMisses = (c) => ({
  ...(c.minLength ? { minLength: ['a'.repeat(c.minLength - 1)] } : {}),
  ...(c.maxLength !== undefined ? { maxLength: ['a'.repeat(c.maxLength + 1), ASTRAL.repeat(c.maxLength + 1)] } : {}),
});

/** Below the minimum: one and two under it. Above the maximum: one over, the largest 32-bit integer, 2^31 and 2^53. */
const boundMisses: NearMisses = (c) => ({
  ...(c.minimum !== undefined ? { minimum: [c.minimum - 1, c.minimum - 2] } : {}),
  ...(c.maximum !== undefined ? { maximum: [...new Set([c.maximum + 1, INT32.max, 2 ** 31, 2 ** 53])].filter((n) => n > (c.maximum ?? 0)) } : {}),
});

/** A value of another JSON type: a number for a string, a fraction and a numeric string for an integer. */
const typeMisses: NearMisses = (c) => ({ type: c.type === 'string' ? [1] : [(c.minimum ?? 0) + 0.5, String(c.minimum ?? 1)] });

/** Each enum value in lower case and with a space before and after it, and the empty string once. */
const enumMisses: NearMisses = (c) => (c.enum ? { enum: [...c.enum.flatMap((v) => [v.toLowerCase(), ` ${v}`, `${v} `]), ''] } : {});

const MEMBER_MISSES: readonly NearMisses[] = [typeMisses, lengthMisses, boundMisses, enumMisses];

/** The request with `member` set to `value` (SessionId replaced by the check unless SessionId is the member). */
function withMember(member: string, value: unknown): Record<string, unknown> {
  return member === 'SessionId' ? { SessionId: value } : { SessionId: SESSION_PLACEHOLDER, [member]: value };
}

function memberCases(member: string, c: MemberConstraints): BrokenRequest[] {
  const required = c.required ? [{ value: {}, breaks: `${member}/required` }] : [];
  const broken = MEMBER_MISSES.flatMap((misses) => Object.entries(misses(c)).flatMap(([keyword, values]) => (values ?? []).map((v) => ({ value: withMember(member, v), breaks: `${member}/${keyword}` }))));
  return [...required, ...broken];
}

/** Every constraint of the request schema × its near misses, the body itself first (not an object). */
export function brokenRequests(): BrokenRequest[] {
  const root = [[], 'SessionId'].map((value) => ({ value, breaks: '(root)/type' }));
  return [...root, ...Object.entries(REQUEST_CONSTRAINTS).flatMap(([member, c]) => memberCases(member, c))];
}
