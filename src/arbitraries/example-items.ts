/**
 * Fixed items of any operation, read off its item schema: the same value for the same index every
 * time, so that boundary cases are data, not draws. Every member the schema describes is present (an
 * enum takes its values in turn, a number 1..4 within its bounds, a string its shortest non-empty
 * length), and the id, the ordering key and the state are set where the profile says.
 */
import fc from 'fast-check';
import { loadAllSchemas, type JsonSchema } from '../schema/load.js';
import type { OperationProfile } from '../profiles/index.js';
import { setAt, type Item } from './items.js';
import type { SchemaRefs } from './schema-node.js';
import { boundedString } from './strings.js';
import { patternAlwaysMatches } from './violations.js';

/** Below this depth, objects carry only their required members: a schema that refers to itself still ends. */
const FULL_DEPTH = 3;
/** Deeper than this, the schema is taken to recurse without end. */
const MAX_DEPTH = 12;

function resolve(schema: JsonSchema, refs: SchemaRefs): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema;
  const target = refs.get(schema.$ref) ?? loadAllSchemas().get(schema.$ref);
  if (!target) throw new Error(`example items: "$ref" to "${schema.$ref}" names no schema`);
  return resolve(target, refs);
}

function clamp(n: number, schema: JsonSchema): number {
  return Math.min(Math.max(n, schema.minimum ?? Number.NEGATIVE_INFINITY), schema.maximum ?? Number.POSITIVE_INFINITY);
}

function stringExample(schema: JsonSchema, i: number): string {
  // A pattern the compiler must match is matched by a draw with a fixed seed: the same string every time.
  if (schema.pattern !== undefined && !patternAlwaysMatches(schema.pattern)) return fc.sample(boundedString(schema), { seed: i, numRuns: 1 })[0];
  return 'x'.repeat(Math.min(Math.max(1, schema.minLength ?? 0), schema.maxLength ?? Number.POSITIVE_INFINITY));
}

/** The `i`-th example of `schema`: valid for it, and the same for the same `i`. */
export function exampleOf(schema: JsonSchema, refs: SchemaRefs, i: number, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('example items: the schema nests deeper than any item should');
  const s = resolve(schema, refs);
  if (s.enum !== undefined) return s.enum[i % s.enum.length];
  if ('const' in s) return s.const;
  switch (s.type) {
    case 'string':
      return stringExample(s, i);
    case 'integer':
    case 'number':
      return clamp(1 + (i % 4), s);
    case 'boolean':
      return i % 2 === 0;
    case 'array':
      return [];
    case 'object': {
      const required = new Set(s.required ?? []);
      const members = Object.entries(s.properties ?? {}).filter(([name]) => depth < FULL_DEPTH || required.has(name));
      return Object.fromEntries(members.map(([name, sub]) => [name, exampleOf(sub, refs, i, depth + 1)]));
    }
    default:
      return null;
  }
}

/** `value` (an example of `schema`) with every integer and number member, at any depth, set to `n` within its bounds. */
function withNumbers(schema: JsonSchema, refs: SchemaRefs, value: unknown, n: number): unknown {
  const s = resolve(schema, refs);
  if ((s.type === 'integer' || s.type === 'number') && s.enum === undefined && !('const' in s)) return clamp(n, s);
  if (s.type !== 'object' || typeof value !== 'object' || value === null) return value;
  const object = value as Item;
  for (const [name, sub] of Object.entries(s.properties ?? {})) if (name in object) object[name] = withNumbers(sub, refs, object[name], n);
  return object;
}

/** Item `i` of a boundary population of `profile`: the `i`-th example, with `id`, ordering key `key` (on the wire) and `state`. */
export function exampleItem(profile: OperationProfile, id: string, i: number, key: number, state: string): Item {
  const { [profile.id]: _id, ...rest } = exampleOf(profile.schemas.item, profile.schemaById, i) as Item;
  const item: Item = { [profile.id]: id, ...rest };
  setAt(item, profile.filter.itemPath, state);
  return setAt(item, profile.orderKey.path, key);
}

/** An item of `profile` whose every numeric member, the ordering key included, is `n` (within each member's bounds). */
export function numericEdgeItem(profile: OperationProfile, id: string, n: number): Item {
  const item = exampleItem(profile, id, 0, n, profile.states[0]);
  withNumbers(profile.schemas.item, profile.schemaById, item, n);
  return item;
}
