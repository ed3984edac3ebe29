/**
 * What the schemas say of a member of a recorded answer: whether they define it, whether it is
 * required, its JSON type and its enum. Read from schemas/ (never a copy), so that `diff` tells a
 * change the schema would call one (a member or enum value it does not have) from data (a member or
 * value it allows, met in one recording and not the other).
 */
import { loadAllSchemas, type JsonSchema, type SchemaFile } from '../schema/load.js';

/** The schema's reading of one member path (`ExecutorsSummary[].ExecutorState`). */
export interface MemberReading {
  /** The schema defines the member. */
  known: boolean;
  /** Its parent object requires it. */
  required: boolean;
  /** The JSON type the schema gives it. */
  type?: string;
  /** The values the schema allows, when it is an enum. */
  enum?: readonly unknown[];
}

/** The schema of each error code's body; any other code has the AWS JSON error envelope's. */
const ERROR_SCHEMAS: Readonly<Record<string, SchemaFile>> = {
  InvalidRequestException: 'invalid-request-exception.schema.json',
  ResourceNotFoundException: 'resource-not-found-exception.schema.json',
  InternalServerException: 'internal-server-exception.schema.json',
};

/** The schemas of the answers of each operation that succeeded (this project models ListExecutors only). */
const OUTPUT_SCHEMAS: Readonly<Record<string, SchemaFile>> = { ListExecutors: 'list-executors-response.schema.json' };

const UNKNOWN: MemberReading = { known: false, required: false };

let schemas: Map<string, JsonSchema> | undefined;

function resolved(schema: JsonSchema | undefined): JsonSchema | undefined {
  schemas ??= loadAllSchemas();
  let node = schema;
  for (let hops = 0; node?.$ref !== undefined && hops < 8; hops++) node = schemas.get(node.$ref);
  return node;
}

/** The schema of an answer of `op` (with `code` when it is an error), or undefined where none is modelled. */
export function answerSchema(op: string, code: string | undefined): JsonSchema | undefined {
  schemas ??= loadAllSchemas();
  const file = code === undefined ? OUTPUT_SCHEMAS[op] : (ERROR_SCHEMAS[code] ?? 'aws-json-error.schema.json');
  return file === undefined ? undefined : schemas.get(file);
}

/** What `schema` says of the member at `path`: segments joined by `.`, `[]` for the items of an array. */
export function memberReading(schema: JsonSchema, path: string): MemberReading {
  let node = resolved(schema);
  let reading: MemberReading = UNKNOWN;
  for (const segment of path.split('.')) {
    const [name, ...arrays] = segment.split('[]');
    const member = resolved(node?.properties?.[name]);
    if (!member) return UNKNOWN;
    reading = { known: true, required: node?.required?.includes(name) ?? false };
    node = member;
    for (let depth = 0; depth < arrays.length; depth++) {
      node = resolved(node.items);
      if (!node) return UNKNOWN;
      reading = { known: true, required: false };
    }
  }
  return { ...reading, type: node?.type, enum: node?.enum };
}
