/**
 * AWS JSON 1.1 responses: the content type, a request id on every answer, errors with a bare `__type`.
 */
import { randomUUID } from 'node:crypto';
import type { ModelError } from '../model/index.js';
import type { WireResponse } from '../wire/exchange.js';

/** The content type of every AWS JSON 1.1 answer. */
export const AMZ_JSON = 'application/x-amz-json-1.1';

/**
 * The largest request body the emulator reads: 1 MiB. Larger bodies get 413
 * RequestEntityTooLargeException (a 4xx, so clients see a client error, and a JSON body like every
 * other error); a ListExecutors request is at most a few kilobytes.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The one body-size rule of every binding: the 413 answer for a body over MAX_BODY_BYTES, given as
 * the string or as its UTF-8 byte count; undefined when the body fits.
 */
export function bodyTooLarge(body: string | number): WireResponse | undefined {
  // UTF-8 spends at most 3 bytes per UTF-16 unit, so most strings need no byte count.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: same answer: a shortcut only, route() counts the decoded body's UTF-8 bytes again whatever the HTTP binding counted, and three bytes per UTF-16 unit is UTF-8's most
  const over = typeof body === 'number' ? body > MAX_BODY_BYTES : body.length * 3 > MAX_BODY_BYTES && Buffer.byteLength(body) > MAX_BODY_BYTES;
  return over ? errorResponse(413, 'RequestEntityTooLargeException', `Request body: over ${MAX_BODY_BYTES} bytes; a ListExecutors request is a few kilobytes at most`) : undefined;
}

/** A response with a JSON body (or none, for 204) and a fresh x-amzn-RequestId. */
export function jsonResponse(status: number, body: unknown): WireResponse {
  return {
    status,
    headers: { 'content-type': AMZ_JSON, 'x-amzn-requestid': randomUUID() },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** An error response with a JSON body `{"__type": type, "Message": message, ...extra}`. */
export function errorResponse(status: number, type: string, message: string, extra: Record<string, unknown> = {}): WireResponse {
  return jsonResponse(status, { __type: type, Message: message, ...extra });
}

/** The response of a modelled error, its body exactly as the model wrote it. */
export function modelErrorResponse(error: ModelError): WireResponse {
  return jsonResponse(error.status, error.body);
}
