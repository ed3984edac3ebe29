/**
 * Renders src/generated/constraints.ts: the request members' constraints and the enums of the
 * schemas, as data the model imports, so that its bounds are the schemas' and the model still reads
 * no file at run time.
 */
import { loadSchema, type JsonSchema, type SchemaFile } from './load.js';

/** The request schemas and the constant each one's constraints are emitted as (ListExecutors' keeps its first name). */
const REQUESTS = [
  ['list-executors-request.schema.json', 'REQUEST_CONSTRAINTS'],
  ['list-sessions-request.schema.json', 'LIST_SESSIONS_REQUEST_CONSTRAINTS'],
  ['list-calculation-executions-request.schema.json', 'LIST_CALCULATION_EXECUTIONS_REQUEST_CONSTRAINTS'],
] as const satisfies readonly (readonly [SchemaFile, string])[];
/** The enums emitted as constants; a member that `$ref`s one of them names the constant. */
const ENUM_FILES = ['executor-state.schema.json', 'executor-type.schema.json', 'session-state.schema.json', 'calculation-execution-state.schema.json'] as const satisfies readonly SchemaFile[];
const BOUNDS = ['minLength', 'maxLength', 'minimum', 'maximum'] as const;
/** The fields of the generated MemberConstraints interface and their types. */
const FIELDS: readonly (readonly [string, string])[] = [
  ['type', "'string' | 'integer'"],
  ['required', 'boolean'],
  ...BOUNDS.map((b) => [`${b}?`, 'number'] as const),
  ['pattern?', 'string'],
  ['enum?', 'readonly string[]'],
];

const list = (values: readonly unknown[] | undefined): string => `[${(values ?? []).map((v) => JSON.stringify(v)).join(', ')}]`;

const HEADER = `/**
 * GENERATED from schemas/ (${[...REQUESTS.map(([file]) => file), ...ENUM_FILES].join(', ')}) by \`npm run generate\`.
 * Do not edit by hand: change the schemas and regenerate. test/generated.test.ts fails when stale.
 */
`;

const PREAMBLE = `import type {
  CalculationExecutionState, ExecutorState, ExecutorType, ListCalculationExecutionsRequest, ListExecutorsRequest,
  ListSessionsRequest, SessionState,
} from './athena.js';

/** What the schema says of one request member: its JSON type, whether it is required, its bounds, its pattern, its enum. */
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
  if (typeof resolved.pattern === 'string') fields.push(`pattern: ${JSON.stringify(resolved.pattern)}`);
  if (ref) fields.push(`enum: ${constantName(resolved)}`);
  else if (resolved.enum) fields.push(`enum: ${list(resolved.enum)}`);
  return `  ${name}: { ${fields.join(', ')} },\n`;
}

function renderRequest([file, constant]: (typeof REQUESTS)[number]): string {
  const request = loadSchema(file);
  const required = new Set(request.required ?? []);
  const members = Object.entries(request.properties ?? {}).map(([name, m]) => renderMember(name, m, required.has(name)));
  return `
/** The constraints of every ${request.title} member, in schema order (schemas/${file}). */
export const ${constant} = {
${members.join('')}} as const satisfies Readonly<Record<keyof ${request.title}, MemberConstraints>>;
`;
}

/** The full text of src/generated/constraints.ts for the schemas on disk now. */
export function renderConstraints(): string {
  return `${HEADER}${PREAMBLE}${ENUM_FILES.map(renderEnum).join('')}${REQUESTS.map(renderRequest).join('')}`;
}
