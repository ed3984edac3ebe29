/**
 * The near misses of every constraint of a profile's request schema, derived from the member facts
 * the profile reads off it, so that a constraint added to the schema gets its boundary cases without
 * an edit here: one past each length bound (in ASCII and in astral code points), one past each
 * numeric bound and the 32-bit edges beyond it, the wrong JSON types, each enum value misspelt, a few
 * strings a pattern refuses, each required member missing, and a body that is not an object.
 */
import { regExpOf } from '../../../arbitraries/index.js';
import type { MemberFacts, OperationProfile } from '../../../profiles/index.js';
import { INT32, isObject } from '../../../schema/json.js';

/** A request that breaks one constraint, labelled as `invalid()` labels it (`MaxResults/minimum`). */
export interface BrokenRequest {
  value: unknown;
  breaks: string;
}

/** What stands for a valid parent id in a request whose broken member is another one (the check names a real parent). */
export const SESSION_PLACEHOLDER = 'boundary-session';

/** An astral code point: one code point, two UTF-16 units, four UTF-8 bytes. */
const ASTRAL = '\u{1F600}';

/** Broken values of one member, by the keyword each breaks. */
type NearMisses = (c: MemberFacts) => Partial<Record<string, readonly unknown[]>>;

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

/** Strings a pattern may refuse: a space, a sign, an astral character, a line break; those it refuses within the length bounds. */
const patternMisses: NearMisses = (c) => {
  if (c.pattern === undefined) return {};
  const re = regExpOf(c.pattern);
  const fits = (v: string) => [...v].length >= (c.minLength ?? 0) && [...v].length <= (c.maxLength ?? Number.POSITIVE_INFINITY);
  const refused = [' ', '#', ASTRAL, 'a\nb'].filter((v) => fits(v) && !re.test(v));
  return refused.length ? { pattern: refused } : {};
};

const MEMBER_MISSES: readonly NearMisses[] = [typeMisses, lengthMisses, boundMisses, enumMisses, patternMisses];

/** The request with `member` set to `value` (the parent replaced by the check unless the parent is the member). */
function withMember(profile: OperationProfile, member: string, value: unknown): Record<string, unknown> {
  const parent = profile.parent.member;
  return member === parent ? { [parent]: value } : { [parent]: SESSION_PLACEHOLDER, [member]: value };
}

function memberCases(profile: OperationProfile, member: string, c: MemberFacts): BrokenRequest[] {
  const required = c.required ? [{ value: {}, breaks: `${member}/required` }] : [];
  const broken = MEMBER_MISSES.flatMap((misses) => Object.entries(misses(c)).flatMap(([keyword, values]) => (values ?? []).map((v) => ({ value: withMember(profile, member, v), breaks: `${member}/${keyword}` }))));
  return [...required, ...broken];
}

/** Every constraint of the profile's request schema × its near misses, the body itself first (not an object). */
export function brokenRequests(profile: OperationProfile): BrokenRequest[] {
  const root = [[], profile.parent.member].map((value) => ({ value, breaks: '(root)/type' }));
  return [...root, ...Object.entries(profile.request).flatMap(([member, c]) => memberCases(profile, member, c))];
}

/**
 * `request` (one of {@link brokenRequests}) naming `parent` where it names {@link SESSION_PLACEHOLDER}:
 * a seeded case's own parent, so that its run names (and the pool locks) that parent alone, not the
 * placeholder every other case names too.
 */
export function namingParent(profile: OperationProfile, request: unknown, parent: string): unknown {
  const member = profile.parent.member;
  return isObject(request) && request[member] === SESSION_PLACEHOLDER ? { ...request, [member]: parent } : request;
}
