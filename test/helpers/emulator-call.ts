/**
 * One JSON call to an emulator core, without HTTP: the tests of the emulator's operations, faults and
 * wire format send many, and read the answer's body as JSON where it is JSON (issue 21, item 6: one
 * helper where three test files had their own).
 */
import { AMZ_JSON, type EmulatorCore } from '../../src/emulator/index.js';
import type { WireResponse } from '../../src/wire/exchange.js';

/** The emulator's answer to one call: its status and headers, its body as JSON and as sent. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The body read as a JSON object; `{}` when it is empty or not JSON (one fault answers in plain text). */
  body: Record<string, unknown>;
  /** The body as the emulator sent it. */
  text: string;
}

/** `res` with its body read as JSON, where it is JSON. */
export function answerOf(res: WireResponse): Answer {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    // An empty or plain-text body: the test reads `text` then.
  }
  return { status: res.status, headers: res.headers, body, text: res.body };
}

/**
 * A POST of `body` to `core` as the SDK sends operation `target` (`ListExecutors`, `StartSession`, ...):
 * `body` is sent as JSON, or as it is when it is a string (for malformed and empty bodies).
 */
export function call(core: EmulatorCore, target: string, body: unknown): Answer {
  return answerOf(
    core.handle({
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': `AmazonAthena.${target}`, 'content-type': AMZ_JSON },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}
