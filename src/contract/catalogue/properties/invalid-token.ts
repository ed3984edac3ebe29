/**
 * `errors.invalid-token`: a token the server never issued (random bytes, another parent's token) gets
 * a well-formed 400 InvalidRequestException; a tampered token never gets a 5xx or another parent's
 * data. An empty token may be read as "from the start" or rejected, so none is sent. Each kind of
 * token is its own scenario, so a counterexample carries only what its kind uses. The boundary cases
 * add a filtered walk's token carried to the unfiltered walk or another filter (a 200 or a 400 both
 * allowed: whether a token is bound to its filter is the server's choice).
 */
import fc from 'fast-check';
import { itemPopulation } from '../../../arbitraries/index.js';
import { itemId, itemsOf, LIST_EXECUTORS, listRequest, valueAt, type ListParts, type OperationProfile } from '../../../profiles/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { longestToken, tamperToken } from '../boundary/index.js';
import { describeAnswer, listCall, type ListRequest } from '../call.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty, type ScenarioContext } from '../property.js';
import { seededOnly, sessionDraw, withSessions, type OpenSession, type SessionDraw } from '../scaffold/index.js';
import { clip, plural } from '../text.js';
import { runVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { expectWellFormedError } from '../well-formed.js';
import { invalidTokenBoundary, type Garbage, type Scenario } from './invalid-token-cases.js';

/** Tokens no server issued: base64 and URL-safe noise, printable text, a UUID, the longest allowed; none longer than the schema allows. */
export const garbageToken = (profile: OperationProfile): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.base64String({ minLength: 8, maxLength: 400 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{8,200}$/),
      fc.string({ minLength: 8, maxLength: 100, unit: 'grapheme-ascii' }),
      fc.uuid(),
      fc.constant(longestToken(profile)),
    )
    // A short all-digit string could be a real offset token; no server can be blamed for reading it.
    .filter((t) => t.trim() !== '' && !/^\d{1,7}$/.test(t) && t.length <= profile.tokenMax);

const CODES = ['InvalidRequestException'];

/** A request of the context's operation from its parts. */
function request(ctx: CheckContext, parts: ListParts): ListRequest {
  return listRequest(profileOf(ctx), parts);
}

async function expectInvalidToken(ctx: CheckContext, parent: string, token: string, maxResults: number, what: string): Promise<void> {
  const call = await listCall(ctx, request(ctx, { parent, pageSize: maxResults, token }));
  expectWellFormedError(ctx, call, CODES, 400, what);
}

/** The first page's token of `first`, or undefined when the target gave none. */
async function firstToken(ctx: CheckContext, first: ListRequest): Promise<string | undefined> {
  const call = await listCall(ctx, first);
  const token = valueAt(call.json, [profileOf(ctx).token]);
  return call.status === 200 && typeof token === 'string' && token !== '' ? token : undefined;
}

/** What a token not meant for `misused` may get: never a 5xx nor another parent's items; a 200, or a well-formed 400. */
async function checkMisused(ctx: CheckContext, misused: ListRequest, what: string, foreignIds: ReadonlySet<string>): Promise<void> {
  const profile = profileOf(ctx);
  const call = await listCall(ctx, misused);
  if (call.status >= 500 || call.status === 0) throw new ContractViolation(`${what}: ${describeAnswer(call)}`);
  if (call.status === 200) {
    const leaked = itemsOf(profile, call.json).map((e) => itemId(profile, e)).filter((id) => foreignIds.has(id));
    if (leaked.length) throw new ContractViolation(`${what} listed ${plural(profile.itemNoun)} of another ${profile.parent.noun}: ${leaked.slice(0, 3).join(', ')}`);
    return;
  }
  expectWellFormedError(ctx, call, CODES, 400, what);
}

/** The request of `s`'s first page: filtered for a refiltered token. */
function firstRequest(ctx: CheckContext, s: Exclude<Scenario, Garbage>, parent: string): ListRequest {
  return request(ctx, { parent, pageSize: s.maxResults, ...(s.kind === 'refiltered' ? { state: s.filter } : {}) });
}

/** Sends the real `token` of `session` as `s`'s kind demands. */
function sendIssued(ctx: CheckContext, s: Exclude<Scenario, Garbage>, token: string, [session, other]: OpenSession[]): Promise<void> {
  const profile = profileOf(ctx);
  const noun = profile.parent.noun;
  const { sessionId } = session;
  if (s.kind === 'foreign') return expectInvalidToken(ctx, other.sessionId, token, s.maxResults, `${noun} ${sessionId}'s token used for ${noun} ${JSON.stringify(other.sessionId)}`);
  const foreignIds = new Set((other?.population ?? []).map((e) => itemId(profile, e)));
  if (s.kind === 'tampered')
    return checkMisused(ctx, request(ctx, { parent: sessionId, pageSize: s.maxResults, token: tamperToken(token, s.tamper) }), `a tampered token (${s.tamper.op} of a real one) for ${sessionId}`, foreignIds);
  const reused = request(ctx, { parent: sessionId, pageSize: s.maxResults, token, ...(s.reuse ? { state: s.reuse } : {}) });
  return checkMisused(ctx, reused, `a token of a walk filtered by ${s.filter} used ${s.reuse ? `with filter ${s.reuse}` : 'unfiltered'} for ${sessionId}`, foreignIds);
}

/** Checks `s` on its open sessions: `session` first, then `other` where the kind draws one. */
async function checkKind(ctx: CheckContext, s: Scenario, open: OpenSession[]): Promise<void> {
  const [session] = open;
  if (s.kind === 'garbage') return expectInvalidToken(ctx, session.sessionId, s.token, s.maxResults, `a token no server issued (${JSON.stringify(clip(s.token, 40))})`);
  const token = await firstToken(ctx, firstRequest(ctx, s, session.sessionId));
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

/** The scenarios of each kind: a token to send, one of the three smallest page sizes (1..3), and the sessions the kind needs. */
function scenario(sc: ScenarioContext): fc.Arbitrary<Scenario> {
  const { pageBounds } = profileOf(sc);
  // At least 4 items and pages of at most 3: a seeded parent always gives a token.
  const draw = () => sessionDraw(sc, itemPopulation(profileOf(sc), { minSize: 4, maxSize: 20 }));
  const maxResults = fc.integer({ min: pageBounds.min, max: Math.min(pageBounds.max, pageBounds.min + 2) });
  // Cross-shrinking lets a failure of any kind shrink to a garbage token where one fails too: the simplest case.
  return fc.oneof(
    { withCrossShrink: true },
    fc.record({ kind: fc.constant('garbage' as const), token: garbageToken(profileOf(sc)), maxResults, session: draw() }),
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

/** `errors.invalid-token` in `profile`'s words. */
export function invalidTokenFor(profile: OperationProfile): ContractProperty<'errors.invalid-token'> {
  const { token, parent } = profile;
  return defineProperty({
    id: 'errors.invalid-token',
    law: `A ${token} the server never issued (random bytes, another ${parent.noun}'s token) gets a well-formed 400 InvalidRequestException; a tampered one never gets a 5xx or another ${parent.noun}'s data.`,
    modes: ['seeded', 'observational'],
    vacuity: runVacuity(`no ${token} could be obtained, or no other ${parent.noun} was given`),
    coverage: lawCoverage(profile, { pages: 'tokens', errors: CODES }),
    scenario,
    boundary: invalidTokenBoundary,
    check: (s: Scenario, ctx) => withSessions(ctx, drawsOf(s), (open) => checkKind(ctx, s, open)),
  });
}

/** The property value of `errors.invalid-token` (ListExecutors' words). */
export const invalidToken = invalidTokenFor(LIST_EXECUTORS);
