/**
 * The client-mock handler against the HTTP emulator, both behind a real AthenaClient: for generated
 * populations and requests, the same pages, the same NextTokens (a token from one continues the walk
 * on the other), and the same exception classes with the same members.
 */
import { AthenaClient, ListExecutorsCommand, type ListExecutorsCommandInput } from '@aws-sdk/client-athena';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executorPopulation, invalid, listExecutorsRequest, sessionId, valid } from '../src/arbitraries/index.js';
import { listExecutorsHandler, type ListExecutorsHandler } from '../src/client-mock.js';
import { DUMMY_CREDENTIALS, startEmulator, type Emulator } from '../src/emulator/index.js';

/** What user code can observe of one call, minus the request id (fresh on every answer). */
type Outcome =
  | { ok: true; status: number | undefined; output: Record<string, unknown> }
  | { ok: false; status: number | undefined; error: Record<string, unknown> };

async function outcome(client: AthenaClient, input: ListExecutorsCommandInput): Promise<Outcome> {
  try {
    const { $metadata, ...output } = await client.send(new ListExecutorsCommand(input));
    expect(typeof $metadata.requestId).toBe('string');
    return { ok: true, status: $metadata.httpStatusCode, output };
  } catch (e) {
    const err = e as Error & { $fault?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
    expect(typeof err.$metadata?.requestId, String(e)).toBe('string');
    // The exception's class, and every member user code can read but the per-call metadata.
    const members = Object.fromEntries(Object.entries(err).filter(([k]) => k !== '$metadata' && k !== '$response' && k !== 'message'));
    return { ok: false, status: err.$metadata?.httpStatusCode, error: { class: Object.getPrototypeOf(err).constructor.name, name: err.name, message: err.message, ...members } };
  }
}

let emulator: Emulator;
let http: AthenaClient;
let mocked: AthenaClient;
let stub: AwsClientStub<AthenaClient>;
let handler: ListExecutorsHandler;

beforeAll(async () => {
  emulator = await startEmulator();
  http = emulator.client();
  mocked = new AthenaClient({ region: 'us-east-1', credentials: DUMMY_CREDENTIALS });
  // The instance, not the class: the HTTP client beside it must keep its real send().
  stub = mockClient(mocked);
  handler = listExecutorsHandler();
  stub.on(ListExecutorsCommand).callsFake(handler);
});

afterAll(async () => {
  stub.restore();
  http.destroy();
  await emulator.close();
});

/** Sends `input` to both and asserts that user code could not tell them apart; resolves to the handler's outcome. */
async function same(input: ListExecutorsCommandInput): Promise<Outcome> {
  const [fromHandler, fromHttp] = await Promise.all([outcome(mocked, input), outcome(http, input)]);
  // Strict: a member present but undefined on one side only is a difference user code can see.
  expect(fromHandler, JSON.stringify(input).slice(0, 300)).toStrictEqual(fromHttp);
  return fromHandler;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Inputs only JavaScript can send (no JSON value is like them): the SDK drops or rewrites these members. */
const jsOnly = (id: string): fc.Arbitrary<ListExecutorsCommandInput> =>
  fc.constantFrom<Record<string, unknown>>(
    { SessionId: id, MaxResults: Number.NaN },
    { SessionId: id, MaxResults: Number.POSITIVE_INFINITY },
    { SessionId: id, MaxResults: Number.NEGATIVE_INFINITY },
    { SessionId: id, MaxResults: null, NextToken: undefined },
    { SessionId: id, Unmodelled: 'dropped by the SDK' },
  ).map((input) => input as unknown as ListExecutorsCommandInput);

/** A seeded session, a second one with the same executors, and requests of every kind against them. */
const scenario = fc
  .record({
    id: sessionId(),
    other: sessionId(),
    unknown: sessionId(),
    // Sometimes with a member AWS may add one day: the SDK drops it, so user code never sees it.
    population: fc.tuple(executorPopulation({ maxSize: 30 }), fc.boolean()).map(([p, future]) => (future ? p.map((e) => ({ ...e, FutureMember: 1 })) : p)),
  })
  .filter(({ id, other, unknown }) => new Set([id, other, unknown]).size === 3)
  .chain((s) =>
    fc.record({
      ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, fc.constant(v)])) as { [K in keyof typeof s]: fc.Arbitrary<(typeof s)[K]> },
      walk: listExecutorsRequest(s.id),
      // Schema-valid requests: random tokens, filters and page sizes, on the seeded session or another.
      anyValid: fc.array(fc.tuple(valid('list-executors-request.schema.json'), fc.boolean()), { maxLength: 3 }),
      // One broken constraint each; SDK inputs are objects, so a body of another JSON type cannot be sent.
      broken: fc.array(invalid('list-executors-request.schema.json').filter((b) => isObject(b.value)), { maxLength: 3 }),
      jsOnly: fc.array(jsOnly(s.id), { maxLength: 2 }),
      tamperAt: fc.nat(),
    }),
  );

describe('listExecutorsHandler', () => {
  it('answers as the HTTP emulator does: same pages, tokens usable across both, same exception classes', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        for (const id of [s.id, s.other]) {
          emulator.seed(id, s.population);
          handler.seed(id, s.population);
        }
        try {
          // The walk alternates: each page's token goes to the next request on both sides.
          let request: ListExecutorsCommandInput = s.walk;
          let firstToken: string | undefined;
          for (let page = 0; page <= s.population.length + 1; page++) {
            const answer = await same(request);
            expect(answer.ok).toBe(true);
            const token = answer.ok ? (answer.output.NextToken as string | undefined) : undefined;
            if (!token) break;
            firstToken ??= token;
            request = { ...request, NextToken: token };
          }
          if (firstToken) {
            // A token of another session, and a tampered one, are refused the same way by both.
            await same({ ...s.walk, SessionId: s.other, NextToken: firstToken });
            const i = s.tamperAt % firstToken.length;
            await same({ ...s.walk, NextToken: `${firstToken.slice(0, i)}${firstToken[i] === 'A' ? 'B' : 'A'}${firstToken.slice(i + 1)}` });
          }
          await same({ ...s.walk, SessionId: s.unknown });
          for (const [request, onSeeded] of s.anyValid) await same(onSeeded ? { ...request, SessionId: s.id } : request);
          for (const b of s.broken) await same(b.value as ListExecutorsCommandInput);
          for (const input of s.jsOnly) await same(input);
        } finally {
          for (const id of [s.id, s.other]) {
            emulator.drop(id);
            handler.drop(id);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an invalid seed with one line naming the session and the problem', () => {
    expect(() => handler.seed('s-1', [{ ExecutorId: 'a' }, { ExecutorId: 'a' }])).toThrow(/seed\("s-1"\).*appears twice/);
  });
});
