/**
 * What coverage counts against, read from the schemas: the request schema's constraints (named as
 * `errors.invalid-request` names what it breaks, `<Member>/<keyword>`), the executor's optional
 * members, and the states a filter may name. Derived, never listed by hand, so that a schema change
 * changes what a report must show.
 */
import { constraintsOf } from '../../arbitraries/index.js';
import { EXECUTOR_STATES } from '../../generated/constraints.js';
import { loadSchema, type SchemaFile } from '../../schema/load.js';

/** The request schema's file name. */
export const REQUEST_SCHEMA: SchemaFile = 'list-executors-request.schema.json';

/** Every breakable constraint of the request schema, `<Member>/<keyword>` (`(root)/type` for the body itself), in schema order. */
export const REQUEST_CONSTRAINT_KEYS: readonly string[] = constraintsOf(loadSchema(REQUEST_SCHEMA));

/** The members of the object schema `file` that it does not require. */
function optionalMembers(file: SchemaFile): string[] {
  const schema = loadSchema(file);
  const required = new Set(schema.required ?? []);
  return Object.keys(schema.properties ?? {}).filter((m) => !required.has(m));
}

/** The members of ExecutorsSummary the schema does not require: those a server may leave out. */
export const OPTIONAL_EXECUTOR_MEMBERS: readonly string[] = optionalMembers('executors-summary.schema.json');

/** The request members the schema does not require: AWS JSON reads a null one as absent. */
export const OPTIONAL_REQUEST_MEMBERS: readonly string[] = optionalMembers(REQUEST_SCHEMA);

/** The ExecutorState values, each a filter a walk may use. */
export const FILTER_STATES: readonly string[] = EXECUTOR_STATES;
