/**
 * ajv validators of a profile's schemas (request, response, item), compiled once per profile with the
 * same options and error lines as the package's own (src/schema/validators.ts).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { formatAjvError, type Validation } from '../schema/validators.js';
import type { OperationProfile } from './profile.js';

/** Which of a profile's schemas to validate against. */
export type ProfileSchema = 'request' | 'response' | 'item';

const compiled = new WeakMap<OperationProfile, Map<ProfileSchema, ValidateFunction>>();

function validatorOf(profile: OperationProfile, which: ProfileSchema): ValidateFunction {
  let fns = compiled.get(profile);
  if (!fns) {
    const ajv = new Ajv({ strict: true, allErrors: true, unicodeRegExp: true });
    for (const [id, schema] of profile.schemaById) ajv.addSchema(schema, id);
    fns = new Map();
    for (const key of ['request', 'response', 'item'] as const) {
      const schema = profile.schemas[key];
      const fn = schema.$id ? ajv.getSchema(schema.$id) : ajv.compile(schema);
      if (!fn) throw new Error(`profile ${profile.operation}: the ${key} schema does not compile`);
      fns.set(key, fn);
    }
    compiled.set(profile, fns);
  }
  return fns.get(which) as ValidateFunction;
}

/** Validates `value` against one of the profile's schemas; never throws. */
export function validateFor(profile: OperationProfile, which: ProfileSchema, value: unknown): Validation {
  const fn = validatorOf(profile, which);
  if (fn(value)) return { ok: true };
  return { ok: false, errors: (fn.errors ?? []).map(formatAjvError) };
}

/**
 * The ajv function of one of the profile's schemas, for callers that read ajv's own errors (instance
 * paths, keywords) rather than the formatted lines of {@link validateFor}.
 */
export function profileValidator(profile: OperationProfile, which: ProfileSchema): ValidateFunction {
  return validatorOf(profile, which);
}
