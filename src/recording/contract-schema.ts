/**
 * What the schemas say of a member of a recorded answer: whether they define it, whether it is
 * required, its JSON type and its enum. Read from the operation profile's schemas and schemas/
 * (never a copy), so that `diff` tells a change the schema would call one (a member or enum value it
 * does not have) from data (a member or value it allows, met in one recording and not the other).
 */
import { LIST_EXECUTORS, type OperationProfile } from '../profiles/index.js';
import { loadAllSchemas, type JsonSchema, type SchemaFile } from '../schema/load.js';

/** The schema's reading of one member path (`{items}[].{member}`, such as the items' state). */
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

const UNKNOWN: MemberReading = { known: false, required: false };

let schemas: Map<string, JsonSchema> | undefined;

/** `schema` with its references followed: to the profile's schemas first, then to those of schemas/. */
function resolved(schema: JsonSchema | undefined, profile: OperationProfile): JsonSchema | undefined {
  schemas ??= loadAllSchemas();
  let node = schema;
  for (let hops = 0; node?.$ref !== undefined && hops < 8; hops++) node = profile.schemaById.get(node.$ref) ?? schemas.get(node.$ref);
  return node;
}

/**
 * The schema of an answer of `op` (with `code` when it is an error), or undefined where none is
 * modelled: a success of the profile's operation has its response schema, an error its code's.
 */
export function answerSchema(op: string, code: string | undefined, profile: OperationProfile = LIST_EXECUTORS): JsonSchema | undefined {
  schemas ??= loadAllSchemas();
  if (code === undefined) return op === profile.operation ? profile.schemas.response : undefined;
  return schemas.get(ERROR_SCHEMAS[code] ?? 'aws-json-error.schema.json');
}

/**
 * What `schema` says of the member at `path`: segments joined by `.`, `[]` for the items of an array;
 * references resolve among the profile's schemas, then those of schemas/.
 */
export function memberReading(schema: JsonSchema, path: string, profile: OperationProfile = LIST_EXECUTORS): MemberReading {
  let node = resolved(schema, profile);
  let reading: MemberReading = UNKNOWN;
  for (const segment of path.split('.')) {
    const [name, ...arrays] = segment.split('[]');
    const member = resolved(node?.properties?.[name], profile);
    if (!member) return UNKNOWN;
    reading = { known: true, required: node?.required?.includes(name) ?? false };
    node = member;
    for (let depth = 0; depth < arrays.length; depth++) {
      node = resolved(node.items, profile);
      if (!node) return UNKNOWN;
      reading = { known: true, required: false };
    }
  }
  return { ...reading, type: node?.type, enum: node?.enum };
}
