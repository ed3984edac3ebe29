/**
 * Vacuity from coverage (issue 12, item 3; issue 13, item 4): a pass whose law is about pages warns
 * when no walk had a second page, a filter law when no filter matched, and an error property when
 * every call failed for another reason; correct targets earn none of these. Each against a small
 * endpoint written here (test/helpers/small-endpoint.ts) or the built-in emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import type { PropertyReport, Report } from '../src/common/results.js';
import { observedSession, startSmallEndpoint, type Answer, type SmallEndpoint } from './helpers/small-endpoint.js';

const SECOND_PAGE = 'pagination untested: no walk had a second page';
const PAGE_PROPERTIES = ['pagination.exactly-once', 'pagination.page-size', 'ordering.newest-first', 'errors.invalid-token'] as const;

const byId = (report: Report, id: string): PropertyReport => report.properties.find((p) => p.id === id)!;
const messages = (p: PropertyReport) => p.warnings.map((w) => w.message);

/** Whether `body` is a request the ListExecutors schema accepts (checked by hand, apart from the harness). */
function validRequest(body: string): boolean {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return false;
  }
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
  const len = (v: unknown) => [...String(v)].length;
  const { SessionId: sid, MaxResults: max, ExecutorStateFilter: filter, NextToken: token } = r;
  if (typeof sid !== 'string' || len(sid) < 1 || len(sid) > 256) return false;
  if (max != null && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100)) return false;
  if (filter != null && !['CREATING', 'CREATED', 'REGISTERED', 'TERMINATING', 'TERMINATED', 'FAILED'].includes(filter as string)) return false;
  return token == null || (typeof token === 'string' && len(token) <= 2048);
}

/** Answers every invalid request with a 500 or a 403 (not a 503: that is throttling, retried) in turn: never the 400 the law is about. */
function failOtherwise(n: number, body: string): Answer | undefined {
  if (validRequest(body)) return undefined;
  const [status, type] = n % 2 ? [500, 'InternalServerException'] : [403, 'AccessDeniedException'];
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: type, Message: 'not today' }) };
}

const ONE = { 'one-executor': [{ ExecutorId: 'only', ExecutorType: 'COORDINATOR', ExecutorState: 'REGISTERED', ExecutorSize: 1, StartDateTime: 1_700_000_000_000 }] };
const STATELESS = { stateless: Array.from({ length: 5 }, (_, i) => ({ ExecutorId: `e${i}`, ExecutorType: 'WORKER', StartDateTime: 1_700_000_000_000 + i })) };

let single: SmallEndpoint;
let stateless: SmallEndpoint;
let failing: SmallEndpoint;
let correct: SmallEndpoint;
beforeAll(async () => {
  [single, stateless, failing, correct] = await Promise.all([
    startSmallEndpoint({ sessions: ONE }),
    startSmallEndpoint({ sessions: STATELESS }),
    startSmallEndpoint({ sessions: { observed: observedSession() }, intercept: failOtherwise }),
    startSmallEndpoint({ sessions: { observed: observedSession() } }),
  ]);
});
afterAll(async () => {
  await Promise.all([single, stateless, failing, correct].map((e) => e.close()));
});

describe('no walk had a second page', () => {
  it('observational: a session no page size splits warns on every property whose law is about pages or tokens, and on no other', async () => {
    const report = await verify({ endpoint: single.url, sessionIds: Object.keys(ONE), seed: 1, runs: 15 });
    for (const id of PAGE_PROPERTIES) {
      const p = byId(report, id);
      expect(p.status, id).toBe('passed');
      expect(p.coverage!.walks.multiPage, id).toBe(0);
      expect(messages(p).some((m) => m.startsWith(SECOND_PAGE)), `${id}: ${messages(p).join('; ')}`).toBe(true);
      expect(p.warnings.find((w) => w.message.startsWith(SECOND_PAGE))!.kind).toBe('untested');
    }
    for (const id of ['response.conforms', 'filter.honoured']) expect(messages(byId(report, id)).filter((m) => m.startsWith(SECOND_PAGE)), id).toEqual([]);
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/properties left part of their law untested \(.*pagination\.exactly-once/);
  });
});

describe('a filter that never matched', () => {
  it('observational: executors without a state match no filter, and filter.honoured says so', async () => {
    const report = await verify({ endpoint: stateless.url, sessionIds: Object.keys(STATELESS), seed: 2, runs: 10, only: ['filter.honoured'] });
    const p = report.properties[0];
    expect(p.status).toBe('passed');
    expect(messages(p).join('\n')).toMatch(/^filter untested: no filtered walk listed an executor \(\d+ walks with /m);
  });
});

describe('an error property whose every call failed for another reason', () => {
  for (const mode of ['seeded', 'observational'] as const)
    it(`${mode}: every invalid request answered 500 or 403 fails errors.invalid-request and says no call tested the law`, async () => {
      const given = mode === 'seeded' ? { seeded: true } : { sessionIds: ['observed'] };
      const report = await verify({ endpoint: failing.url, ...given, seed: 3, runs: 5, only: ['errors.invalid-request', 'errors.unknown-session'] });
      const p = byId(report, 'errors.invalid-request');
      expect(p.status).toBe('failed');
      const warning = p.warnings.find((w) => w.message.startsWith('every call failed for another reason'));
      expect(warning?.message).toMatch(/none of its (1 call|\d+ calls) was answered 400 InvalidRequestException or SerializationException \(answers: .*(500 InternalServerException|403 AccessDeniedException)/);
      // Unknown sessions are valid requests, answered as the law says: no such warning there.
      expect(byId(report, 'errors.unknown-session').warnings).toEqual([]);
    });
});

describe('correct targets earn no coverage warning', () => {
  // One seed keeps the suite fast; the seeded checks below run at the default 100 runs.
  it('observational, seed 1: a correct endpoint over a session of 23 executors in every state', async () => {
    const report = await verify({ endpoint: correct.url, sessionIds: ['observed'], seed: 1, runs: 20 });
    expect(report.summary.failed).toBe(0);
    expect(report.properties.flatMap((p) => p.warnings)).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  for (const seed of [1, 2, 3])
    it(`seeded, seed ${seed}, default runs: the built-in emulator, on the properties whose coverage can warn`, async () => {
      const report = await verify({ seed, only: ['filter.honoured', 'errors.invalid-token', 'pagination.page-size', 'ordering.newest-first', 'errors.invalid-request'] });
      expect(report.summary.failed).toBe(0);
      expect(report.properties.flatMap((p) => p.warnings)).toEqual([]);
      expect(report.warnings).toEqual([]);
    });
});
