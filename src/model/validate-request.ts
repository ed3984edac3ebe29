/**
 * Request validation in the order real Athena shows: first the JSON types (SerializationException),
 * then every broken constraint at once (InvalidRequestException, AWS's "N validation errors detected").
 */
import type { ExecutorState, ListExecutorsRequest } from '../generated/athena.js';
import { invalidRequestException, serializationException } from './errors.js';
import type { ModelError } from './types.js';
import { codePointLength, isInt32, isObject } from '../schema/json.js';

/** The six executor states, in the API model's order (used in the enum message). */
export const EXECUTOR_STATES: readonly ExecutorState[] = ['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED'];

/** The request's members once their JSON types are right, before any constraint is checked. */
export interface RequestFields {
  SessionId?: string;
  ExecutorStateFilter?: string;
  MaxResults?: number;
  NextToken?: string;
}

/** One broken constraint: the member and AWS's sentence for it. */
export interface Violation {
  member: keyof RequestFields;
  text: string;
}

/** Parsed members, or a SerializationException. */
export type FieldsResult = { ok: true; fields: RequestFields } | { ok: false; error: ModelError };

const STRING_MEMBERS = ['SessionId', 'ExecutorStateFilter', 'NextToken'] as const;
/** AWS names members in messages by their camelCase wire-model name. */
const WIRE_NAMES: Record<keyof RequestFields, string> = {
  SessionId: 'sessionId',
  ExecutorStateFilter: 'executorStateFilter',
  MaxResults: 'maxResults',
  NextToken: 'nextToken',
};

/**
 * Reads the members of the parsed body, checking JSON types only.
 *
 * Choices where the service is undocumented: a JSON `null` member reads as absent (AWS JSON
 * deserializers treat null as unset); a non-integer MaxResults (1.5) or one outside a 32-bit integer
 * is a SerializationException (it cannot be deserialized into the Smithy integer at all, so it never
 * reaches constraint checking); unknown members are ignored, as AWS does.
 */
export function readRequestFields(input: unknown): FieldsResult {
  if (!isObject(input)) {
    return { ok: false, error: serializationException('Request body: expected a JSON object, send {"SessionId": "..."}') };
  }
  const fields: RequestFields = {};
  for (const name of STRING_MEMBERS) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      return { ok: false, error: serializationException(`${name}: expected a JSON string, got ${jsonType(value)}`) };
    }
    fields[name] = value;
  }
  const max = input.MaxResults;
  if (max !== undefined && max !== null) {
    if (typeof max !== 'number') {
      return { ok: false, error: serializationException(`MaxResults: expected a JSON number, got ${jsonType(max)}`) };
    }
    if (!isInt32(max)) {
      return { ok: false, error: serializationException(`MaxResults: expected a 32-bit integer, got ${max}`) };
    }
    fields.MaxResults = max;
  }
  return { ok: true, fields };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** The value as AWS quotes it in a message: cut, and without line breaks so the message stays one line. */
function quote(value: string | number): string {
  const s = String(value).replace(/[\r\n\t]/g, ' ');
  return s.length > 128 ? `${s.slice(0, 128)}...` : s;
}

function violation(member: keyof RequestFields, value: string | number | null, rule: string): Violation {
  const shown = value === null ? 'null' : `'${quote(value)}'`;
  return { member, text: `Value ${shown} at '${WIRE_NAMES[member]}' failed to satisfy constraint: ${rule}` };
}

/** Every broken constraint of the API model, in member order. */
export function constraintViolations(fields: RequestFields): Violation[] {
  const out: Violation[] = [];
  const { SessionId, ExecutorStateFilter, MaxResults, NextToken } = fields;
  if (SessionId === undefined) out.push(violation('SessionId', null, 'Member must not be null'));
  else if (SessionId.length === 0) out.push(violation('SessionId', SessionId, 'Member must have length greater than or equal to 1'));
  else if (codePointLength(SessionId) > 256) out.push(violation('SessionId', SessionId, 'Member must have length less than or equal to 256'));
  if (ExecutorStateFilter !== undefined && !(EXECUTOR_STATES as readonly string[]).includes(ExecutorStateFilter)) {
    out.push(violation('ExecutorStateFilter', ExecutorStateFilter, `Member must satisfy enum value set: [${EXECUTOR_STATES.join(', ')}]`));
  }
  if (MaxResults !== undefined && MaxResults < 1) out.push(violation('MaxResults', MaxResults, 'Member must have value greater than or equal to 1'));
  if (MaxResults !== undefined && MaxResults > 100) out.push(violation('MaxResults', MaxResults, 'Member must have value less than or equal to 100'));
  if (NextToken !== undefined && codePointLength(NextToken) > 2048) {
    out.push(violation('NextToken', NextToken, 'Member must have length less than or equal to 2048'));
  }
  return out;
}

/** The InvalidRequestException for some violations, worded as AWS words it. */
export function violationsError(violations: readonly Violation[]): ModelError {
  const n = violations.length;
  return invalidRequestException(`${n} validation error${n === 1 ? '' : 's'} detected: ${violations.map((v) => v.text).join('; ')}`);
}

/** A request that passed every check, or the first class of error it hits (types before constraints). */
export type RequestResult = { ok: true; request: ListExecutorsRequest } | { ok: false; error: ModelError };

/** Validates a parsed body: SerializationException for wrong JSON types, then InvalidRequestException for broken constraints. */
export function validateRequest(input: unknown): RequestResult {
  const read = readRequestFields(input);
  if (!read.ok) return read;
  const violations = constraintViolations(read.fields);
  if (violations.length > 0) return { ok: false, error: violationsError(violations) };
  return { ok: true, request: read.fields as ListExecutorsRequest };
}
