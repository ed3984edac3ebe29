/**
 * Strings valid for a length range (and optionally a pattern), biased to the ends of the range. Long
 * strings are built by repeating a short random stem, so a 100,000-character boundary costs one
 * `repeat`, not 100,000 generated characters.
 */
import fc from 'fast-check';
import { codePointLength } from '../schema/json.js';
import { patternAlwaysMatches, regExpOf } from './violations.js';

/** The string constraints of one schema node. */
export interface StringBounds {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** Lengths above this are built by repetition rather than character by character. */
const DIRECT_LENGTH_LIMIT = 64;
/** Random (non-boundary) lengths stay below this, so that huge ranges stay cheap on average. */
const RANDOM_LENGTH_LIMIT = 4096;

/** `base` repeated to exactly `length` code points (`base` must be non-empty). */
export function repeatToLength(base: string, length: number): string {
  const points = Array.from(base);
  const whole = Math.floor(length / points.length);
  return base.repeat(whole) + points.slice(0, length - whole * points.length).join('');
}

/**
 * Any Unicode scalar value, biased to the BMP. fast-check's own `unit: unicodeScalar` builds its tables
 * on first use for about a second, which every CLI start would pay; a code point mapped to a string
 * costs nothing up front.
 */
export const unicodeScalar: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x800, max: 0xd7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0x10ffff }) },
  )
  .map((n) => String.fromCodePoint(n));

/** Short random stems that long strings repeat: mostly ASCII, sometimes any Unicode scalar. */
const STEMS = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme-ascii' }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4, unit: unicodeScalar }) },
);

// Building an fc.string is costly (it prepares its character tables): one per short length, reused.
const direct = new Map<number, fc.Arbitrary<string>>();

/**
 * Strings of exactly `length` code points: mostly ASCII, sometimes any Unicode scalar (astral
 * characters included, which catches servers that count UTF-16 units instead of code points).
 */
export function stringOfLength(length: number): fc.Arbitrary<string> {
  if (length > DIRECT_LENGTH_LIMIT) return STEMS.map((stem) => repeatToLength(stem, length));
  let arbitrary = direct.get(length);
  if (!arbitrary) {
    arbitrary = fc.oneof(
      { weight: 4, arbitrary: fc.string({ minLength: length, maxLength: length, unit: 'grapheme-ascii' }) },
      { weight: 1, arbitrary: fc.string({ minLength: length, maxLength: length, unit: unicodeScalar }) },
    );
    direct.set(length, arbitrary);
  }
  return arbitrary;
}

/** Strings whose length in code points is drawn by `lengths`. */
export function stringOfLengthIn(lengths: fc.Arbitrary<number>): fc.Arbitrary<string> {
  return lengths.chain(stringOfLength);
}

/**
 * Strings valid for `bounds`, biased to both ends of the length range (and one step inside them).
 * @param bounds - minLength (default 0), maxLength (default none), pattern (default none)
 */
export function boundedString(bounds: StringBounds): fc.Arbitrary<string> {
  const min = bounds.minLength ?? 0;
  const max = bounds.maxLength;
  if (max !== undefined && max < min) {
    throw new Error(`arbitraries: string maxLength ${max} should be equal or greater than minLength ${min}`);
  }
  if (bounds.pattern !== undefined && !patternAlwaysMatches(bounds.pattern)) {
    const re = regExpOf(bounds.pattern);
    const fits = (s: string) => {
      const n = codePointLength(s);
      return n >= min && (max === undefined || n <= max);
    };
    const matching = fc.stringMatching(re).filter(fits);
    // A matching value repeated to an end of the length range, where that still matches (a name
    // pattern's `{1,128}`): random matches rarely reach the ends, where servers break. Otherwise the
    // value itself, so that no draw is ever refused.
    const ends = [...new Set([Math.max(min, 1), ...(max === undefined ? [] : [max])])];
    const atEnd = fc.tuple(matching, fc.constantFrom(...ends)).map(([s, n]) => {
      const long = s === '' ? s : repeatToLength(s, n);
      return re.test(long) && fits(long) ? long : s;
    });
    return fc.oneof({ weight: 3, arbitrary: matching }, { weight: 1, arbitrary: atEnd });
  }
  const top = max ?? min + DIRECT_LENGTH_LIMIT;
  const smallTop = Math.min(top, min + 24);
  const lowEnds = [...new Set([min, Math.min(min + 1, top)])];
  // Huge maxima (an item id's 100,000) are still reached (about one string in 300), but rarely
  // enough that validating and sending the values stays fast.
  const huge = max !== undefined && max > RANDOM_LENGTH_LIMIT;
  const scale = huge ? 10 : 1;
  const arbitraries: fc.WeightedArbitrary<string>[] = [
    { weight: 40 * scale, arbitrary: fc.string({ minLength: min, maxLength: smallTop, unit: 'grapheme-ascii' }) },
    { weight: 8 * scale, arbitrary: fc.string({ minLength: min, maxLength: Math.min(top, min + 16), unit: unicodeScalar }) },
    { weight: 8 * scale, arbitrary: stringOfLengthIn(fc.constantFrom(...lowEnds)) },
  ];
  if (max !== undefined) {
    const highEnds = [...new Set([Math.max(max - 1, min), max])];
    arbitraries.push({ weight: huge ? 2 : 8, arbitrary: stringOfLengthIn(fc.constantFrom(...highEnds)) });
    if (max > smallTop) {
      const randomTop = Math.min(max, RANDOM_LENGTH_LIMIT);
      arbitraries.push({ weight: 2 * scale, arbitrary: stringOfLengthIn(fc.integer({ min, max: randomTop })) });
    }
  }
  return fc.oneof(...arbitraries);
}
