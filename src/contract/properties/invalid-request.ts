/**
 * `errors.invalid-request`: a request that breaks one schema constraint gets a well-formed 400
 * InvalidRequestException; a value of the wrong JSON type may instead get 400 SerializationException.
 */
import fc from 'fast-check';
import { executorPopulation, invalid } from '../../arbitraries/index.js';
import type { ExecutorsSummary } from '../../generated/athena.js';
import { loadSchema } from '../../schema/load.js';
import { listCall } from '../call.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { freshSessionId } from '../scenarios.js';
import { withSeededSession } from '../seeded.js';
import { ContractViolation } from '../violation.js';
import { errorProblems } from '../well-formed.js';

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

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * The error codes a broken constraint may get. A wrong JSON type may get SerializationException too,
 * and so may an integer member beyond 32 bits, which no AWS deserializer can read as an Integer.
 */
export function allowedCodes(breaks: string, value: unknown): string[] {
  const max = (value as { MaxResults?: unknown } | null)?.MaxResults;
  const unreadable = typeof max === 'number' && (max < INT32.min || max > INT32.max);
  return breaks.endsWith('/type') || unreadable ? ['InvalidRequestException', 'SerializationException'] : ['InvalidRequestException'];
}

function validSessionId(value: unknown): string | undefined {
  const id = (value as { SessionId?: unknown } | null)?.SessionId;
  return typeof id === 'string' && id.length >= 1 && id.length <= 256 ? id : undefined;
}

async function expectRejected(ctx: CheckContext, value: unknown, breaks: string): Promise<void> {
  const call = await listCall(ctx, { raw: JSON.stringify(value) });
  const problems = errorProblems(call, allowedCodes(breaks, value), 400);
  if (problems.length) throw new ContractViolation(`a request breaking ${breaks} (${JSON.stringify(value).slice(0, 120)}): ${problems.join('; ')}`);
}

/** The property value of `errors.invalid-request`. */
export const invalidRequest = defineProperty({
  id: 'errors.invalid-request',
  law: 'A request that breaks one schema constraint gets a well-formed 400 InvalidRequestException (or SerializationException for a wrong JSON type).',
  modes: ['seeded', 'observational'],
  scenario: (): fc.Arbitrary<Scenario> =>
    fc.record({
      broken: invalid(loadSchema('list-executors-request.schema.json')).filter((b) => !nullOptional(b.value)),
      population: executorPopulation({ maxSize: 5 }),
      sessionId: freshSessionId(),
      session: fc.nat(),
    }).map(({ broken, ...rest }) => ({ value: broken.value, breaks: broken.breaks, ...rest })),
  async check(s: Scenario, ctx) {
    // When SessionId is not what is broken, it names a session that exists, so that the broken
    // constraint is the only thing wrong with the request (and no odd id has to travel in a URL).
    if (validSessionId(s.value) === undefined) return expectRejected(ctx, s.value, s.breaks);
    if (ctx.mode === 'observational') {
      const given = ctx.sessions[s.session % ctx.sessions.length];
      return expectRejected(ctx, { ...(s.value as object), SessionId: given }, s.breaks);
    }
    await withSeededSession(ctx, s.sessionId, s.population, () => expectRejected(ctx, { ...(s.value as object), SessionId: s.sessionId }, s.breaks));
  },
});
