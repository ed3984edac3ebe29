/**
 * `errors.invalid-token`: a NextToken the server never issued (random bytes, another session's
 * token) gets a well-formed 400 InvalidRequestException; a tampered token never gets a 5xx or another
 * session's data. An empty NextToken may be read as "from the start" or rejected, so none is sent.
 */
import fc from 'fast-check';
import { executorPopulation } from '../../arbitraries/index.js';
import type { ExecutorsSummary } from '../../generated/athena.js';
import { describeAnswer, listCall } from '../call.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { runVacuity } from '../vacuity.js';
import { freshSessionId } from '../scenarios.js';
import { ContractViolation } from '../violation.js';
import { errorProblems } from '../well-formed.js';
import { executorsOf, idOf } from '../walk.js';
import { clip } from '../text.js';

type Tamper = { op: 'flip'; at: number } | { op: 'truncate' } | { op: 'append' };

interface Scenario {
  kind: 'garbage' | 'foreign' | 'tampered';
  garbage: string;
  tamper: Tamper;
  maxResults: number;
  /** Seeded mode: the session the tokens come from, and a second one. */
  a: { sessionId: string; population: ExecutorsSummary[] };
  b: { sessionId: string; population: ExecutorsSummary[] };
  /** Observational mode: indexes into the given sessions. */
  pickA: number;
  pickB: number;
}

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
  const problems = errorProblems(call, CODES, 400);
  if (problems.length) throw new ContractViolation(`${what}: ${problems.join('; ')}`);
}

/** The first page's token of `sessionId` with `maxResults`, or undefined when the target gave none. */
async function firstToken(ctx: CheckContext, sessionId: string, maxResults: number): Promise<string | undefined> {
  const call = await listCall(ctx, { SessionId: sessionId, MaxResults: maxResults });
  const token = (call.json as { NextToken?: unknown } | undefined)?.NextToken;
  return call.status === 200 && typeof token === 'string' && token !== '' ? token : undefined;
}

async function checkTampered(ctx: CheckContext, sessionId: string, token: string, s: Scenario, foreignIds: Set<string>): Promise<void> {
  const forged = tampered(token, s.tamper);
  const call = await listCall(ctx, { SessionId: sessionId, MaxResults: s.maxResults, NextToken: forged });
  const what = `a tampered token (${s.tamper.op} of a real one) for ${sessionId}`;
  if (call.status >= 500 || call.status === 0) throw new ContractViolation(`${what}: ${describeAnswer(call)}`);
  if (call.status === 200) {
    const leaked = executorsOf(call.json).map(idOf).filter((id) => foreignIds.has(id));
    if (leaked.length) throw new ContractViolation(`${what} listed executors of another session: ${leaked.slice(0, 3).join(', ')}`);
    return;
  }
  const problems = errorProblems(call, CODES, 400);
  if (problems.length) throw new ContractViolation(`${what}: ${problems.join('; ')}`);
}

/** The property value of `errors.invalid-token`. */
export const invalidToken = defineProperty({
  id: 'errors.invalid-token',
  law: "A NextToken the server never issued (random bytes, another session's token) gets a well-formed 400 InvalidRequestException; a tampered one never gets a 5xx or another session's data.",
  modes: ['seeded', 'observational'],
  vacuity: runVacuity,
  scenario: (): fc.Arbitrary<Scenario> =>
    fc.record({
      kind: fc.constantFrom('garbage' as const, 'foreign' as const, 'tampered' as const),
      garbage: garbageToken(),
      tamper: fc.oneof(fc.record({ op: fc.constant('flip' as const), at: fc.nat() }), fc.constant({ op: 'truncate' as const }), fc.constant({ op: 'append' as const })),
      maxResults: fc.integer({ min: 1, max: 3 }),
      a: fc.record({ sessionId: freshSessionId(), population: executorPopulation({ minSize: 4, maxSize: 20 }) }),
      b: fc.record({ sessionId: freshSessionId(), population: executorPopulation({ minSize: 4, maxSize: 20 }) }),
      pickA: fc.nat(),
      pickB: fc.nat(),
    }),
  async check(s: Scenario, ctx) {
    if (ctx.mode === 'observational') return checkObserved(s, ctx);
    if (s.a.sessionId === s.b.sessionId) return;
    const aIds = new Set(s.a.population.map(idOf));
    // Shrinking can make ids collide; a leak is only visible where B's executors are B's alone.
    const bPopulation = s.b.population.filter((e) => !aIds.has(idOf(e)));
    const seeding = ctx.target.seeding!;
    await seeding.put(s.a.sessionId, s.a.population);
    await seeding.put(s.b.sessionId, bPopulation);
    try {
      if (s.kind === 'garbage') return await expectInvalidToken(ctx, s.a.sessionId, s.garbage, s.maxResults, `a token no server issued (${JSON.stringify(clip(s.garbage, 40))})`);
      const token = await firstToken(ctx, s.a.sessionId, s.maxResults);
      if (token === undefined) {
        ctx.stats.vacuousRuns++;
        return;
      }
      if (s.kind === 'foreign') return await expectInvalidToken(ctx, s.b.sessionId, token, s.maxResults, `session ${s.a.sessionId}'s token used for session ${s.b.sessionId}`);
      await checkTampered(ctx, s.a.sessionId, token, s, new Set(bPopulation.map(idOf)));
    } finally {
      await seeding.drop(s.a.sessionId).catch(() => undefined);
      await seeding.drop(s.b.sessionId).catch(() => undefined);
    }
  },
});

async function checkObserved(s: Scenario, ctx: CheckContext): Promise<void> {
  const a = ctx.sessions[s.pickA % ctx.sessions.length];
  if (s.kind === 'garbage') return expectInvalidToken(ctx, a, s.garbage, s.maxResults, `a token no server issued (${JSON.stringify(clip(s.garbage, 40))})`);
  const token = await firstToken(ctx, a, s.maxResults);
  const others = ctx.sessions.filter((x) => x !== a);
  if (token === undefined || (s.kind === 'foreign' && others.length === 0)) {
    ctx.stats.vacuousRuns++;
    return;
  }
  if (s.kind === 'foreign') {
    const b = others[s.pickB % others.length];
    return expectInvalidToken(ctx, b, token, s.maxResults, `session ${a}'s token used for session ${b}`);
  }
  return checkTampered(ctx, a, token, s, new Set());
}
