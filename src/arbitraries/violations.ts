/**
 * The keywords of one schema node that a value breaks at that node (children not visited), judged
 * the way ajv judges them: length counts code points, and a keyword that belongs to one JSON type
 * (minLength, minimum, ...) only applies to values of that type. The invalid-value compiler keeps a
 * near-miss candidate only when it breaks exactly the constraint it is labelled with.
 */
import { codePointLength, isObject } from '../schema/json.js';
import type { JsonSchema } from '../schema/load.js';

/** Whether `value` has the JSON type `type`, as ajv decides it. */
export function hasJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: return false;
  }
}

/** Deep equality of JSON values, for enum and const. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The keywords of `schema` itself (not of its children) that `value` breaks. */
export function scalarViolations(schema: JsonSchema, value: unknown): string[] {
  const out: string[] = [];
  if (schema.type !== undefined && !hasJsonType(value, schema.type)) out.push('type');
  if (schema.enum !== undefined && !schema.enum.some((e) => jsonEqual(e, value))) out.push('enum');
  if ('const' in schema && !jsonEqual(schema.const, value)) out.push('const');
  if (typeof value === 'string') {
    const length = codePointLength(value);
    if (schema.minLength !== undefined && length < schema.minLength) out.push('minLength');
    if (schema.maxLength !== undefined && length > schema.maxLength) out.push('maxLength');
    if (schema.pattern !== undefined && !regExpOf(schema.pattern).test(value)) out.push('pattern');
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push('minimum');
    if (schema.maximum !== undefined && value > schema.maximum) out.push('maximum');
  }
  return out;
}

const regExps = new Map<string, RegExp>();

/** The RegExp of a schema pattern, compiled once, with the `u` flag as ajv (unicodeRegExp) uses it. */
export function regExpOf(pattern: string): RegExp {
  let re = regExps.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    regExps.set(pattern, re);
  }
  return re;
}

/** Whether every string matches `pattern`: unanchored, assertion-free and matching "" (like `.*`). */
export function patternAlwaysMatches(pattern: string): boolean {
  if (/[\^$]|\\[bB]|\(\?<?[=!]/.test(pattern)) return false;
  return regExpOf(pattern).test('');
}
