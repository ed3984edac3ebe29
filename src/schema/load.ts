/**
 * Reads the JSON Schemas of schemas/: the single source of truth for types, validators and arbitraries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './package-dir.js';

/** A JSON Schema document as this project writes them (draft-07). */
export type JsonSchema = {
  $id?: string;
  $schema?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  enum?: readonly unknown[];
  const?: unknown;
  required?: readonly string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  [keyword: string]: unknown;
};

/** Absolute path of the schemas/ folder (it ships in the package beside dist/). */
export const schemasDir = join(packageDir, 'schemas', '/');

/** Every schema file, leaves first so that generated declarations read top-down. */
export const schemaFiles = [
  'executor-state.schema.json',
  'executor-type.schema.json',
  'executors-summary.schema.json',
  'list-executors-request.schema.json',
  'list-executors-response.schema.json',
  'session-state.schema.json',
  'engine-version.schema.json',
  'session-status.schema.json',
  'session-summary.schema.json',
  'list-sessions-request.schema.json',
  'list-sessions-response.schema.json',
  'calculation-execution-state.schema.json',
  'calculation-status.schema.json',
  'calculation-summary.schema.json',
  'list-calculation-executions-request.schema.json',
  'list-calculation-executions-response.schema.json',
  'aws-json-error.schema.json',
  'invalid-request-exception.schema.json',
  'resource-not-found-exception.schema.json',
  'internal-server-exception.schema.json',
  'session-seed.schema.json',
  'workgroup-seed.schema.json',
] as const;

/** The file name of one schema. */
export type SchemaFile = (typeof schemaFiles)[number];

const cache = new Map<string, JsonSchema>();

/** Parses one schema file (cached: schemas are immutable during a run). */
export function loadSchema(file: SchemaFile): JsonSchema {
  let schema = cache.get(file);
  if (!schema) {
    schema = JSON.parse(readFileSync(schemasDir + file, 'utf8')) as JsonSchema;
    cache.set(file, schema);
  }
  return schema;
}

/** Every schema, keyed by its `$id` (which is its file name), for `$ref` resolution. */
export function loadAllSchemas(): Map<string, JsonSchema> {
  return new Map(schemaFiles.map((f) => [f, loadSchema(f)]));
}
