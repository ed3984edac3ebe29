/**
 * Throttling is not a contract answer: a correct endpoint (written here, test/helpers/small-endpoint.ts)
 * that throttles 1 call in 10, the way AWS does under load (400 ThrottlingException), the way other
 * services do (429 with Retry-After) or by shedding load (503), passes the whole catalogue in seeded
 * and observational mode, with the calls spent on retries counted per property.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verify, type VerifyOptions, type VerifyReport } from '../src/app/verify.js';
import { observedSession, startSmallEndpoint, type Answer, type SmallEndpoint } from './helpers/small-endpoint.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 4 };
const SEEDED_ONLY = ['data.faithful', 'pagination.stable-under-inserts'];
const json = (status: number, body: object, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
  body: JSON.stringify(body),
});

const THROTTLING: [string, Answer][] = [
  ['400 ThrottlingException', json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' })],
  ['429 with Retry-After: 0', json(429, { message: 'Too Many Requests' }, { 'retry-after': '0' })],
  ['503', json(503, { __type: 'ServiceUnavailableException', message: 'Service is unavailable, try again' })],
];

let endpoint: SmallEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

/** An endpoint whose every 10th ListExecutors request is answered `throttled` (so never two in a row). */
async function throttlingEndpoint(throttled: Answer): Promise<SmallEndpoint> {
  endpoint = await startSmallEndpoint({ sessions: { observed: observedSession() }, intercept: (n) => (n % 10 === 9 ? throttled : undefined) });
  return endpoint;
}

function modeOptions(url: string, mode: 'seeded' | 'observational'): VerifyOptions {
  return mode === 'seeded' ? { endpoint: url, seeded: true } : { endpoint: url, sessionIds: ['observed'] };
}

function expectAllPassed(report: VerifyReport): void {
  const expected = report.mode === 'seeded' ? [] : SEEDED_ONLY;
  expect(report.properties.filter((p) => p.status === 'skipped').map((p) => p.id)).toEqual(expected);
  const notPassed = report.properties.filter((p) => p.status !== 'passed' && p.status !== 'skipped');
  expect(notPassed.map((p) => `${p.id}: ${p.status} ${p.counterexample?.message ?? p.reason ?? ''}`)).toEqual([]);
}

describe.each(['seeded', 'observational'] as const)('a correct endpoint throttling 1 call in 10, %s mode', (mode) => {
  it.each(THROTTLING)('%s: every property passes, with its retries counted', async (_, throttled) => {
    const { url, requests } = await throttlingEndpoint(throttled);
    // One call at a time: the endpoint throttles by arrival order, and the per-property count below needs each property's calls consecutive.
    const report = await verify({ ...modeOptions(url, mode), runs: 10, seed: 5, retry: FAST, concurrency: 1 });
    expectAllPassed(report);
    expect(requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(100);
    for (const p of report.properties) {
      const attempts = p.checks.okCalls + p.checks.errorCalls + p.checks.retries;
      // Ten consecutive ListExecutors requests always hold one throttled answer.
      if (attempts >= 10) expect(p.checks.retries, p.id).toBeGreaterThan(0);
    }
    expect(report.properties.reduce((n, p) => n + p.checks.retries, 0)).toBeGreaterThan(0);
  });
});

it('(the same endpoint with retries off does not pass: the retries are what makes it pass)', async () => {
  const { url } = await throttlingEndpoint(THROTTLING[0][1]);
  const outcome = await verify({ ...modeOptions(url, 'seeded'), runs: 10, seed: 5, retry: { maxAttempts: 1 }, only: ['response.conforms', 'errors.invalid-request'] }).catch((e: unknown) => e);
  const passedAll = typeof outcome === 'object' && outcome !== null && 'properties' in outcome && (outcome as VerifyReport).properties.every((p) => p.status === 'passed');
  expect(passedAll).toBe(false);
});
