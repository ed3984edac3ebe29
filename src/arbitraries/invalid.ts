/**
 * `invalid(schema)`: values that break exactly one constraint of the schema, each labelled with the
 * constraint it breaks (`MaxResults/maximum`, `SessionId/required`, `(root)/type`), biased to near
 * misses: one past each bound, a fraction for an integer, a number as a string, an enum value in
 * another case. The rest of the value stays valid, so a server that rejects it rejects it for that
 * one reason.
 */
import fc from 'fast-check';
import type { JsonSchema } from '../schema/load.js';
import { childNode, compileError, pointerSegment, rootNode, type SchemaInput, type SchemaNode, type SchemaRefs } from './schema-node.js';
import { boundedString, stringOfLength } from './strings.js';
import { validOfNode, type ValidOptions } from './valid.js';
import { patternAlwaysMatches, scalarViolations } from './violations.js';

/** One invalid value and the constraint it breaks, as `<member path>/<keyword>`. */
export interface Broken {
  value: unknown;
  /** `<JSON path of the member>/<keyword>`: members joined by `/`, `*` for any list item, `(root)` for the body itself. */
  breaks: string;
}

/** A way to break one constraint: the label and the arbitrary of broken values at that node. */
interface Breaker {
  label: string;
  arbitrary: fc.Arbitrary<unknown>;
}

/** Member name added to objects that forbid unknown members. */
const UNKNOWN_MEMBER = 'UnknownMember';

/**
 * Values that break exactly one constraint of `schema`, labelled with it; every breakable
 * constraint is drawn equally often. Throws if the schema has no breakable constraint.
 */
export function invalid(schema: SchemaInput, options: ValidOptions = {}): fc.Arbitrary<Broken> {
  const node = rootNode(schema, options.refs);
  const breakers = breakersOf(node, [], options);
  if (breakers.length === 0) throw compileError('invalid: no constraint can be broken (every value is valid)', node.at);
  return fc.oneof(...breakers.map((b) => b.arbitrary.map((value): Broken => ({ value, breaks: b.label }))));
}

/**
 * The labels of every constraint of `schema` that {@link invalid} breaks (unbreakable ones, like
 * minLength 0 or pattern ".*", are left out); `refs` as {@link ValidOptions.refs}.
 */
export function constraintsOf(schema: SchemaInput, refs?: SchemaRefs): string[] {
  return breakersOf(rootNode(schema, refs), [], {}).map((b) => b.label);
}

function labelOf(path: readonly string[], keyword: string): string {
  return `${path.length === 0 ? '(root)' : path.join('/')}/${keyword}`;
}

function breakersOf(node: SchemaNode, path: readonly string[], options: ValidOptions): Breaker[] {
  const { schema } = node;
  const out: Breaker[] = [];
  const add = (keyword: string, arbitrary: fc.Arbitrary<unknown> | undefined) => {
    if (arbitrary) out.push({ label: labelOf(path, keyword), arbitrary });
  };
  if (schema.type !== undefined) add('type', fromCandidates(schema, 'type', wrongTypeCandidates(schema)));
  if (schema.enum !== undefined) add('enum', enumBreaker(schema));
  if ('const' in schema) add('const', fromCandidates(schema, 'const', nearMissesOf(schema.const)));
  if (schema.minLength !== undefined && schema.minLength > 0) add('minLength', minLengthBreaker(schema, schema.minLength));
  if (schema.maxLength !== undefined) add('maxLength', maxLengthBreaker(schema, schema.maxLength));
  if (schema.pattern !== undefined && !patternAlwaysMatches(schema.pattern)) add('pattern', patternBreaker(node, options));
  if (schema.minimum !== undefined) add('minimum', boundBreaker(schema, 'minimum', schema.minimum));
  if (schema.maximum !== undefined) add('maximum', boundBreaker(schema, 'maximum', schema.maximum));
  if (schema.type === 'object') out.push(...objectBreakers(node, path, options));
  if (schema.type === 'array' && schema.items !== undefined) out.push(...itemBreakers(node, path, options));
  return out;
}

