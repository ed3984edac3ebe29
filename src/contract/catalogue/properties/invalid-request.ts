/**
 * `errors.invalid-request`: a request that breaks one schema constraint gets a well-formed 400
 * InvalidRequestException; a value of the wrong JSON type may instead get 400 SerializationException.
 */
import fc from 'fast-check';
import { freshParentId, invalid, itemPopulation, type Item } from '../../../arbitraries/index.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../../profiles/index.js';
import { INT32, isObject } from '../../../schema/json.js';
import { lawCoverage, schemaFactsOf } from '../../coverage/index.js';
import { listCall } from '../call.js';
import { boundaryParent, brokenRequests, namingParent } from '../boundary/index.js';
import { profileOf, type CheckContext } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { withSessions } from '../scaffold/index.js';
import { clip } from '../text.js';
import { runVacuity } from '../vacuity-rules.js';
import { expectWellFormedError } from '../well-formed.js';

interface Scenario {
  value: unknown;
  breaks: string;
  population: Item[];
  /** Seeded mode: the parent that stands in for a valid parent id. */
  sessionId: string;
  /** Observational mode: which given parent stands in for a valid parent id. */
  session: number;
}

/** The error codes the law is about. */
const CODES = ['InvalidRequestException', 'SerializationException'];

/** AWS JSON reads a null member as an absent one, so a null optional member breaks nothing. */
function nullOptional(profile: OperationProfile, value: unknown): boolean {
  return isObject(value) && schemaFactsOf(profile).optionalRequestMembers.some((m) => value[m] === null);
}

/**
 * The error codes a broken constraint may get. A wrong JSON type may get SerializationException too,
 * and so may an integer member beyond 32 bits, which no AWS deserializer can read as an Integer.
 */
export function allowedCodes(profile: OperationProfile, breaks: string, value: unknown): string[] {
  const integers = Object.entries(profile.request).filter(([, f]) => f.type === 'integer').map(([m]) => m);
  const unreadable = isObject(value) && integers.some((m) => typeof value[m] === 'number' && ((value[m] as number) < INT32.min || (value[m] as number) > INT32.max));
  return breaks.endsWith('/type') || unreadable ? CODES : ['InvalidRequestException'];
}

/**
 * The request with only its broken constraint wrong. A token the server never issued is a second
 * reason to reject (and a server that checks tokens first would hide the broken constraint), so a
 * token travels only when the token is what is broken.
 */
function isolate(profile: OperationProfile, value: unknown, breaks: string): unknown {
  const token = profile.token;
  if (!isObject(value) || breaks.startsWith(`${token}/`) || !(token in value)) return value;
  const { [token]: _dropped, ...rest } = value;
  return rest;
}

/** Whether the broken constraint is the parent id itself (or the whole body), which must then travel as generated. */
function breaksParent(profile: OperationProfile, breaks: string): boolean {
  return breaks.startsWith(`${profile.parent.member}/`) || breaks.startsWith('(root)/');
}

async function expectRejected(ctx: CheckContext, value: unknown, breaks: string): Promise<void> {
  const body = JSON.stringify(value);
  const call = await listCall(ctx, { raw: body });
  expectWellFormedError(ctx, call, allowedCodes(profileOf(ctx), breaks, value), 400, `a request breaking ${breaks} (${clip(body, 120)})`);
}

/** `errors.invalid-request` in `profile`'s words. */
export function invalidRequestFor(profile: OperationProfile): ContractProperty<'errors.invalid-request'> {
  return defineProperty({
    id: 'errors.invalid-request',
    law: 'A request that breaks one schema constraint gets a well-formed 400 InvalidRequestException (or SerializationException for a wrong JSON type).',
    modes: ['seeded', 'observational'],
    vacuity: runVacuity(`no ${profile.parent.noun} was given to stand in for a valid ${profile.parent.member}`),
    coverage: lawCoverage(profile, { errors: CODES }),
    scenario: (sc): fc.Arbitrary<Scenario> => {
      const p = profileOf(sc);
      return fc
        .record({
          broken: invalid(p.schemas.request, { refs: p.schemaById }).filter((b) => !nullOptional(p, b.value)),
          population: itemPopulation(p, { maxSize: 5 }),
          sessionId: freshParentId(p),
          session: fc.nat(),
        })
        .map(({ broken, ...rest }) => ({ value: isolate(p, broken.value, broken.breaks), breaks: broken.breaks, ...rest }));
    },
    // Every constraint's near misses, each in an empty parent of its own (seeded) or the first given one.
    boundary: (sc): Scenario[] =>
      brokenRequests(profileOf(sc)).map(({ value, breaks }, i) => {
        const sessionId = boundaryParent(profileOf(sc), 'errors.invalid-request', i);
        return { value: sc.mode === 'seeded' ? namingParent(profileOf(sc), value, sessionId) : value, breaks, population: [], sessionId, session: 0 };
      }),
    async check(s: Scenario, ctx) {
      // When the parent id is not what is broken, it names a parent that exists, so that the broken
      // constraint is the only thing wrong with the request: which of two faults a server reports
      // first is its own choice (and no odd id has to travel in a URL).
      const value = s.value;
      const parent = profileOf(ctx).parent.member;
      if (breaksParent(profileOf(ctx), s.breaks) || !isObject(value)) return expectRejected(ctx, value, s.breaks);
      await withSessions(ctx, [{ sessionId: s.sessionId, population: s.population, pick: s.session }], ([session]) =>
        expectRejected(ctx, { ...value, [parent]: session.sessionId }, s.breaks),
      );
    },
  });
}

/** The property value of `errors.invalid-request` (ListExecutors' words). */
export const invalidRequest = invalidRequestFor(LIST_EXECUTORS);
