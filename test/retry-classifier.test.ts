/**
 * The retry classifier and strategy of the targets' clients, through the real SDK client over a
 * scripted wire: throttling answers are retried, every other answer (a 400 of the contract, a 500)
 * reaches the caller on the first attempt; Retry-After is honoured within the call's time budget; and
 * a long run at 1-in-10 throttling never runs the SDK's retry-token bucket dry.
 */
import { AthenaClient, ListExecutorsCommand } from '@aws-sdk/client-athena';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { observedClient } from '../src/targets/observed-client.js';
import type { RetryPolicy } from '../src/targets/retry-strategy.js';
import type { Send } from '../src/targets/send.js';
import { isThrottlingAnswer } from '../src/targets/throttling.js';
import { DUMMY_CREDENTIALS } from '../src/wire/credentials.js';
import type { WireResponse } from '../src/wire/exchange.js';
import { sdkHandler } from '../src/wire/sdk-handler.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

const FAST: Partial<RetryPolicy> = { baseDelayMs: 1, maxDelayMs: 4 };
const OK: WireResponse = { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"SessionId":"s","ExecutorsSummary":[]}' };

function answer(status: number, body: object | string, headers: Record<string, string> = {}): WireResponse {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r-1', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** A wire that gives `first` once, then 200s; and the number of requests it saw. */
function scripted(first: WireResponse): { send: Send; sent: () => number } {
  let n = 0;
  return { send: async () => (n++ === 0 ? first : OK), sent: () => n };
}

async function call(send: Send, retry: Partial<RetryPolicy> = FAST) {
  const client = observedClient(send, { endpoint: 'https://athena.us-east-1.amazonaws.com', region: 'us-east-1', credentials: DUMMY_CREDENTIALS, retry });
  try {
    return await client.send(new ListExecutorsCommand({ SessionId: 's' })).then(
      (output) => ({ output, error: undefined }),
      (error: Error & { $metadata?: { attempts?: number } }) => ({ output: undefined, error }),
    );
  } finally {
    client.destroy();
  }
}

const NOT_RETRIED: [string, WireResponse][] = [
  ['400 InvalidRequestException', answer(400, { __type: 'InvalidRequestException', Message: 'MaxResults must be between 1 and 100' })],
  ['400 ResourceNotFoundException', answer(400, { __type: 'ResourceNotFoundException', Message: 'no such session' })],
  ['500 InternalServerException', answer(500, { __type: 'InternalServerException', Message: 'boom' })],
  ['502 with an HTML body', answer(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' })],
  ['504 GatewayTimeout', answer(504, { __type: 'GatewayTimeoutException', message: 'upstream timed out' })],
];

const RETRIED: [string, WireResponse][] = [
  ['400 ThrottlingException', answer(400, { __type: 'ThrottlingException', message: 'Rate exceeded' })],
  ['400 TooManyRequestsException', answer(400, { __type: 'TooManyRequestsException', message: 'Too many requests' })],
  ['400 RequestLimitExceeded', answer(400, { __type: 'RequestLimitExceeded', message: 'Request limit exceeded.' })],
  ['503 SlowDown', answer(503, { __type: 'SlowDown', message: 'Please reduce your request rate.' })],
  ['400 SlowDown', answer(400, { __type: 'SlowDown', message: 'Please reduce your request rate.' })],
  ['429 without an error type', answer(429, { message: 'Too Many Requests' }, { 'retry-after': '0' })],
  ['503 ServiceUnavailable', answer(503, { __type: 'ServiceUnavailableException', message: 'Service is unavailable' })],
  ['503 with an HTML body', answer(503, '<html><body>Service Unavailable</body></html>', { 'content-type': 'text/html' })],
  // The SDK names the error from a body `code` or the X-Amzn-Errortype header too.
  ['400 ThrottlingException named by a body code', answer(400, { code: 'ThrottlingException', message: 'Rate exceeded' })],
  ['400 ThrottlingException named by the header', answer(400, { message: 'Rate exceeded' }, { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/' })],
];

describe('the retry classifier', () => {
  it.each(NOT_RETRIED)('%s reaches the caller on the first answer', async (_, first) => {
    const wire = scripted(first);
    const { output, error } = await call(wire.send);
    expect(output).toBeUndefined();
    expect(error?.$metadata?.attempts).toBe(1);
    expect(wire.sent()).toBe(1);
  });

  it.each(RETRIED)('%s is retried, and the retry answered', async (_, first) => {
    const wire = scripted(first);
    const { output, error } = await call(wire.send);
    expect(error).toBeUndefined();
    expect(output?.$metadata.attempts).toBe(2);
    expect(wire.sent()).toBe(2);
  });

  it('reads the status and the error name of an SDK error', () => {
    const sdkError = (name: string, httpStatusCode: number) => Object.assign(new Error('m'), { name, $metadata: { httpStatusCode } });
    expect(isThrottlingAnswer(sdkError('ThrottlingException', 400))).toBe(true);
    expect(isThrottlingAnswer(sdkError('Error', 429))).toBe(true);
    expect(isThrottlingAnswer(sdkError('Error', 503))).toBe(true);
    expect(isThrottlingAnswer(sdkError('InternalServerException', 500))).toBe(false);
    expect(isThrottlingAnswer(sdkError('InvalidRequestException', 400))).toBe(false);
  });
});

describe('the retry budget', () => {
  const THROTTLED = answer(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });

  it('stops after maxAttempts attempts, with the last throttling answer', async () => {
    let sent = 0;
    const { error } = await call(async () => (sent++, THROTTLED), { ...FAST, maxAttempts: 5 });
    expect(error?.name).toBe('ThrottlingException');
    expect(error?.$metadata?.attempts).toBe(5);
    expect(sent).toBe(5);
  });

  it('waits as long as Retry-After asks', async () => {
    const times: number[] = [];
    const first = answer(429, { message: 'Too Many Requests' }, { 'retry-after': '1' });
    const { output } = await call(async () => (times.push(performance.now()), times.length === 1 ? first : OK));
    expect(output?.$metadata.attempts).toBe(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(900);
  });

  it('waits no longer than the time a call may spend retrying, whatever Retry-After says', async () => {
    const times: number[] = [];
    const first = answer(429, { message: 'Too Many Requests' }, { 'retry-after': '30' });
    const { error } = await call(async () => (times.push(performance.now()), first), { ...FAST, maxRetryTimeMs: 300 });
    expect(error?.$metadata?.attempts).toBe(2);
    expect(times.at(-1)! - times[0]).toBeLessThan(3000);
  });
});

describe('a long run at 1-in-10 throttling', () => {
  // Error answers to invalid requests never succeed, so they never refund a retry's tokens: the case
  // that drains a bucket shared by all calls.
  const INVALID = answer(400, { __type: 'InvalidRequestException', Message: 'invalid' });
  const THROTTLED = answer(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });

  /** 1,200 calls whose every 10th attempt is throttled; how many of the throttled calls were not retried (18 s at load 20: hence the tests' timeouts). */
  async function unretriedThrottles(configure?: (send: Send) => AthenaClient): Promise<number> {
    let attempt = 0;
    const send: Send = async () => (++attempt % 10 === 0 ? THROTTLED : INVALID);
    const client = configure ? configure(send) : observedClient(send, { endpoint: 'https://athena.us-east-1.amazonaws.com', region: 'us-east-1', credentials: DUMMY_CREDENTIALS, retry: FAST });
    let unretried = 0;
    for (let i = 0; i < 1200; i++) {
      const error = await client.send(new ListExecutorsCommand({ SessionId: 's' })).then(() => undefined, (e: Error) => e);
      if (error?.name === 'ThrottlingException') unretried++;
    }
    client.destroy();
    return unretried;
  }

  it('retries every throttled call to the end', async () => {
    expect(await unretriedThrottles()).toBe(0);
  }, LOADED_TEST_TIMEOUT_MS);

  it('(the SDK standard strategy shared by all calls runs dry on the same run)', async () => {
    const shared = new StandardRetryStrategy({ maxAttempts: 8, backoff: { setDelayBase() {}, computeNextBackoffDelay: () => 0 } });
    const unretried = await unretriedThrottles(
      (send) =>
        new AthenaClient({
          endpoint: 'https://athena.us-east-1.amazonaws.com',
          region: 'us-east-1',
          credentials: DUMMY_CREDENTIALS,
          retryStrategy: shared,
          requestHandler: sdkHandler(send) as unknown as AthenaClient['config']['requestHandler'],
        }),
    );
    expect(unretried).toBeGreaterThan(0);
  }, LOADED_TEST_TIMEOUT_MS);
});
