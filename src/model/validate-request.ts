/**
 * Request validation in the order real Athena shows: first the JSON types (SerializationException),
 * then every broken constraint at once (InvalidRequestException, AWS's "N validation errors detected").
 * The members and their constraints are the profile's, read from its request schema.
 */
import { partsOf, type ListParts, type MemberFacts, type OperationProfile } from '../profiles/index.js';
import { codePointLength, isInt32, isObject } from '../schema/json.js';
import { invalidRequestException, serializationException } from './errors.js';
import type { ModelError } from './types.js';

/** The request's members once their JSON types are right (strings and integers), before any constraint is checked. */
export type RequestFields = Readonly<Record<string, string | number>>;

/** One broken constraint: the member and AWS's sentence for it. */
export interface Violation {
  member: string;
  text: string;
}

/** Parsed members, or a SerializationException. */
export type FieldsResult = { ok: true; fields: RequestFields } | { ok: false; error: ModelError };

/** The JSON types of the members, strings before integers: the order in which the first wrong one is reported. */
const TYPE_ORDER = ['string', 'integer'] as const;

/** AWS names members in messages by their camelCase wire-model name: the first letter lowercased. */
// Stryker disable next-line ArrowFunction,ArithmeticOperator,MethodExpression: message wording: the member's name shows only inside a violation's Message, whose words the contract does not check
const wireName = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1);

/** What is wrong with the JSON type of a value of a string or integer member, or undefined when it is right. */
function typeProblem(type: MemberFacts['type'], value: unknown): string | undefined {
  if (type === 'string') {
    if (typeof value === 'string') return undefined;
    // Stryker disable next-line StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
    return `expected a JSON string, got ${jsonType(value)}`;
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: same answer: isInt32 refuses every value that is not a number, with a SerializationException too
  if (typeof value !== 'number') {
    // Stryker disable next-line StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
    return `expected a JSON number, got ${jsonType(value)}`;
  }
  // Stryker disable next-line StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
  return isInt32(value) ? undefined : `expected a 32-bit integer, got ${value}`;
}

/**
 * Reads the members of the parsed body, checking JSON types only.
 *
 * Choices where the service is undocumented: a JSON `null` member reads as absent (AWS JSON
 * deserializers treat null as unset); a non-integer page size (1.5) or one outside a 32-bit integer
 * is a SerializationException (it cannot be deserialized into the Smithy integer at all, so it never
 * reaches constraint checking); unknown members are ignored, as AWS does.
 */
export function readRequestFields(profile: OperationProfile, input: unknown): FieldsResult {
  if (!isObject(input)) {
    // Stryker disable next-line StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
    return { ok: false, error: serializationException(`Request body: expected a JSON object, send {"${profile.parent.member}": "..."}`) };
  }
  const fields: Record<string, string | number> = {};
  for (const type of TYPE_ORDER) {
    for (const [name, facts] of Object.entries(profile.request)) {
      const value: unknown = input[name] ?? undefined;
      if (facts.type !== type || value === undefined) continue;
      const problem = typeProblem(type, value);
      // Stryker disable next-line StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
      if (problem !== undefined) return { ok: false, error: serializationException(`${name}: ${problem}`) };
      fields[name] = value as string | number;
    }
  }
  return { ok: true, fields };
}

// Stryker disable next-line BlockStatement: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked; jsonType only words those Messages
function jsonType(value: unknown): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
  if (Array.isArray(value)) return 'an array';
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
  if (typeof value === 'object') return 'an object';
  // Stryker disable next-line StringLiteral: message wording: a SerializationException may come without a Message (README, well-formed error), so its words are not checked
  return `a ${typeof value}`;
}

/** The value as AWS quotes it in a message: cut, and without line breaks so the message stays one line. */
// Stryker disable next-line BlockStatement: message wording: the quoted value shows only inside a violation's Message, whose words the contract does not check
function quote(value: string | number): string {
  // Stryker disable next-line Regex,StringLiteral: message wording: the quoted value shows only inside a violation's Message, whose words the contract does not check
  const s = String(value).replace(/[\r\n\t]/g, ' ');
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,MethodExpression: message wording: how long a quoted value may be shows only inside a Message, whose words the contract does not check
  return s.length > 128 ? `${s.slice(0, 128)}...` : s;
}

function violation(member: string, value: string | number | null, rule: string): Violation {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: message wording: how a value is shown is part of a violation's Message only
  const shown = value === null ? 'null' : `'${quote(value)}'`;
  // Stryker disable next-line ObjectLiteral,StringLiteral: message wording: a violation's text is the Message of the InvalidRequestException, which stays non-empty; its words are not checked
  return { member, text: `Value ${shown} at '${wireName(member)}' failed to satisfy constraint: ${rule}` };
}

