/**
 * `--rate N` paces every request a target receives (ListExecutors, its retries, seeding) to at most
 * N per second, seen from a small endpoint written here that notes when each request arrives; live
 * runs against AWS default to 5 per second, everything else is unpaced. Tolerances are generous:
 * this is the pacing's behaviour, not a speed figure.
 */
import { ListExecutorsCommand } from '@aws-sdk/client-athena';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { parseVerifyArgs } from '../src/cli/verify-command.js';
import { UsageError } from '../src/common/errors.js';
import { LIVE_DEFAULT_RATE, liveTarget } from '../src/targets/live-target.js';
import { startSmallEndpoint, type SmallEndpoint } from './helpers/small-endpoint.js';

let endpoint: SmallEndpoint | undefined;
const savedEnv = { ...process.env };

afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
  for (const k of ['AWS_ENDPOINT_URL_ATHENA', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'])
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
});

/** Whether arrivals `times` (ms) are spaced as `perSecond` allows: the span, and nine gaps in ten, at 90% of the interval. */
function pacedAt(times: readonly number[], perSecond: number): boolean {
  const interval = 1000 / perSecond;
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const span = times.at(-1)! - times[0];
  return span >= gaps.length * interval * 0.9 && gaps.filter((g) => g >= interval * 0.8).length >= gaps.length * 0.9;
}

describe('--rate', () => {
  it('reads a positive number of requests per second', () => {
    expect(parseVerifyArgs(['--rate', '20']).options.rate).toBe(20);
    expect(parseVerifyArgs(['--rate', '0.5']).options.rate).toBe(0.5);
    expect(parseVerifyArgs([]).options.rate).toBeUndefined();
    for (const bad of ['0', 'fast', '1e3', '2/s'])
      expect(() => parseVerifyArgs(['--rate', bad])).toThrow(new UsageError(`--rate: expected a positive number such as 5 or 0.5, got ${JSON.stringify(bad)}`));
  });

  it('--rate 20: the requests the endpoint receives, seeding included, arrive 1/20 s apart', async () => {
    endpoint = await startSmallEndpoint();
    // One call at a time: with several in flight the starts are paced, but each arrival also waits for its own connection.
    const report = await verify({ endpoint: endpoint.url, seeded: true, only: ['pagination.page-size'], runs: 3, seed: 1, rate: 20, concurrency: 1 });
    expect(report.properties[0].status).toBe('passed');
    const times = endpoint.requests.map((r) => r.at);
    expect(endpoint.requests.some((r) => r.method === 'PUT')).toBe(true);
    expect(times.length).toBeGreaterThan(8);
    expect(pacedAt(times, 20)).toBe(true);
  });

  it('(without --rate the same run is not paced: the check above tells the two apart)', async () => {
    endpoint = await startSmallEndpoint();
    await verify({ endpoint: endpoint.url, seeded: true, only: ['pagination.page-size'], runs: 3, seed: 1, concurrency: 1 });
    expect(pacedAt(endpoint.requests.map((r) => r.at), 20)).toBe(false);
  });
});

describe('the default rate of live runs', () => {
  const ENV = { AWS_ACCESS_KEY_ID: 'AKIDRATETEST', AWS_SECRET_ACCESS_KEY: 'rate-test-secret', AWS_REGION: 'eu-west-1' };

  async function arrivals(): Promise<number[]> {
    const target = await liveTarget();
    try {
      for (let i = 0; i < 4; i++) await target.client.send(new ListExecutorsCommand({ SessionId: 's' }));
    } finally {
      await target.close();
    }
    return endpoint ? endpoint.requests.map((r) => r.at) : [];
  }

  it(`is ${LIVE_DEFAULT_RATE} per second against AWS`, async () => {
    Object.assign(process.env, ENV);
    delete process.env.AWS_ENDPOINT_URL_ATHENA;
    nock.disableNetConnect();
    const times: number[] = [];
    nock('https://athena.eu-west-1.amazonaws.com')
      .post('/')
      .times(4)
      .reply(200, () => (times.push(performance.now()), { SessionId: 's', ExecutorsSummary: [] }), { 'content-type': 'application/x-amz-json-1.1' });
    await arrivals();
    expect(times).toHaveLength(4);
    expect(pacedAt(times, LIVE_DEFAULT_RATE)).toBe(true);
  });

  it('is none against an endpoint on this machine (an emulator has no AWS quota)', async () => {
    endpoint = await startSmallEndpoint({ sessions: { s: [] } });
    Object.assign(process.env, ENV, { AWS_ENDPOINT_URL_ATHENA: endpoint.url });
    const times = await arrivals();
    expect(times).toHaveLength(4);
    expect(pacedAt(times, LIVE_DEFAULT_RATE)).toBe(false);
  });
});
