/**
 * Renders src/generated/constraints.ts: the request members' constraints and the enums of the
 * schemas, as data the model imports, so that its bounds are the schemas' and the model still reads
 * no file at run time.
 */
import { loadSchema, type JsonSchema, type SchemaFile } from './load.js';

const REQUEST_FILE = 'list-executors-request.schema.json';
/** The enums emitted as constants; a member that `$ref`s one of them names the constant. */
const ENUM_FILES = ['executor-state.schema.json', 'executor-type.schema.json'] as const satisfies readonly SchemaFile[];
const BOUNDS = ['minLength', 'maxLength', 'minimum', 'maximum'] as const;
/** The fields of the generated MemberConstraints interface and their types. */
const FIELDS: readonly (readonly [string, string])[] = [
  ['type', "'string' | 'integer'"],
  ['required', 'boolean'],
  ...BOUNDS.map((b) => [`${b}?`, 'number'] as const),
  ['enum?', 'readonly string[]'],
];

const list = (values: readonly unknown[] | undefined): string => `[${(values ?? []).map((v) => JSON.stringify(v)).join(', ')}]`;

const HEADER = `/**
 * GENERATED from schemas/ (${[REQUEST_FILE, ...ENUM_FILES].join(', ')}) by \`npm run generate\`.
 * Do not edit by hand: change the schemas and regenerate. test/generated.test.ts fails when stale.
 */
`;

const PREAMBLE = `import type { ExecutorState, ExecutorType, ListExecutorsRequest } from './athena.js';

/** What the schema says of one request member: its JSON type, whether it is required, its bounds, its enum. */
export interface MemberConstraints {
${FIELDS.map(([field, type]) => `  readonly ${field}: ${type};\n`).join('')}}
`;

/** `ExecutorState` → `EXECUTOR_STATES`: the constant that lists an enum schema's values. */
function constantName(schema: JsonSchema): string {
  return `${String(schema.title).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}S`;
}

function renderEnum(file: SchemaFile): string {
  const schema = loadSchema(file);
  return `
/** The values of ${schema.title}, in schema order (schemas/${file}). */
export const ${constantName(schema)}: readonly ${schema.title}[] = ${list(schema.enum)};
`;
}

function renderMember(name: string, member: JsonSchema, required: boolean): string {
  const ref = ENUM_FILES.find((f) => f === member.$ref);
  const resolved = ref ? loadSchema(ref) : member;
  const fields = [`type: ${JSON.stringify(resolved.type)}`, `required: ${required}`];
  for (const bound of BOUNDS) if (typeof resolved[bound] === 'number') fields.push(`${bound}: ${resolved[bound]}`);
  if (ref) fields.push(`enum: ${constantName(resolved)}`);
  else if (resolved.enum) fields.push(`enum: ${list(resolved.enum)}`);
  return `  ${name}: { ${fields.join(', ')} },\n`;
}

/** The full text of src/generated/constraints.ts for the schemas on disk now. */
export function renderConstraints(): string {
  const request = loadSchema(REQUEST_FILE);
  const required = new Set(request.required ?? []);
  const members = Object.entries(request.properties ?? {}).map(([name, m]) => renderMember(name, m, required.has(name)));
  return `${HEADER}${PREAMBLE}${ENUM_FILES.map(renderEnum).join('')}
/** The constraints of every ${request.title} member, in schema order (schemas/${REQUEST_FILE}). */
export const REQUEST_CONSTRAINTS = {
${members.join('')}} as const satisfies Readonly<Record<keyof ListExecutorsRequest, MemberConstraints>>;
`;
}
