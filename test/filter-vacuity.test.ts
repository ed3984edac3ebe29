/**
 * `filter.honoured` skips a run whose walk cannot complete (that is pagination's failure, not the
 * filter's) and counts it as vacuous, so a pass where no run could compare anything carries the
 * vacuity warning. The target is a small ListExecutors server written here: it honours the filter,
 * and in `loop` mode every page hands back the same NextToken, so no walk ever completes.
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../src/contract/run-contract.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import type { Mode, Report } from '../src/common/results.js';
import { startServer, type LocalServer } from './helpers/http-server.js';

/** What the session holds: one executor in each of two states. */
const EXECUTORS = [
  { ExecutorId: 'e-1', ExecutorState: 'REGISTERED', ExecutorType: 'WORKER', StartDateTime: 1_764_000_001_000 },
  { ExecutorId: 'e-2', ExecutorState: 'FAILED', ExecutorType: 'WORKER', StartDateTime: 1_764_000_000_000 },
];

const WARNING = /vacuous: no run could apply its check \(no walk completed, so no filtered walk could be compared\)/;

/** A ListExecutors server on loopback that serves the seeding routes (and ignores what they load). */
function startListing(loop: boolean): Promise<LocalServer> {
  return startServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url?.startsWith('/_contract/sessions/')) {
        res.writeHead(204).end();
        return;
      }
      const request = JSON.parse(body) as { SessionId: string; ExecutorStateFilter?: string };
      const listed = EXECUTORS.filter((e) => !request.ExecutorStateFilter || e.ExecutorState === request.ExecutorStateFilter);
      const page = { SessionId: request.SessionId, ExecutorsSummary: listed, ...(loop ? { NextToken: 'again' } : {}) };
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'test-request' }).end(JSON.stringify(page));
    });
  });
}

async function runFilter(url: string, mode: Mode): Promise<Report> {
  const target = endpointTarget({ url, region: 'us-east-1', seeded: mode === 'seeded' });
  try {
    return await runContract({ target, mode, sessions: ['observed-1'], seed: 5, runs: 12, only: ['filter.honoured'] });
  } finally {
    await target.close();
  }
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => nock.enableNetConnect());

describe('filter.honoured counts a run whose walk is incomplete as vacuous', () => {
  let looping: LocalServer;
  let completing: LocalServer;
  beforeAll(async () => {
    looping = await startListing(true);
    completing = await startListing(false);
  });
  afterAll(() => Promise.all([looping.close(), completing.close()]));

  for (const mode of ['observational', 'seeded'] as const) {
    it(`${mode}: when no walk completes, every run is vacuous and the pass carries the warning`, async () => {
      const report = await runFilter(looping.url, mode);
      const p = report.properties[0];
      expect([p.id, p.status]).toEqual(['filter.honoured', 'passed']);
      // Every run is vacuous: the random ones and the boundary cases alike.
      expect(p.checks.vacuousRuns).toBe(p.runs + (p.boundary ?? 0));
      expect(p.runs).toBe(12);
      expect(p.boundary).toBeGreaterThan(0);
      // Read as text, so the check holds whether warnings are strings or { kind, message } values.
      expect(JSON.stringify(p.warnings)).toMatch(WARNING);
      expect(JSON.stringify(report.warnings)).toMatch(/1 of 1 properties passed vacuously \(filter\.honoured\)/);
    });
  }

  it('observational: when the walks complete, every run compares and no warning is given', async () => {
    const report = await runFilter(completing.url, 'observational');
    const p = report.properties[0];
    expect(p.status).toBe('passed');
    expect(p.checks.vacuousRuns).toBe(0);
    expect(p.warnings).toEqual([]);
  });
});
