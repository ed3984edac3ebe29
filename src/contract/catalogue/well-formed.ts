/**
 * "Well-formed error" of DESIGN.md (AWS JSON 1.1): a status that fits the fault, a JSON body whose
 * `__type` names the error (a `ns#` prefix and a `:...` suffix allowed), a message, an
 * `x-amzn-RequestId` header, and the SDK surfacing it as the matching exception. The protocol also
 * lets a server name the error in a body `code` or the `X-Amzn-Errortype` header, which every SDK
 * reads: those pass too, counted so that the property warns (real Athena sends `__type`).
 */
import type { CheckStats } from '../../common/results.js';
import { validate } from '../../schema/validators.js';
import { errorCode } from '../../wire/error-code.js';
import type { WireResponse } from '../../wire/exchange.js';
import type { SchemaFile } from '../../schema/load.js';
import type { ListCall } from './call.js';
import type { CheckContext } from './context.js';
import { clip } from './text.js';
import { ContractViolation } from './violation.js';

const modelled: Record<string, SchemaFile> = {
  InvalidRequestException: 'invalid-request-exception.schema.json',
  ResourceNotFoundException: 'resource-not-found-exception.schema.json',
  InternalServerException: 'internal-server-exception.schema.json',
};

/** Where an error names itself: the body's `__type` (what real Athena sends), a body `code`, or the `X-Amzn-Errortype` header. */
export type ErrorNamePlace = '__type' | 'code' | 'header';

/** The counter each tolerated place of an error's name adds to. */
const TOLERATED: Record<Exclude<ErrorNamePlace, '__type'>, keyof CheckStats> = { code: 'errorNamedByCode', header: 'errorNamedByHeader' };

/** What names an error: the raw name as sent, and where it stands. */
export interface ErrorName {
  raw: string;
  place: ErrorNamePlace;
}

/**
 * The name of the error `body` and `headers` carry, looked for where the JS SDK looks, in its order
 * (API.md, "How the JS SDK reads answers"): `__type`, else a body `code` (in any case), else the
 * `X-Amzn-Errortype` header; undefined when none names it.
 */
export function errorName(body: Record<string, unknown>, headers: Record<string, string>): ErrorName | undefined {
  const codeKey = Object.keys(body).find((k) => k.toLowerCase() === 'code');
  const candidates: [unknown, ErrorNamePlace][] = [
    [body.__type, '__type'],
    [codeKey === undefined ? undefined : body[codeKey], 'code'],
    [headers['x-amzn-errortype'], 'header'],
  ];
  const found = candidates.find(([raw]) => typeof raw === 'string' && raw !== '');
  return found ? { raw: found[0] as string, place: found[1] } : undefined;
}

/** What names the error, in words, for a problem's message. */
function named(name: ErrorName): string {
  return name.place === '__type' ? `__type ${JSON.stringify(name.raw)}` : name.place === 'code' ? `"code" ${JSON.stringify(name.raw)}` : `X-Amzn-Errortype ${JSON.stringify(name.raw)}`;
}

/** The problems of a JSON error body `b` named by `name`, expected to be one of `codes`. */
function namedProblems(call: ListCall, res: WireResponse, b: Record<string, unknown>, name: ErrorName, codes: readonly string[]): string[] {
  const problems: string[] = [];
  const code = errorCode(name.raw);
  if (!codes.includes(code)) problems.push(`${named(name)} names ${code}, expected ${codes.join(' or ')}`);
  const message = b.Message ?? b.message;
  if (code !== 'SerializationException' && (typeof message !== 'string' || message === '')) problems.push(`${code} has no Message`);
  if (!res.headers['x-amzn-requestid']) problems.push('no x-amzn-RequestId header');
  const schema = modelled[code];
  if (schema) {
    // The schemas know only __type: a name found elsewhere is checked as if it stood there.
    const v = validate(schema, name.place === '__type' ? b : { ...b, __type: name.raw });
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

/** The problems of `call` as an error with one of `codes` and `status`, and where its name stood. */
function inspect(call: ListCall, codes: readonly string[], status: number): { problems: string[]; place?: ErrorNamePlace } {
  const res = call.exchange?.response;
  if (!res) return { problems: [`no answer: ${call.exchange?.transportError ?? call.error?.message ?? 'unknown'}`] };
  const want = codes.join(' or ');
  if (res.status === 200) return { problems: [`expected a ${status} ${want}, got 200 (a success)`] };
  const problems = res.status !== status ? [`status ${res.status}, expected ${status} for ${want}`] : [];
  const body = call.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const ct = res.headers['content-type'] ?? 'no content-type';
    return { problems: [...problems, `error body is not a JSON object (${ct}): ${JSON.stringify(clip(res.body, 80))}`] };
  }
  const b = body as Record<string, unknown>;
  const name = errorName(b, res.headers);
  if (!name) return { problems: [...problems, 'error body has no __type (nor a "code", nor an X-Amzn-Errortype header): nothing names the error'] };
  return { problems: [...problems, ...namedProblems(call, res, b, name, codes)], place: name.place };
}

/**
 * The problems that keep `call` from being a well-formed error with one of `codes` and `status`;
 * empty when it is one. SerializationException alone may come without a message, as real Athena's does.
 */
export function errorProblems(call: ListCall, codes: readonly string[], status: number): string[] {
  return inspect(call, codes, status).problems;
}

/**
 * Throws a {@link ContractViolation} naming `what` and every problem unless `call` is a well-formed
 * error with one of `codes` and `status`: the expected-error law of the error properties. A
 * well-formed error named outside `__type` passes, counted in `ctx.stats` for the property's warning.
 */
export function expectWellFormedError(ctx: Pick<CheckContext, 'stats'>, call: ListCall, codes: readonly string[], status: number, what: string): void {
  const { problems, place } = inspect(call, codes, status);
  if (problems.length) throw new ContractViolation(`${what}: ${problems.join('; ')}`);
  if (place !== undefined && place !== '__type') ctx.stats[TOLERATED[place]]++;
}
