/**
 * ajv validators of a profile's schemas (request, response, item, and the body of its seeding route),
 * compiled once per profile with the same options and error lines as the package's own
 * (src/schema/validators.ts).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { JsonSchema } from '../schema/load.js';
import { formatAjvError, type Validation } from '../schema/validators.js';
import type { OperationProfile } from './profile.js';

/** Which of a profile's schemas to validate against (`seed`: a seeding body, `{[parent.seedMember]: [item, ...]}`). */
export type ProfileSchema = 'request' | 'response' | 'item' | 'seed';

const compiled = new WeakMap<OperationProfile, Map<ProfileSchema, ValidateFunction>>();

/**
 * The body of the seeding route, `{[parent.seedMember]: [item, ...]}` (`{"executors": [...]}` for
 * ListExecutors): what schemas/session-seed.schema.json says of it, for any profile (unknown members
 * allowed).
 */
function seedSchema(profile: OperationProfile): JsonSchema {
  const { item } = profile.schemas;
  const member = profile.parent.seedMember;
  return { type: 'object', required: [member], properties: { [member]: { type: 'array', items: item.$id ? { $ref: item.$id } : item } } };
}

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
    fns.set('seed', ajv.compile(seedSchema(profile)));
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
