/**
 * "Well-formed error" of DESIGN.md (AWS JSON 1.1): a status that fits the fault, a JSON body whose
 * `__type` names the error (a `ns#` prefix and a `:...` suffix allowed), a message, an
 * `x-amzn-RequestId` header, and the SDK surfacing it as the matching exception.
 */
import { validate } from '../schema/validators.js';
import { errorCode } from '../wire/error-code.js';
import type { SchemaFile } from '../schema/load.js';
import type { ListCall } from './call.js';
import { clip } from './text.js';
import { ContractViolation } from './violation.js';

const modelled: Record<string, SchemaFile> = {
  InvalidRequestException: 'invalid-request-exception.schema.json',
  ResourceNotFoundException: 'resource-not-found-exception.schema.json',
  InternalServerException: 'internal-server-exception.schema.json',
};

/**
 * The problems that keep `call` from being a well-formed error with one of `codes` and `status`;
 * empty when it is one. SerializationException alone may come without a message, as real Athena's does.
 */
export function errorProblems(call: ListCall, codes: readonly string[], status: number): string[] {
  const res = call.exchange?.response;
  if (!res) return [`no answer: ${call.exchange?.transportError ?? call.error?.message ?? 'unknown'}`];
  const want = codes.join(' or ');
  if (res.status === 200) return [`expected a ${status} ${want}, got 200 (a success)`];
  const problems: string[] = [];
  if (res.status !== status) problems.push(`status ${res.status}, expected ${status} for ${want}`);
  const body = call.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const ct = res.headers['content-type'] ?? 'no content-type';
    problems.push(`error body is not a JSON object (${ct}): ${JSON.stringify(clip(res.body, 80))}`);
    return problems;
  }
  const b = body as Record<string, unknown>;
  // AWS JSON 1.1 names the error in the body's __type; the SDK would also read `code` or the
  // x-amzn-ErrorType header, but DESIGN.md's well-formed error is the body's __type.
  const rawType = b.__type;
  if (typeof rawType !== 'string' || rawType === '') {
    const elsewhere = typeof b.code === 'string' ? ` (it says "code": ${JSON.stringify(b.code)})` : res.headers['x-amzn-errortype'] ? ' (only the x-amzn-ErrorType header names it)' : '';
    problems.push(`error body has no __type${elsewhere}`);
    return problems;
  }
  const code = errorCode(rawType);
  if (!codes.includes(code)) problems.push(`__type ${JSON.stringify(rawType)} names ${code}, expected ${want}`);
  const message = b.Message ?? b.message;
  if (code !== 'SerializationException' && (typeof message !== 'string' || message === '')) problems.push(`${code} has no Message`);
  if (!res.headers['x-amzn-requestid']) problems.push('no x-amzn-RequestId header');
  const schema = modelled[code];
  if (schema) {
    const v = validate(schema, b);
    if (!v.ok) problems.push(`${code} body: ${v.errors.join('; ')}`);
  }
  const err = call.error;
  if (!err) problems.push('the SDK did not throw');
  else if (codes.includes(code)) {
    if (err.name !== code) problems.push(`the SDK surfaced ${err.name}, not ${code}`);
    if (err.$metadata?.httpStatusCode !== res.status) problems.push('the SDK saw no HTTP status');
  }
  return problems;
}

/**
 * Throws a {@link ContractViolation} naming `what` and every problem unless `call` is a well-formed
 * error with one of `codes` and `status`: the expected-error law of the error properties.
 */
export function expectWellFormedError(call: ListCall, codes: readonly string[], status: number, what: string): void {
  const problems = errorProblems(call, codes, status);
  if (problems.length) throw new ContractViolation(`${what}: ${problems.join('; ')}`);
}
