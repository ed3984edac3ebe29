/**
 * `valid(schema)`: the schema compiled to a fast-check arbitrary of values it accepts, biased to the
 * edges where servers break (range and length ends, absent and present optional members, empty lists).
 */
import fc from 'fast-check';
import type { JsonSchema, SchemaFile } from '../schema/load.js';
import { boundedInteger, boundedNumber } from './integers.js';
import { childNode, compileError, pointerSegment, rootNode, type SchemaInput, type SchemaNode, type SchemaRefs } from './schema-node.js';
import type { SchemaTypes } from './schema-types.js';
import { boundedString } from './strings.js';

/** Options of {@link valid} (and of the valid parts of {@link invalid}'s values). */
export interface ValidOptions {
  /**
   * Most lists are at most this long, so that values stay small and fast.
   * @defaultValue 10
   */
  maxItems?: number;
  /**
   * Rarely (about one list in ten) a list is up to this long instead.
   * @defaultValue 100
   */
  longMaxItems?: number;
  /**
   * Whether objects that allow unknown members (no `additionalProperties: false`) sometimes get one,
   * as AWS adds response members over time and ignores unknown request members. Off by default, so
   * that values equal their generated type exactly.
   * @defaultValue false
   */
  unknownMembers?: boolean;
  /** Schemas a `$ref` may name besides the files of schemas/, by `$id`: an operation profile's own (`schemaById`). */
  refs?: SchemaRefs;
}

/** Member names used for unknown members: plausible future AWS members. */
const UNKNOWN_MEMBER_NAMES = ['ExecutorTags', 'ClientRequestToken', 'SparkProperties', 'x-unknown-member'];

/**
 * Values valid for `schema` (a file of schemas/ or a schema object), biased to boundaries.
 * Throws at once, naming the keyword and its place, if the schema uses a keyword the compiler does not support.
 */
export function valid<F extends SchemaFile>(schema: F, options?: ValidOptions): fc.Arbitrary<SchemaTypes[F]>;
export function valid(schema: JsonSchema, options?: ValidOptions): fc.Arbitrary<unknown>;
export function valid(schema: SchemaInput, options: ValidOptions = {}): fc.Arbitrary<unknown> {
  return validOfNode(rootNode(schema, options.refs), options);
}

/** The valid arbitrary of one resolved node (shared with the invalid-value compiler). */
export function validOfNode(node: SchemaNode, options: ValidOptions): fc.Arbitrary<unknown> {
  const { schema } = node;
  if (schema.enum !== undefined) {
    if (schema.enum.length === 0) throw compileError('"enum" is empty: no value is valid', node.at);
    return fc.constantFrom(...schema.enum);
  }
  if ('const' in schema) return fc.constant(schema.const);
  switch (schema.type) {
    case 'string':
      return boundedString(schema);
    case 'integer':
      return boundedInteger(schema.minimum, schema.maximum);
    case 'number':
      return boundedNumber(schema.minimum, schema.maximum);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return validArray(node, options);
    case 'object':
      return validObject(node, options);
    default:
      // No type: any JSON value is valid (checked() already refused type-specific keywords here).
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validArray(node: SchemaNode, options: ValidOptions): fc.Arbitrary<unknown[]> {
  const item: fc.Arbitrary<unknown> = node.schema.items === undefined
    ? fc.jsonValue({ maxDepth: 1 })
    : validOfNode(childNode(node, 'items', node.schema.items), options);
  // The schema's own list bounds (a page holds 0..100) cap the caller's sizes; both ends stay reachable.
  const floor = node.schema.minItems ?? 0;
  const ceiling = node.schema.maxItems ?? Number.POSITIVE_INFINITY;
  if (ceiling < floor) throw compileError(`"maxItems" ${ceiling} is below "minItems" ${floor}`, node.at);
  const maxItems = Math.min(Math.max(options.maxItems ?? 10, floor), ceiling);
  const longMaxItems = Math.min(Math.max(options.longMaxItems ?? 100, maxItems), ceiling);
  return fc.oneof(
    { weight: 2, arbitrary: fc.array(item, { minLength: floor, maxLength: floor }) },
    { weight: 12, arbitrary: fc.array(item, { minLength: floor, maxLength: maxItems, size: 'max' }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: maxItems, maxLength: longMaxItems, size: 'max' }) },
  );
}

function validObject(node: SchemaNode, options: ValidOptions): fc.Arbitrary<Record<string, unknown>> {
  const { schema } = node;
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  for (const name of required) {
    // A required member the schema never describes could only be generated as an arbitrary value.
    if (!(name in properties)) throw compileError(`required member "${name}" has no entry in "properties"`, node.at);
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    model[name] = validOfNode(childNode(node, `properties/${pointerSegment(name)}`, sub), options);
  }
  const record = fc.record(model, { requiredKeys: [...required], noNullPrototype: true });
  const names = UNKNOWN_MEMBER_NAMES.filter((n) => !(n in properties));
  if (!options.unknownMembers || schema.additionalProperties === false || names.length === 0) return record;
  const extra = fc.oneof(
    { weight: 9, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 1 })) },
  );
  return fc.tuple(record, extra).map(([value, member]) => (member ? { ...value, [member[0]]: member[1] } : value));
}
