/**
 * What JSON Schema and Smithy count, in one place: a JSON object, a string's length in code points,
 * the range of a 32-bit integer, and a parse that says "not JSON" without throwing.
 */

/** Whether `value` is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `text` parsed as JSON, or undefined when it is empty or not JSON. */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Length of a string in Unicode code points (JSON Schema's and Smithy's unit, not UTF-16 units). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The range of a Smithy `integer` (32-bit signed): what an AWS deserializer can read as one. */
export const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;

/** Whether `n` is an integer a Smithy `integer` member can hold. */
export function isInt32(n: number): boolean {
  return Number.isInteger(n) && n >= INT32.min && n <= INT32.max;
}
