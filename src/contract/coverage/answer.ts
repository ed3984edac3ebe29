/**
 * An answer as coverage counts it: `200`, `400 InvalidRequestException`, `503 (unnamed)`,
 * `no answer`. The error's name is read where the SDK reads it (`__type`, a body `code`, the
 * `X-Amzn-Errortype` header) and cut to its code.
 */
import { isObject } from '../../schema/json.js';
import { errorCode } from '../../wire/error-code.js';

/** What coverage needs of one call's outcome. */
export interface AnswerSeen {
  /** HTTP status, 0 when no answer came. */
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
  /** The SDK threw on the answer (for a 200: it could not read the body). */
  sdkFailed: boolean;
}

/** The error code an error answer names, if any. */
function codeOf(answer: AnswerSeen): string | undefined {
  const body = isObject(answer.json) ? answer.json : {};
  const codeKey = Object.keys(body).find((k) => k.toLowerCase() === 'code');
  const raw = [body.__type, codeKey === undefined ? undefined : body[codeKey], answer.headers?.['x-amzn-errortype']].find((v) => typeof v === 'string' && v !== '');
  return typeof raw === 'string' ? errorCode(raw) : undefined;
}

/** The answer's key in coverage tallies. */
export function answerKey(answer: AnswerSeen): string {
  if (answer.status === 0) return 'no answer';
  if (answer.status === 200) return answer.sdkFailed ? '200 (unreadable)' : '200';
  return `${answer.status} ${codeOf(answer) ?? '(unnamed)'}`;
}

/** Whether `key` is the answer of a call that succeeded. */
export function succeeded(key: string): boolean {
  return key === '200';
}