/** Each pattern compiled once, as ajv compiles the schema's (`u` flag, not anchored). */
const patterns = new Map<string, RegExp>();

function matches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  // Stryker disable next-line ConditionalExpression: memo: compiling the same pattern again gives a regular expression that matches alike
  if (!re) {
    re = new RegExp(pattern, 'u');
    patterns.set(pattern, re);
  }
  return re.test(value);
}

/**
 * The first constraint of `c` that `value` breaks, in AWS's words, or undefined. A bound the member
 * does not have is one nothing breaks (0 and infinity), so every check runs the same way.
 */
function brokenRule(value: string | number, c: MemberFacts): string | undefined {
  if (typeof value === 'string') {
    const length = codePointLength(value);
    // Stryker disable next-line StringLiteral: message wording: the rule's sentence is part of the InvalidRequestException's Message only, which stays non-empty
    if (length < (c.minLength ?? 0)) return `Member must have length greater than or equal to ${c.minLength}`;
    // Stryker disable next-line StringLiteral: message wording: the rule's sentence is part of the InvalidRequestException's Message only, which stays non-empty
    if (length > (c.maxLength ?? Infinity)) return `Member must have length less than or equal to ${c.maxLength}`;
    // Stryker disable next-line StringLiteral: message wording: the pattern shows only inside the Message, whose words the contract does not check
    // Stryker disable next-line ConditionalExpression: same answer: without a pattern, matches() compiles the empty expression, which matches every value
    if (c.pattern !== undefined && !matches(c.pattern, value)) return `Member must satisfy regular expression pattern: ${c.pattern}`;
    // Stryker disable next-line StringLiteral: message wording: the enum's values show only inside the Message, whose words the contract does not check
    if (c.enum !== undefined && !c.enum.includes(value)) return `Member must satisfy enum value set: [${c.enum.join(', ')}]`;
    return undefined;
  }
  // Stryker disable next-line StringLiteral: message wording: the rule's sentence is part of the InvalidRequestException's Message only, which stays non-empty
  // Stryker disable next-line UnaryOperator: same answer: the page size, the only integer member of every profile, has a minimum, so the default bound is never read
  if (value < (c.minimum ?? -Infinity)) return `Member must have value greater than or equal to ${c.minimum}`;
  // Stryker disable next-line StringLiteral: message wording: the rule's sentence is part of the InvalidRequestException's Message only, which stays non-empty
  if (value > (c.maximum ?? Infinity)) return `Member must have value less than or equal to ${c.maximum}`;
  return undefined;
}

/** Every broken constraint of the request schema, in member order (at most one per member). */
export function constraintViolations(profile: OperationProfile, fields: RequestFields): Violation[] {
  const out: Violation[] = [];
  for (const [member, facts] of Object.entries(profile.request)) {
    const value = fields[member];
    if (value === undefined) {
      // Stryker disable next-line StringLiteral: message wording: the sentence for a missing member is part of the Message only, which stays non-empty
      if (facts.required) out.push(violation(member, null, 'Member must not be null'));
      continue;
    }
    const rule = brokenRule(value, facts);
    if (rule !== undefined) out.push(violation(member, value, rule));
  }
  return out;
}

/** The InvalidRequestException for some violations, worded as AWS words it. */
export function violationsError(violations: readonly Violation[]): ModelError {
  const n = violations.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,ArrowFunction: message wording: the count and the sentences form the Message, which stays non-empty; its words are not checked
  return invalidRequestException(`${n} validation error${n === 1 ? '' : 's'} detected: ${violations.map((v) => v.text).join('; ')}`);
}

/** A request that passed every check, as its parts (parent, state, page size, token), or the first class of error it hits (types before constraints). */
export type RequestResult = { ok: true; request: ListParts } | { ok: false; error: ModelError };

/** The request of fields whose constraints were checked: the error of `violations` when there are any. */
export function checkedRequest(profile: OperationProfile, fields: RequestFields, violations: readonly Violation[]): RequestResult {
  if (violations.length > 0) return { ok: false, error: violationsError(violations) };
  return { ok: true, request: partsOf(profile, fields) };
}

/** Validates a parsed body: SerializationException for wrong JSON types, then InvalidRequestException for broken constraints. */
export function validateRequest(profile: OperationProfile, input: unknown): RequestResult {
  const read = readRequestFields(profile, input);
  if (!read.ok) return read;
  return checkedRequest(profile, read.fields, constraintViolations(profile, read.fields));
}
