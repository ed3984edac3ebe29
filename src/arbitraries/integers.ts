/**
 * Integers valid for a range, biased to both ends. Without bounds they are Smithy longs read as JSON
 * numbers: safe integers only (JavaScript loses precision beyond them), biased to 0, small values and
 * epoch-millisecond-like values.
 */
import fc from 'fast-check';

/** Epoch milliseconds of 2020-01-01 and 2030-01-01: where Smithy longs holding timestamps live. */
const EPOCH_MS_LOW = 1_577_836_800_000;
const EPOCH_MS_HIGH = 1_893_456_000_000;

/**
 * Integers in [minimum, maximum] (each default: the safe-integer limit), biased to the ends of the
 * range, one step inside them, 0, small values and epoch milliseconds.
 */
export function boundedInteger(minimum?: number, maximum?: number): fc.Arbitrary<number> {
  const lo = minimum === undefined ? Number.MIN_SAFE_INTEGER : Math.ceil(minimum);
  const hi = maximum === undefined ? Number.MAX_SAFE_INTEGER : Math.floor(maximum);
  if (hi < lo) throw new Error(`arbitraries: integer maximum ${String(maximum)} should be equal or greater than minimum ${String(minimum)}`);
  const inRange = (n: number) => n >= lo && n <= hi;
  const ends = [lo, hi, lo + 1, hi - 1, 0, 1].filter(inRange);
  const arbitraries: fc.WeightedArbitrary<number>[] = [
    { weight: 3, arbitrary: fc.constantFrom(...new Set(ends)) },
    { weight: 4, arbitrary: fc.integer({ min: lo, max: hi }) },
  ];
  const small = { min: Math.max(lo, -1000), max: Math.min(hi, 1000) };
  if (small.min <= small.max) arbitraries.push({ weight: 4, arbitrary: fc.integer(small) });
  const epoch = { min: Math.max(lo, EPOCH_MS_LOW), max: Math.min(hi, EPOCH_MS_HIGH) };
  if (epoch.min <= epoch.max) arbitraries.push({ weight: 3, arbitrary: fc.integer(epoch) });
  return fc.oneof(...arbitraries);
}

/** Finite doubles in [minimum, maximum], biased to both ends. */
export function boundedNumber(minimum?: number, maximum?: number): fc.Arbitrary<number> {
  const lo = minimum ?? -Number.MAX_VALUE;
  const hi = maximum ?? Number.MAX_VALUE;
  if (hi < lo) throw new Error(`arbitraries: number maximum ${String(maximum)} should be equal or greater than minimum ${String(minimum)}`);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...new Set([lo, hi, Math.min(Math.max(0, lo), hi)])) },
    { weight: 3, arbitrary: fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)) },
  );
}
