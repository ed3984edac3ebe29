/**
 * Walks a schema the way the arbitrary compiler reads it: every keyword checked against the supported
 * set, every `$ref` resolved (by file name, or by `$id` among the schemas a caller hands over, such as
 * an operation profile's own), every node named by where it sits (`file#/pointer`), so that a keyword
 * the compiler cannot honour fails loudly at compile time instead of being ignored.
 */
import { loadAllSchemas, type JsonSchema, type SchemaFile } from '../schema/load.js';

/** Keywords that constrain values: the compiler generates and breaks each of them. */
const CONSTRAINT_KEYWORDS = new Set([
  'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', '$ref',
]);

/** Keywords that only document a schema: they generate nothing. */
const ANNOTATION_KEYWORDS = new Set(['$schema', '$id', 'title', 'description']);

/** The keywords each JSON type owns; a keyword of another type beside `type` is a schema mistake. */
const KEYWORDS_OF_TYPE: Record<string, readonly string[]> = {
  string: ['minLength', 'maxLength', 'pattern'],
  integer: ['minimum', 'maximum'],
  number: ['minimum', 'maximum'],
  object: ['required', 'properties', 'additionalProperties'],
  array: ['items', 'minItems', 'maxItems'],
  boolean: [],
  null: [],
};

/** Schemas a `$ref` may name besides the files of schemas/, by `$id` (an operation profile's `schemaById`). */
export type SchemaRefs = ReadonlyMap<string, JsonSchema>;

/** A schema node with the place it was read from, for error messages and labels. */
export interface SchemaNode {
  schema: JsonSchema;
  /** Where the node sits, as `file#/json/pointer`. */
  at: string;
  /** The schemas its `$ref`s (and its children's) may name besides the files of schemas/. */
  refs?: SchemaRefs;
}

/** What a caller may hand to the compiler: a schema file name, or a schema object. */
export type SchemaInput = SchemaFile | JsonSchema;

/** Throws the compiler's one error shape: `arbitraries: <what> at <where>`. */
export function compileError(what: string, at: string): Error {
  return new Error(`arbitraries: ${what} at ${at}`);
}

/** The root node of a schema input, resolved and checked; `refs` are the schemas its `$ref`s may name besides the files. */
export function rootNode(input: SchemaInput, refs?: SchemaRefs): SchemaNode {
  const withRefs = refs ? { refs } : {};
  if (typeof input === 'string') {
    const schema = loadAllSchemas().get(input);
    if (!schema) throw compileError(`unknown schema file "${input}"`, 'schemas/');
    return checked({ schema, at: `${input}#`, ...withRefs });
  }
  return checked({ schema: input, at: `${input.$id ?? '(inline schema)'}#`, ...withRefs });
}

/** The node of a sub-schema (`properties/X`, `items`), resolved and checked. */
export function childNode(parent: SchemaNode, pointer: string, schema: JsonSchema): SchemaNode {
  return checked({ schema, at: `${parent.at}/${pointer}`, ...(parent.refs ? { refs: parent.refs } : {}) });
}

/** Escapes one JSON Pointer segment (RFC 6901), the way ajv writes instance paths. */
export function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function checked(node: SchemaNode): SchemaNode {
  const { schema, at } = node;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw compileError('a schema must be an object', at);
  }
  for (const keyword of Object.keys(schema)) {
    if (!CONSTRAINT_KEYWORDS.has(keyword) && !ANNOTATION_KEYWORDS.has(keyword)) {
      throw compileError(`unsupported keyword "${keyword}"`, at);
    }
  }
  if (schema.$ref !== undefined) return resolveRef(node);
  if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== 'boolean') {
    throw compileError('unsupported keyword "additionalProperties" (only true or false)', at);
  }
  if (schema.type === undefined) {
    for (const [type, keywords] of Object.entries(KEYWORDS_OF_TYPE)) {
      for (const keyword of keywords) {
        if (keyword in schema) throw compileError(`keyword "${keyword}" needs "type": "${type}" beside it`, at);
      }
    }
  } else {
    const owned = KEYWORDS_OF_TYPE[schema.type];
    if (!owned) throw compileError(`unsupported type "${String(schema.type)}"`, at);
    for (const [type, keywords] of Object.entries(KEYWORDS_OF_TYPE)) {
      if (type === schema.type || (schema.type === 'integer' && type === 'number') || (schema.type === 'number' && type === 'integer')) continue;
      for (const keyword of keywords) {
        if (keyword in schema) throw compileError(`keyword "${keyword}" does not apply to type "${schema.type}"`, at);
      }
    }
  }
  return node;
}

function resolveRef({ schema, at, refs }: SchemaNode): SchemaNode {
  for (const keyword of Object.keys(schema)) {
    // Draft-07 ignores the siblings of $ref while ajv 8 applies them: refuse the ambiguity.
    if (CONSTRAINT_KEYWORDS.has(keyword) && keyword !== '$ref') {
      throw compileError(`keyword "${keyword}" beside "$ref" is ambiguous in draft-07 and not supported`, at);
    }
  }
  const ref = String(schema.$ref);
  const target = refs?.get(ref) ?? loadAllSchemas().get(ref);
  if (!target) throw compileError(`unsupported keyword "$ref" to "${ref}" (only schema file names and the given schemas' $ids resolve)`, at);
  return checked({ schema: target, at: `${ref}#`, ...(refs ? { refs } : {}) });
}
