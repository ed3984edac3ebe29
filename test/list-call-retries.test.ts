/**
 * `listCall` against small endpoints written here: the calls spent on retries are counted, the
 * ListCall keeps the final exchange while the run keeps every one, a call throttled past its budget
 * is inconclusive (not a contract answer), and a valid request's transient 5xx is sent once more and
 * recorded as flaky when the second answer is not a 5xx.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listCall } from '../src/contract/catalogue/call.js';
import { emptyStats, type CheckContext } from '../src/contract/catalogue/context.js';
import { InconclusiveError } from '../src/common/errors.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import type { Target } from '../src/targets/target.js';
import { startSmallEndpoint, type Answer, type SmallEndpoint } from './helpers/small-endpoint.js';

const SESSION = 'session-1';
const EXECUTORS = [{ ExecutorId: 'e-1', ExecutorState: 'CREATED', StartDateTime: 1_700_000_000_000 }];
const json = (status: number, body: object): Answer => ({ status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
const THROTTLED = json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
const INTERNAL = json(500, { __type: 'InternalServerException', Message: 'try again' });

let endpoint: SmallEndpoint | undefined;
let target: Target | undefined;

afterEach(async () => {
  await target?.close();
  await endpoint?.close();
  target = endpoint = undefined;
});

/** A context over an endpoint whose n-th ListExecutors answer is `intercept(n)` (the operation's when undefined). */
async function contextFor(intercept: (n: number) => Answer | undefined, maxAttempts = 8): Promise<CheckContext> {
  endpoint = await startSmallEndpoint({ sessions: { [SESSION]: EXECUTORS }, intercept });
  target = endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: false, retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 4 } });
  const ctx: CheckContext = { target, mode: 'observational', sessions: [SESSION], bounds: { maxPages: 100, maxWalkMs: 10_000 }, stats: emptyStats(), exchanges: [] };
  target.onExchange((e) => ctx.exchanges.push(e));
  return ctx;
}

describe('throttled calls', () => {
  it('are retried: the retries are counted, the call keeps the final exchange, the run every one', async () => {
    const ctx = await contextFor((n) => (n < 2 ? THROTTLED : undefined));
    const call = await listCall(ctx, { SessionId: SESSION });
    expect(call.status).toBe(200);
    expect(call.output?.ExecutorsSummary).toEqual(EXECUTORS);
    expect(ctx.stats).toMatchObject({ retries: 2, okCalls: 1, errorCalls: 0 });
    expect(ctx.exchanges.map((e) => e.response?.status)).toEqual([400, 400, 200]);
    expect(call.exchange).toBe(ctx.exchanges[2]);
  });

  it('still throttled after the budget: InconclusiveError, with the attempts and the last answer', async () => {
    const ctx = await contextFor(() => THROTTLED, 4);
    const error = await listCall(ctx, { SessionId: SESSION }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InconclusiveError);
    expect((error as Error).message).toBe('throttled past the retry budget: 4 attempts, last answer 400 ThrottlingException: Rate exceeded');
    expect(ctx.exchanges).toHaveLength(4);
    expect(ctx.stats.retries).toBe(3);
  });

  it('a contract answer after a throttled one is returned as it came', async () => {
    const ctx = await contextFor((n) => (n === 0 ? THROTTLED : undefined));
    const call = await listCall(ctx, { SessionId: 'no-such-session' });
    expect(call.status).toBe(400);
    expect(call.error?.name).toBe('ResourceNotFoundException');
    expect(ctx.stats).toMatchObject({ retries: 1, errorCalls: 1 });
  });
});

describe('a 5xx to a valid request', () => {
  it('without resendOn5xx: returned on the first answer, as the contract saw it', async () => {
    const ctx = await contextFor((n) => (n === 0 ? INTERNAL : undefined));
    const call = await listCall(ctx, { SessionId: SESSION });
    expect(call.status).toBe(500);
    expect(ctx.exchanges).toHaveLength(1);
    expect(ctx.stats).toMatchObject({ retries: 0, flaky: 0, errorCalls: 1 });
  });

  it('transient: sent once more, the second answer returned and the run counted flaky', async () => {
    const ctx = await contextFor((n) => (n === 0 ? INTERNAL : undefined));
    const call = await listCall(ctx, { SessionId: SESSION }, { resendOn5xx: true });
    expect(call.status).toBe(200);
    expect(call.exchange).toBe(ctx.exchanges[1]);
    expect(ctx.exchanges.map((e) => e.response?.status)).toEqual([500, 200]);
    expect(ctx.stats).toMatchObject({ retries: 1, flaky: 1, okCalls: 1, errorCalls: 0 });
  });

  it('repeated: the second 5xx is returned, not flaky', async () => {
    const ctx = await contextFor((n) => (n < 2 ? INTERNAL : undefined));
    const call = await listCall(ctx, { SessionId: SESSION }, { resendOn5xx: true });
    expect(call.status).toBe(500);
    expect(call.error?.name).toBe('InternalServerException');
    expect(ctx.exchanges).toHaveLength(2);
    expect(ctx.stats).toMatchObject({ retries: 1, flaky: 0, errorCalls: 1 });
  });

  it('a 4xx is never sent again', async () => {
    const ctx = await contextFor(() => undefined);
    const call = await listCall(ctx, { SessionId: SESSION, MaxResults: 0 }, { resendOn5xx: true });
    expect(call.status).toBe(400);
    expect(ctx.exchanges).toHaveLength(1);
    expect(ctx.stats).toMatchObject({ retries: 0, flaky: 0 });
  });
});
