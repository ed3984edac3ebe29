/**
 * ajv validators for every schema, compiled once per process in strict mode, with errors rendered as
 * one readable line per problem (`MaxResults: must be <= 100`).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { loadAllSchemas, type SchemaFile } from './load.js';

/** The outcome of validating one value: `ok`, or the problems as readable lines. */
export type Validation = { ok: true } | { ok: false; errors: string[] };

let ajv: Ajv | undefined;
const compiled = new Map<SchemaFile, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: true, allErrors: true, unicodeRegExp: true });
    for (const [id, schema] of loadAllSchemas()) ajv.addSchema(schema, id);
  }
  return ajv;
}

/** The compiled ajv function of one schema (compiled on first use, then shared). */
export function validatorFor(file: SchemaFile): ValidateFunction {
  let fn = compiled.get(file);
  if (!fn) {
    fn = instance().getSchema(file);
    if (!fn) throw new Error(`schemas/${file}: not loaded`);
    compiled.set(file, fn);
  }
  return fn;
}

/** Renders one ajv error as `Path.To.Member: message`, the way users name members. */
export function formatAjvError(e: ErrorObject): string {
  const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
  const path = segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  const message = e.keyword === 'required' ? 'is required' : e.keyword === 'enum'
    ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
    : (e.message ?? e.keyword);
  return `${path || '(body)'}: ${message}`;
}

/** Validates `value` against one schema; never throws. */
export function validate(file: SchemaFile, value: unknown): Validation {
  const fn = validatorFor(file);
  if (fn(value)) return { ok: true };
  return { ok: false, errors: (fn.errors ?? []).map(formatAjvError) };
}
