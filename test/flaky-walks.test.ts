/**
 * A transient 5xx is not a contract answer: a correct endpoint (test/helpers/small-endpoint.ts) that
 * answers one page request with 500 and the same request, sent again, with the page, passes
 * pagination.exactly-once with the run counted as flaky; one that answers 500 twice in a row fails it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { startSmallEndpoint, type Answer, type SmallEndpoint } from './helpers/small-endpoint.js';

const internal: Answer = {
  status: 500,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r-500' },
  body: JSON.stringify({ __type: 'InternalServerException', Message: 'We encountered an internal error. Please try again.' }),
};

let endpoint: SmallEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

/** Request 0 is the preflight probe; the first page request of the first run comes next. */
async function exactlyOnceWith500s(at: readonly number[]) {
  endpoint = await startSmallEndpoint({ intercept: (n) => (at.includes(n) ? internal : undefined) });
  // One call at a time: the endpoint answers 500 by arrival order, so concurrent runs would split the two 500s between them.
  const report = await verify({ endpoint: endpoint.url, seeded: true, only: ['pagination.exactly-once'], runs: 5, seed: 11, concurrency: 1 });
  return report.properties[0];
}

describe('a transient 500 on a walk', () => {
  it('is sent once more, and a right second answer makes the run flaky, not failed', async () => {
    const p = await exactlyOnceWith500s([1]);
    expect(p.status).toBe('passed');
    expect(p.checks.flaky).toBe(1);
    expect(p.checks.retries).toBeGreaterThanOrEqual(1);
  });

  it('fails the property when the second answer is a 500 too', async () => {
    const p = await exactlyOnceWith500s([1, 2]);
    expect(p.status).toBe('failed');
    expect(p.counterexample?.message).toMatch(/500 InternalServerException/);
  });
});
