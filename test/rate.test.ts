/**
 * `--rate N` paces every request a target receives (ListExecutors, its retries, seeding) to at most
 * N per second, seen from a small endpoint written here that notes when each request arrives; live
 * runs against AWS default to 5 per second, everything else is unpaced. Judged on the arrival times
 * the endpoint recorded, by what pacing guarantees however loaded the machine (see pacedAt), not by
 * each gap: a process that stalls sends the request due during the stall late, and the next one on
 * time, a short gap that says nothing of the pacing (at load 10, up to one gap in five was short).
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

/** Node's timers count whole milliseconds: one may fire up to a millisecond before the `performance.now()` it was set for. */
const TIMER_SLACK_MS = 2;

/** The arrivals as ms after `since`, for a failure's message. */
const offsets = (times: readonly number[], since: number): string => JSON.stringify(times.map((t) => Math.round(t - since)));

/**
 * Whether arrivals `times` (`performance.now()` as the endpoint received each request, sent one at a
 * time by a run started at `since`) are paced at `perSecond`. Pacing gives each request a start slot
 * at least an interval after the one before, reserved when the request comes, which is after the
 * answer to the one before; a request arrives at its slot or later, never sooner. So, whatever the
 * load:
 * - the k-th request (from 0) arrives no sooner than k intervals after the run started: at most
 *   `perSecond` a second, counted from the start;
 * - requests m and k arrive at least k - m - 1 intervals apart (the slot of m + 1 comes after m
 *   arrived): any w gaps in a row span w - 1 intervals, so a short gap is only ever a late
 *   request's successor keeping its own slot, never two in a row.
 * Together they are exactly what a pacer at `perSecond` can produce; a faster sender breaks both
 * (unpaced, at load 10: 83 requests in 0.6 s where pacing needs 4.1 s). The gaps themselves are no
 * measure: at load 10 up to one in five was short, a stalled request followed by its successor on time.
 */
function pacedAt(times: readonly number[], perSecond: number, since: number): boolean {
  const interval = 1000 / perSecond;
  const counted = times.every((t, k) => t - since >= k * interval - TIMER_SLACK_MS);
  const spaced = times.every((t, k) => times.slice(0, k).every((earlier, m) => t - earlier >= (k - m - 1) * interval - TIMER_SLACK_MS));
  return counted && spaced;
}

describe('--rate', () => {
  it('reads a positive number of requests per second', () => {
    expect(parseVerifyArgs(['--rate', '20']).options.rate).toBe(20);
    expect(parseVerifyArgs(['--rate', '0.5']).options.rate).toBe(0.5);
    expect(parseVerifyArgs([]).options.rate).toBeUndefined();
    for (const bad of ['0', 'fast', '1e3', '2/s'])
      expect(() => parseVerifyArgs(['--rate', bad])).toThrow(new UsageError(`--rate: expected a positive number such as 5 or 0.5, got ${JSON.stringify(bad)}`));
  });

  /**
   * A rate well below what the same run sends unpaced, loaded or not: at load 24 the unpaced run of
   * page-size sent fewer than 20 requests a second (its checks take CPU), which a check at 20 could
   * not tell from pacing. A short run (a few seconds at this rate): unknown-session seeds, and lists.
   */
  const RATE = 5;
  const RUN = { seeded: true, only: ['errors.unknown-session'], runs: 5, seed: 1, concurrency: 1 } as const;

  it(`--rate ${RATE}: the requests the endpoint receives, seeding included, arrive 1/${RATE} s apart`, async () => {
    endpoint = await startSmallEndpoint();
    // One call at a time: with several in flight the starts are paced, but each arrival also waits for its own connection.
    const since = performance.now();
    const report = await verify({ ...RUN, endpoint: endpoint.url, rate: RATE });
    expect(report.properties[0].status).toBe('passed');
    const times = endpoint.requests.map((r) => r.at);
    expect(endpoint.requests.some((r) => r.method === 'PUT')).toBe(true);
    expect(times.length).toBeGreaterThan(8);
    expect(pacedAt(times, RATE, since), offsets(times, since)).toBe(true);
  });

  it('(without --rate the same run is not paced: the check above tells the two apart)', async () => {
    endpoint = await startSmallEndpoint();
    const since = performance.now();
    await verify({ ...RUN, endpoint: endpoint.url });
    const times = endpoint.requests.map((r) => r.at);
    expect(pacedAt(times, RATE, since), offsets(times, since)).toBe(false);
  });
});

describe('the default rate of live runs', () => {
  const ENV = { AWS_ACCESS_KEY_ID: 'AKIDRATETEST', AWS_SECRET_ACCESS_KEY: 'rate-test-secret', AWS_REGION: 'eu-west-1' };

  /** The run's start, before its target is made: no request can be sent sooner. */
  let since = 0;
  /** Calls enough that an unpaced run on a loaded machine is still far faster than the rate (4 took 0.2 s at load 20, where pacing needs 0.6 s). */
  const CALLS = 10;

  async function arrivals(): Promise<number[]> {
    since = performance.now();
    const target = await liveTarget();
    try {
      for (let i = 0; i < CALLS; i++) await target.client.send(new ListExecutorsCommand({ SessionId: 's' }));
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
      .times(CALLS)
      .reply(200, () => (times.push(performance.now()), { SessionId: 's', ExecutorsSummary: [] }), { 'content-type': 'application/x-amz-json-1.1' });
    await arrivals();
    expect(times).toHaveLength(CALLS);
    expect(pacedAt(times, LIVE_DEFAULT_RATE, since), offsets(times, since)).toBe(true);
  });

  it('is none against an endpoint on this machine (an emulator has no AWS quota)', async () => {
    endpoint = await startSmallEndpoint({ sessions: { s: [] } });
    Object.assign(process.env, ENV, { AWS_ENDPOINT_URL_ATHENA: endpoint.url });
    const times = await arrivals();
    expect(times).toHaveLength(CALLS);
    expect(pacedAt(times, LIVE_DEFAULT_RATE, since)).toBe(false);
  });
});
