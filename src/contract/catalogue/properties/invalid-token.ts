/**
 * `errors.invalid-token`: a NextToken the server never issued (random bytes, another session's
 * token) gets a well-formed 400 InvalidRequestException; a tampered token never gets a 5xx or another
 * session's data. An empty NextToken may be read as "from the start" or rejected, so none is sent.
 * Each kind of token is its own scenario, so a counterexample carries only what its kind uses. The
 * boundary cases add a filtered walk's token carried to the unfiltered walk or another filter (a 200
 * or a 400 both allowed: whether a token is bound to its filter is the server's choice).
 */
import fc from 'fast-check';
import { executorPopulation } from '../../../arbitraries/index.js';
import type { ListExecutorsRequest } from '../../../generated/athena.js';
import { tamperToken } from '../boundary/index.js';
import { describeAnswer, listCall } from '../call.js';
import type { CheckContext } from '../context.js';
import { defineProperty, type ScenarioContext } from '../property.js';
import { idOf, seededOnly, sessionDraw, withSessions, type OpenSession, type SessionDraw } from '../scaffold/index.js';
import { clip } from '../text.js';
import { runVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { expectWellFormedError } from '../well-formed.js';
import { executorsOf } from '../walk.js';
import { invalidTokenBoundary, type Garbage, type Scenario } from './invalid-token-cases.js';

/** Tokens no server issued: base64 and URL-safe noise, printable text, a UUID, the longest allowed. */
export const garbageToken = (): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.base64String({ minLength: 8, maxLength: 400 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{8,200}$/),
      fc.string({ minLength: 8, maxLength: 100, unit: 'grapheme-ascii' }),
      fc.uuid(),
      fc.constant('A'.repeat(2048)),
    )
    // A short all-digit string could be a real offset token; no server can be blamed for reading it.
    .filter((t) => t.trim() !== '' && !/^\d{1,7}$/.test(t));

const CODES = ['InvalidRequestException'];

async function expectInvalidToken(ctx: CheckContext, sessionId: string, token: string, maxResults: number, what: string): Promise<void> {
  const call = await listCall(ctx, { SessionId: sessionId, MaxResults: maxResults, NextToken: token });
  expectWellFormedError(ctx, call, CODES, 400, what);
}

/** The first page's token of `request`, or undefined when the target gave none. */
async function firstToken(ctx: CheckContext, request: ListExecutorsRequest): Promise<string | undefined> {
  const call = await listCall(ctx, request);
  const token = (call.json as { NextToken?: unknown } | undefined)?.NextToken;
  return call.status === 200 && typeof token === 'string' && token !== '' ? token : undefined;
}

/** What a token not meant for `request` may get: never a 5xx nor another session's executors; a 200, or a well-formed 400. */
async function checkMisused(ctx: CheckContext, request: ListExecutorsRequest, what: string, foreignIds: ReadonlySet<string>): Promise<void> {
  const call = await listCall(ctx, request);
  if (call.status >= 500 || call.status === 0) throw new ContractViolation(`${what}: ${describeAnswer(call)}`);
  if (call.status === 200) {
    const leaked = executorsOf(call.json).map(idOf).filter((id) => foreignIds.has(id));
    if (leaked.length) throw new ContractViolation(`${what} listed executors of another session: ${leaked.slice(0, 3).join(', ')}`);
    return;
  }
  expectWellFormedError(ctx, call, CODES, 400, what);
}

/** The request of `s`'s first page: filtered for a refiltered token. */
function firstRequest(s: Exclude<Scenario, Garbage>, sessionId: string): ListExecutorsRequest {
  return { SessionId: sessionId, MaxResults: s.maxResults, ...(s.kind === 'refiltered' ? { ExecutorStateFilter: s.filter } : {}) };
}

/** Sends the real `token` of `session` as `s`'s kind demands. */
function sendIssued(ctx: CheckContext, s: Exclude<Scenario, Garbage>, token: string, [session, other]: OpenSession[]): Promise<void> {
  const { sessionId } = session;
  if (s.kind === 'foreign') return expectInvalidToken(ctx, other.sessionId, token, s.maxResults, `session ${sessionId}'s token used for session ${JSON.stringify(other.sessionId)}`);
  const foreignIds = new Set((other?.population ?? []).map(idOf));
  if (s.kind === 'tampered')
    return checkMisused(ctx, { SessionId: sessionId, MaxResults: s.maxResults, NextToken: tamperToken(token, s.tamper) }, `a tampered token (${s.tamper.op} of a real one) for ${sessionId}`, foreignIds);
  const request = { SessionId: sessionId, MaxResults: s.maxResults, NextToken: token, ...(s.reuse ? { ExecutorStateFilter: s.reuse } : {}) };
  return checkMisused(ctx, request, `a token of a walk filtered by ${s.filter} used ${s.reuse ? `with filter ${s.reuse}` : 'unfiltered'} for ${sessionId}`, foreignIds);
}

/** Checks `s` on its open sessions: `session` first, then `other` where the kind draws one. */
async function checkKind(ctx: CheckContext, s: Scenario, open: OpenSession[]): Promise<void> {
  const [session] = open;
  if (s.kind === 'garbage') return expectInvalidToken(ctx, session.sessionId, s.token, s.maxResults, `a token no server issued (${JSON.stringify(clip(s.token, 40))})`);
  const token = await firstToken(ctx, firstRequest(s, session.sessionId));
  if (token === undefined) {
    ctx.stats.vacuousRuns++;
    return;
  }
  return sendIssued(ctx, s, token, open);
}

/** The sessions `s` needs opened: its own, and the other one where its kind (and mode) drew one. */
function drawsOf(s: Scenario): SessionDraw[] {
  return s.kind !== 'garbage' && s.other ? [s.session, s.other] : [s.session];
}

/** The scenarios of each kind: a token to send, a page size of 1..3, and the sessions the kind needs. */
function scenario(sc: ScenarioContext): fc.Arbitrary<Scenario> {
  // At least 4 executors and pages of at most 3: a seeded session always gives a token.
  const draw = () => sessionDraw(sc, executorPopulation({ minSize: 4, maxSize: 20 }));
  const maxResults = fc.integer({ min: 1, max: 3 });
  // Cross-shrinking lets a failure of any kind shrink to a garbage token where one fails too: the simplest case.
  return fc.oneof(
    { withCrossShrink: true },
    fc.record({ kind: fc.constant('garbage' as const), token: garbageToken(), maxResults, session: draw() }),
    fc.record({ kind: fc.constant('foreign' as const), maxResults, session: draw(), other: draw() }),
    fc.record({
      kind: fc.constant('tampered' as const),
      tamper: fc.oneof(fc.record({ op: fc.constant('flip' as const), at: fc.nat() }), fc.constant({ op: 'truncate' as const }), fc.constant({ op: 'append' as const })),
      maxResults,
      session: draw(),
      other: seededOnly(sc, draw()),
    }),
  );
}

/** The property value of `errors.invalid-token`. */
export const invalidToken = defineProperty({
  id: 'errors.invalid-token',
  law: "A NextToken the server never issued (random bytes, another session's token) gets a well-formed 400 InvalidRequestException; a tampered one never gets a 5xx or another session's data.",
  modes: ['seeded', 'observational'],
  vacuity: runVacuity('no NextToken could be obtained, or no other session was given'),
  scenario,
  boundary: invalidTokenBoundary,
  check: (s: Scenario, ctx) => withSessions(ctx, drawsOf(s), (open) => checkKind(ctx, s, open)),
});
