/**
 * A target that throttles every call reaches no verdict: against a correct endpoint written for the
 * tests (test/helpers/small-endpoint.ts) that answers every ListExecutors call after the preflight's
 * with 400 ThrottlingException, every property that runs is `inconclusive` with the throttling as its
 * reason, none passes, and the exit code the CLI takes from the report is 2. (The retry policy is made
 * fast here; the default one waits up to a minute per call before it gives up, as a live run should.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { exitCodeOf } from '../src/contract/report/summary.js';
import { observedSession, startSmallEndpoint, type SmallEndpoint } from './helpers/small-endpoint.js';

const throttled = { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }) };

let endpoint: SmallEndpoint;
beforeAll(async () => {
  // Request 0 is the preflight's probe and request 1 its session check; from then on, only throttling.
  endpoint = await startSmallEndpoint({ sessions: { observed: observedSession() }, intercept: (n) => (n >= 2 ? throttled : undefined) });
});
afterAll(() => endpoint.close());

describe('an endpoint that throttles every call', () => {
  it('leaves every property inconclusive, naming the throttling, and exits 2', async () => {
    const report = await verify({ endpoint: endpoint.url, sessionIds: ['observed'], runs: 3, seed: 5, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    expect(exitCodeOf(report)).toBe(2);
    const ran = report.properties.filter((p) => p.status !== 'skipped');
    expect(ran.length).toBeGreaterThan(0);
    for (const p of ran) {
      expect(p.status, p.id).toBe('inconclusive');
      expect(p.reason, p.id).toMatch(/throttled past the retry budget.*ThrottlingException/);
    }
    expect(report.summary).toMatchObject({ passed: 0, failed: 0, inconclusive: ran.length });
  });
});
