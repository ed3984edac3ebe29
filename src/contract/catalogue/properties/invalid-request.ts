/**
 * `errors.invalid-request`: a request that breaks one schema constraint gets a well-formed 400
 * InvalidRequestException; a value of the wrong JSON type may instead get 400 SerializationException.
 */
import fc from 'fast-check';
import { executorPopulation, freshSessionId, invalid } from '../../../arbitraries/index.js';
import type { ExecutorsSummary } from '../../../generated/athena.js';
import { INT32, isObject } from '../../../schema/json.js';
import { loadSchema } from '../../../schema/load.js';
import { listCall } from '../call.js';
import { BOUNDARY_SESSION, brokenRequests } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { withSessions } from '../scaffold/index.js';
import { clip } from '../text.js';
import { runVacuity } from '../vacuity-rules.js';
import { expectWellFormedError } from '../well-formed.js';

interface Scenario {
  value: unknown;
  breaks: string;
  population: ExecutorsSummary[];
  /** Seeded mode: the session that stands in for a valid SessionId. */
  sessionId: string;
  /** Observational mode: which given session stands in for a valid SessionId. */
  session: number;
}

const OPTIONAL = ['ExecutorStateFilter', 'MaxResults', 'NextToken'];

/** AWS JSON reads a null member as an absent one, so a null optional member breaks nothing. */
function nullOptional(value: unknown): boolean {
  return typeof value === 'object' && value !== null && OPTIONAL.some((m) => (value as Record<string, unknown>)[m] === null);
}

/**
 * The error codes a broken constraint may get. A wrong JSON type may get SerializationException too,
 * and so may an integer member beyond 32 bits, which no AWS deserializer can read as an Integer.
 */
export function allowedCodes(breaks: string, value: unknown): string[] {
  const max = (value as { MaxResults?: unknown } | null)?.MaxResults;
  const unreadable = typeof max === 'number' && (max < INT32.min || max > INT32.max);
  return breaks.endsWith('/type') || unreadable ? ['InvalidRequestException', 'SerializationException'] : ['InvalidRequestException'];
}

/**
 * The request with only its broken constraint wrong. A NextToken the server never issued is a second
 * reason to reject (and a server that checks tokens first would hide the broken constraint), so a
 * token travels only when the token is what is broken.
 */
function isolate(value: unknown, breaks: string): unknown {
  if (!isObject(value) || breaks.startsWith('NextToken/') || !('NextToken' in value)) return value;
  const { NextToken: _dropped, ...rest } = value;
  return rest;
}

/** Whether the broken constraint is the SessionId itself (or the whole body), which must then travel as generated. */
function breaksSession(breaks: string): boolean {
  return breaks.startsWith('SessionId/') || breaks.startsWith('(root)/');
}

async function expectRejected(ctx: CheckContext, value: unknown, breaks: string): Promise<void> {
  const body = JSON.stringify(value);
  const call = await listCall(ctx, { raw: body });
  expectWellFormedError(ctx, call, allowedCodes(breaks, value), 400, `a request breaking ${breaks} (${clip(body, 120)})`);
}

/** The property value of `errors.invalid-request`. */
export const invalidRequest = defineProperty({
  id: 'errors.invalid-request',
  law: 'A request that breaks one schema constraint gets a well-formed 400 InvalidRequestException (or SerializationException for a wrong JSON type).',
  modes: ['seeded', 'observational'],
  vacuity: runVacuity('no session was given to stand in for a valid SessionId'),
  scenario: (): fc.Arbitrary<Scenario> =>
    fc.record({
      broken: invalid(loadSchema('list-executors-request.schema.json')).filter((b) => !nullOptional(b.value)),
      population: executorPopulation({ maxSize: 5 }),
      sessionId: freshSessionId(),
      session: fc.nat(),
    }).map(({ broken, ...rest }) => ({ value: isolate(broken.value, broken.breaks), breaks: broken.breaks, ...rest })),
  // Every constraint's near misses, in an empty session (seeded) or the first given one.
  boundary: (): Scenario[] => brokenRequests().map(({ value, breaks }) => ({ value, breaks, population: [], sessionId: BOUNDARY_SESSION, session: 0 })),
  async check(s: Scenario, ctx) {
    // When SessionId is not what is broken, it names a session that exists, so that the broken
    // constraint is the only thing wrong with the request: which of two faults a server reports
    // first is its own choice (and no odd id has to travel in a URL).
    const value = s.value;
    if (breaksSession(s.breaks) || !isObject(value)) return expectRejected(ctx, value, s.breaks);
    await withSessions(ctx, [{ sessionId: s.sessionId, population: s.population, pick: s.session }], ([session]) =>
      expectRejected(ctx, { ...value, SessionId: session.sessionId }, s.breaks),
    );
  },
});
