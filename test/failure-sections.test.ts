/**
 * One failure, one set of sections: console, JUnit and Markdown read the same message, by-hand line
 * and replay command from `failureSections`, and the exchange shown is the one that broke the law.
 */
import { describe, expect, it } from 'vitest';
import type { PropertyReport, Report } from '../src/common/results.js';
import { consoleReporter } from '../src/contract/report/formats/console.js';
import { failureSections } from '../src/contract/report/formats/failure-sections.js';
import { REPORTER_NAMES, REPORTERS } from '../src/contract/report/formats/index.js';
import type { Exchange } from '../src/wire/exchange.js';

const exchange = (body: string, answer: string | null): Exchange => ({
  request: { method: 'POST', path: '/', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body },
  ...(answer === null ? { transportError: 'connection reset' } : { response: { status: 200, headers: {}, body: answer } }),
  durationMs: 1,
});

function failed(exchanges: Exchange[], failingExchange: number | null): PropertyReport {
  return {
    id: 'ordering.newest-first',
    law: 'StartDateTime never increases',
    status: 'failed',
    runs: 2,
    durationMs: 5,
    counterexample: { message: 'newer after older', scenario: { request: { MaxResults: 4 } }, exchanges, failingExchange, awsCli: 'aws athena list-executors --session-id s', seed: 5, path: '1:0' },
    replay: 'npx athena-contract verify --only ordering.newest-first --seed 5 --path 1:0',
    warnings: [],
    checks: { executorsSeen: 2, okCalls: 2, errorCalls: 0, vacuousRuns: 0, runs: 2, boundary: 0, boundarySkipped: 0, retries: 0, flaky: 0, errorNamedByCode: 0, errorNamedByHeader: 0 },
  };
}

describe('failureSections', () => {
  it('shows the exchange that broke the law, else the last one made, with its answer or why none came', () => {
    const all = [exchange('{"a":1}', '{"ok":1}'), exchange('{"b":2}', null)];
    const culprit = failureSections(failed(all, 0));
    expect(culprit.exchanges).toEqual({ all, shown: 0, culprit: true });
    expect(culprit.request?.body).toBe('{"a":1}');
    expect(culprit.answer).toMatchObject({ status: 200, body: '{"ok":1}' });
    const last = failureSections(failed(all, null));
    expect(last.exchanges).toEqual({ all, shown: 1, culprit: false });
    expect(last.answer).toEqual({ transportError: 'connection reset' });
  });

  it('a failure without a counterexample has only its law and replay', () => {
    const sections = failureSections({ ...failed([], null), counterexample: null });
    expect(sections).toEqual({ id: 'ordering.newest-first', law: 'StartDateTime never increases', replay: 'npx athena-contract verify --only ordering.newest-first --seed 5 --path 1:0' });
  });

  it('console, JUnit and Markdown all carry the same message, by-hand line and replay command', () => {
    const p = failed([exchange('{"a":1}', '{"ok":1}')], 0);
    const report: Report = { mode: 'seeded', target: 't', seed: 5, runs: 2, properties: [p], warnings: [], summary: { passed: 0, failed: 1, skipped: 0, inconclusive: 0 }, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 5 };
    let text = '';
    consoleReporter({ write: (t) => void (text += t), live: false, color: false }).summary(report);
    const rendered = [text, ...REPORTER_NAMES.filter((n) => n !== 'json').map((n) => REPORTERS[n](report))];
    for (const out of rendered) for (const part of ['newer after older', 'aws athena list-executors --session-id s', p.replay!]) expect(out).toContain(part);
  });
});

describe('the reporters map', () => {
  it('names every file format the command line writes', () => {
    expect(REPORTER_NAMES).toEqual(['json', 'junit', 'markdown']);
  });
});