/**
 * Keeps the candidates that break `keyword` and nothing else at this node (a wrong type may also
 * miss enum or const, which ajv checks whatever the type), then draws among them.
 */
function fromCandidates(schema: JsonSchema, keyword: string, candidates: unknown[], random?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> | undefined {
  const breaksOnly = (v: unknown) => {
    const broken = scalarViolations(schema, v);
    // A length breaker may also break a pattern, which often restates the bounds (`[a-z]{1,128}`): no
    // string then breaks the length alone, and the request is invalid all the same.
    const alsoBroken = (k: string) => (keyword === 'type' && (k === 'enum' || k === 'const')) || ((keyword === 'minLength' || keyword === 'maxLength') && k === 'pattern');
    return broken.includes(keyword) && broken.every((k) => k === keyword || alsoBroken(k));
  };
  const kept = candidates.filter(breaksOnly);
  const arbitraries: fc.WeightedArbitrary<unknown>[] = [];
  if (kept.length > 0) arbitraries.push({ weight: 4, arbitrary: fc.constantFrom(...kept).map(fresh) });
  // Random values only beside candidates that showed the keyword breakable on its own: filtering for a
  // value that cannot exist would never end (and never yield to the run's deadline).
  if (random && (kept.length > 0 || candidates.length === 0)) arbitraries.push({ weight: 1, arbitrary: random.filter(breaksOnly) });
  return arbitraries.length === 0 ? undefined : fc.oneof(...arbitraries);
}

/** Copies object constants, so that a consumer mutating one value cannot change later ones. */
function fresh(v: unknown): unknown {
  return typeof v === 'object' && v !== null ? structuredClone(v) : v;
}

function wrongTypeCandidates(schema: JsonSchema): unknown[] {
  const lo = schema.minimum ?? 0;
  const inRange = Math.min(Math.max(10, lo), schema.maximum ?? Number.MAX_SAFE_INTEGER);
  const fractions = [lo + 0.5, (schema.maximum ?? lo + 10) - 0.5];
  const common: unknown[] = [null, true, false, [], {}];
  switch (schema.type) {
    case 'string': return [10, 0, ['x'], ...common];
    case 'integer': return [...fractions, String(inRange), String(lo), '', ...common];
    case 'number': return [String(inRange), '', ...common];
    case 'boolean': return ['true', 'false', 0, 1, null, [], {}];
    case 'null': return ['null', '', 0, false, [], {}];
    case 'object': return [null, [], [{}], '{}', '', 1, true];
    case 'array': return [null, {}, '[]', '', 1, true];
    default: return [];
  }
}

/** Values one step away from `v`: another case, a space around it, one character short, one more. */
function nearMissesOf(v: unknown): unknown[] {
  if (typeof v === 'string') return [v.toLowerCase(), v.toUpperCase(), ` ${v}`, `${v} `, v.slice(0, -1), `${v}${v.slice(-1)}`, ''];
  if (typeof v === 'number') return [v + 1, v - 1, -v];
  if (typeof v === 'boolean') return [!v];
  return [null];
}

function enumBreaker(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const candidates = (schema.enum ?? []).flatMap(nearMissesOf);
  const random = schema.type === 'string' || schema.type === undefined ? fc.string({ maxLength: 16 }) : undefined;
  return fromCandidates(schema, 'enum', candidates, random);
}

function minLengthBreaker(schema: JsonSchema, minLength: number): fc.Arbitrary<unknown> | undefined {
  const candidates = [...new Set([minLength - 1, 0, Math.floor((minLength - 1) / 2)])].map((n) => 'a'.repeat(n));
  return fromCandidates(schema, 'minLength', candidates, fc.integer({ min: 0, max: minLength - 1 }).chain(stringOfLength));
}

function maxLengthBreaker(schema: JsonSchema, maxLength: number): fc.Arbitrary<unknown> | undefined {
  // One past the bound, in ASCII and with an astral character (one code point, two UTF-16 units).
  const candidates = ['a'.repeat(maxLength + 1), `\u{1F600}${'b'.repeat(maxLength)}`];
  return fromCandidates(schema, 'maxLength', candidates, fc.integer({ min: maxLength + 1, max: maxLength + 64 }).chain(stringOfLength));
}

function patternBreaker(node: SchemaNode, options: ValidOptions): fc.Arbitrary<unknown> | undefined {
  const { schema } = node;
  // Besides the near misses of any value: a character a name pattern leaves out (a slash, a non-ASCII letter).
  const mutated = fc.tuple(validOfNode(node, options), fc.nat()).map(([v, i]) => {
    const misses = typeof v === 'string' ? [...nearMissesOf(v), `${v.slice(0, -1)}/`, `${v.slice(0, -1)}é`] : nearMissesOf(v);
    return misses[i % misses.length];
  });
  return fromCandidates(schema, 'pattern', [], fc.oneof(mutated, boundedString({ minLength: schema.minLength, maxLength: schema.maxLength })));
}

function boundBreaker(schema: JsonSchema, keyword: 'minimum' | 'maximum', bound: number): fc.Arbitrary<unknown> | undefined {
  const integer = schema.type === 'integer';
  const step = integer ? 1 : 0.5;
  const sign = keyword === 'minimum' ? -1 : 1;
  const edge = integer ? (keyword === 'minimum' ? Math.ceil(bound) : Math.floor(bound)) : bound;
  const far = sign < 0 ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  const candidates = [edge + sign * step, edge + sign * 2 * step, edge + sign * 1000, far, 0, -1];
  const random = integer
    ? fc.integer(sign < 0 ? { min: Number.MIN_SAFE_INTEGER, max: edge - 1 } : { min: edge + 1, max: Number.MAX_SAFE_INTEGER })
    : fc.double(sign < 0 ? { max: bound, noNaN: true, noDefaultInfinity: true } : { min: bound, noNaN: true, noDefaultInfinity: true });
  return fromCandidates(schema, keyword, candidates, random);
}

function objectBreakers(node: SchemaNode, path: readonly string[], options: ValidOptions): Breaker[] {
  const { schema } = node;
  const base = validOfNode(node, options) as fc.Arbitrary<Record<string, unknown>>;
  const out: Breaker[] = [];
  for (const name of schema.required ?? []) {
    out.push({
      label: labelOf([...path, pointerSegment(name)], 'required'),
      arbitrary: base.map((value) => {
        const { [name]: _omitted, ...rest } = value;
        return rest;
      }),
    });
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const child = childNode(node, `properties/${pointerSegment(name)}`, sub);
    for (const b of breakersOf(child, [...path, pointerSegment(name)], options)) {
      out.push({ label: b.label, arbitrary: fc.tuple(base, b.arbitrary).map(([value, bad]) => ({ ...value, [name]: bad })) });
    }
  }
  if (schema.additionalProperties === false && !(UNKNOWN_MEMBER in (schema.properties ?? {}))) {
    out.push({ label: labelOf(path, 'additionalProperties'), arbitrary: base.map((value) => ({ ...value, [UNKNOWN_MEMBER]: 1 })) });
  }
  return out;
}

function itemBreakers(node: SchemaNode, path: readonly string[], options: ValidOptions): Breaker[] {
  const items = childNode(node, 'items', node.schema.items as JsonSchema);
  // Short lists around the broken item: the point is the item, not the list.
  const others = fc.array(validOfNode(items, { ...options, maxItems: 3, longMaxItems: 3 }), { maxLength: 3 });
  return breakersOf(items, [...path, '*'], options).map((b) => ({
    label: b.label,
    arbitrary: fc.tuple(others, b.arbitrary, fc.nat()).map(([list, bad, i]) => {
      const at = i % (list.length + 1);
      return [...list.slice(0, at), bad, ...list.slice(at)];
    }),
  }));
}
