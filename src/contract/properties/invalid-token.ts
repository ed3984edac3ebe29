/**
 * `errors.invalid-token`: a NextToken the server never issued (random bytes, another session's
 * token) gets a well-formed 400 InvalidRequestException; a tampered token never gets a 5xx or another
 * session's data. An empty NextToken may be read as "from the start" or rejected, so none is sent.
 * Each kind of token is its own scenario, so a counterexample carries only what its kind uses.
 */
import fc from 'fast-check';
import { executorPopulation } from '../../arbitraries/index.js';
import { describeAnswer, listCall } from '../call.js';
import type { CheckContext } from '../context.js';
import { defineProperty, type ScenarioContext } from '../property.js';
import { idOf, seededOnly, sessionDraw, withSessions, type OpenSession, type SessionDraw } from '../scaffold/index.js';
import { clip } from '../text.js';
import { runVacuity } from '../vacuity.js';
import { ContractViolation } from '../violation.js';
import { expectWellFormedError } from '../well-formed.js';
import { executorsOf } from '../walk.js';

type Tamper = { op: 'flip'; at: number } | { op: 'truncate' } | { op: 'append' };

/** A token no server issued, sent for `session`. */
interface Garbage {
  kind: 'garbage';
  token: string;
  maxResults: number;
  session: SessionDraw;
}

/** A real token of `session`, sent for `other`. */
interface Foreign {
  kind: 'foreign';
  maxResults: number;
  session: SessionDraw;
  other: SessionDraw;
}

/** A real token of `session`, changed, sent for `session`; seeded mode also seeds `other`, whose executors it must never list. */
interface Tampered {
  kind: 'tampered';
  tamper: Tamper;
  maxResults: number;
  session: SessionDraw;
  other?: SessionDraw;
}

type Scenario = Garbage | Foreign | Tampered;

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

function tampered(token: string, t: Tamper): string {
  if (t.op === 'truncate') return token.slice(0, Math.max(1, Math.floor(token.length / 2)));
  if (t.op === 'append') return `${token}AA`;
  const i = t.at % token.length;
  const replacement = token[i] === 'A' ? 'B' : 'A';
  return token.slice(0, i) + replacement + token.slice(i + 1);
}

const CODES = ['InvalidRequestException'];

async function expectInvalidToken(ctx: CheckContext, sessionId: string, token: string, maxResults: number, what: string): Promise<void> {
  const call = await listCall(ctx, { SessionId: sessionId, MaxResults: maxResults, NextToken: token });
  expectWellFormedError(ctx, call, CODES, 400, what);
}

/** The first page's token of `sessionId` with `maxResults`, or undefined when the target gave none. */
async function firstToken(ctx: CheckContext, sessionId: string, maxResults: number): Promise<string | undefined> {
  const call = await listCall(ctx, { SessionId: sessionId, MaxResults: maxResults });
  const token = (call.json as { NextToken?: unknown } | undefined)?.NextToken;
  return call.status === 200 && typeof token === 'string' && token !== '' ? token : undefined;
}

async function checkTampered(ctx: CheckContext, s: Tampered, sessionId: string, token: string, foreignIds: ReadonlySet<string>): Promise<void> {
  const forged = tampered(token, s.tamper);
  const call = await listCall(ctx, { SessionId: sessionId, MaxResults: s.maxResults, NextToken: forged });
  const what = `a tampered token (${s.tamper.op} of a real one) for ${sessionId}`;
  if (call.status >= 500 || call.status === 0) throw new ContractViolation(`${what}: ${describeAnswer(call)}`);
  if (call.status === 200) {
    const leaked = executorsOf(call.json).map(idOf).filter((id) => foreignIds.has(id));
    if (leaked.length) throw new ContractViolation(`${what} listed executors of another session: ${leaked.slice(0, 3).join(', ')}`);
    return;
  }
  expectWellFormedError(ctx, call, CODES, 400, what);
}

/** Checks `s` on its open sessions: `session` first, then `other` where the kind draws one. */
async function checkKind(ctx: CheckContext, s: Scenario, [session, other]: OpenSession[]): Promise<void> {
  if (s.kind === 'garbage') return expectInvalidToken(ctx, session.sessionId, s.token, s.maxResults, `a token no server issued (${JSON.stringify(clip(s.token, 40))})`);
  const token = await firstToken(ctx, session.sessionId, s.maxResults);
  if (token === undefined) {
    ctx.stats.vacuousRuns++;
    return;
  }
  if (s.kind === 'foreign') return expectInvalidToken(ctx, other.sessionId, token, s.maxResults, `session ${session.sessionId}'s token used for session ${other.sessionId}`);
  return checkTampered(ctx, s, session.sessionId, token, new Set((other?.population ?? []).map(idOf)));
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
  check: (s: Scenario, ctx) => withSessions(ctx, drawsOf(s), (open) => checkKind(ctx, s, open)),
});
