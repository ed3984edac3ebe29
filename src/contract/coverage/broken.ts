/**
 * Which constraints of the request schema a request breaks, judged by validating the request itself
 * (ajv, every error), so that what coverage counts does not depend on how the request was made: a
 * random invalid value, a boundary case, or a walk's own page request all count alike.
 */
import { LIST_EXECUTORS, profileValidator, type OperationProfile } from '../../profiles/index.js';
import { isObject, parseJson } from '../../schema/json.js';
import { schemaFactsOf } from './schema-facts.js';

/** The body as a value: the object as given, or the raw text parsed (undefined when it is not JSON). */
export function requestValue(input: unknown): unknown {
  return isObject(input) && typeof input.raw === 'string' && Object.keys(input).length === 1 ? parseJson(input.raw) : input;
}

/** The request with its null optional members left out: AWS JSON reads them as absent. */
function withoutNulls(value: Record<string, unknown>, optional: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !(v === null && optional.includes(k))));
}

/** `<Member>/<keyword>` of one ajv error, as invalid() labels constraints; `(root)` for the body itself. */
function labelOf(e: { instancePath: string; keyword: string; params: Record<string, unknown> }): string {
  if (e.keyword === 'required') return `${String(e.params.missingProperty)}/required`;
  const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return `${path.length ? path.join('/') : '(root)'}/${e.keyword}`;
}

/**
 * The constraints `value` (a request body of `profile`'s operation, ListExecutors by default) breaks,
 * `<Member>/<keyword>`, in ajv's order. A member of the wrong type breaks its type alone (ajv also
 * reports the enum it then misses); a body that is not JSON at all breaks `(root)/type`, as one that
 * is not an object does.
 */
export function brokenConstraints(value: unknown, profile: OperationProfile = LIST_EXECUTORS): string[] {
  if (value === undefined) return ['(root)/type'];
  const validate = profileValidator(profile, 'request');
  if (validate(isObject(value) ? withoutNulls(value, schemaFactsOf(profile).optionalRequestMembers) : value)) return [];
  const labels = [...new Set((validate.errors ?? []).map(labelOf))];
  const mistyped = new Set(labels.filter((l) => l.endsWith('/type')).map((l) => l.slice(0, -'/type'.length)));
  return labels.filter((l) => l.endsWith('/type') || !mistyped.has(l.slice(0, l.lastIndexOf('/'))));
}
