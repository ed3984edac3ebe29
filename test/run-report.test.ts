/**
 * Running apart from reporting: the runner tells a list of listeners, warnings are typed values that
 * summaries and merges key on by kind, and the aws-cli line of a failure names the target's own
 * endpoint for people (for the in-process emulator, where `athena-contract serve` listens).
 */
import { describe, expect, it } from 'vitest';
import type { PropertyReport, RunListener } from '../src/common/results.js';
import { mergeReports } from '../src/contract/report/shard-merge.js';
import { summarize } from '../src/contract/report/summary.js';
import { runContract } from '../src/contract/run-contract.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';

function passed(id: string, warnings: PropertyReport['warnings']): PropertyReport {
  return { id, law: 'a law', status: 'passed', runs: 3, durationMs: 1, counterexample: null, replay: null, warnings, checks: { executorsSeen: 1, okCalls: 1, errorCalls: 0, vacuousRuns: 0, runs: 3, boundary: 0, boundarySkipped: 0, retries: 0, flaky: 0, errorNamedByCode: 0, errorNamedByHeader: 0 } };
}

describe('the aws-cli line names the target’s endpoint for people', () => {
  it('the in-process emulator says where `athena-contract serve` listens by default; an endpoint says its URL', async () => {
    const emulator = emulatorTarget({ region: 'us-east-1' });
    const endpoint = endpointTarget({ url: 'http://127.0.0.1:4739', region: 'us-east-1', seeded: true });
    expect(emulator.cliEndpoint).toBe('http://127.0.0.1:4566');
    expect(endpoint.cliEndpoint).toBe('http://127.0.0.1:4739');
    await Promise.all([emulator.close(), endpoint.close()]);
  });

  it('a failure’s aws-cli line uses the target’s cliEndpoint, whatever the client talks to', async () => {
    const target = { ...emulatorTarget({ region: 'eu-west-1', faults: ['oldest-first'] }), cliEndpoint: 'http://emulator.test:9' };
    const report = await runContract({ target, mode: 'seeded', seed: 5, runs: 50, only: ['ordering.newest-first'] });
    expect(report.properties[0].counterexample?.awsCli).toMatch(/ --endpoint-url http:\/\/emulator\.test:9 --region eu-west-1$/);
    await target.close();
  });
});

describe('listeners', () => {
  it('every listener of the list hears every event in order, and the single `listener` last', async () => {
    const heard: string[] = [];
    const listener = (name: string): RunListener => ({
      propertyStart: (id) => heard.push(`${name} start ${id}`),
      propertyEnd: (p) => heard.push(`${name} end ${p.id}`),
    });
    const target = emulatorTarget({ region: 'us-east-1' });
    await runContract({ target, mode: 'seeded', seed: 1, runs: 2, only: ['response.conforms'], listeners: [listener('a'), listener('b')], listener: listener('c') });
    expect(heard).toEqual(['a start response.conforms', 'b start response.conforms', 'c start response.conforms', 'a end response.conforms', 'b end response.conforms', 'c end response.conforms']);
    await target.close();
  });
});

describe('typed warnings', () => {
  it('a run cut by the deadline warns with kind "interrupted", per property and for the run', async () => {
    const target = emulatorTarget({ region: 'us-east-1' });
    const report = await runContract({ target, mode: 'seeded', seed: 1, runs: 1_000_000, deadlineMs: 200, only: ['response.conforms', 'data.faithful'] });
    for (const p of report.properties) expect(p.warnings.map((w) => w.kind), p.id).toContain('interrupted');
    expect(report.warnings.map((w) => w.kind)).toContain('interrupted');
    await target.close();
  });

  it('the run-level summary counts properties by the kind of their warnings, never by their wording', () => {
    const { warnings } = summarize([passed('p.one', [{ kind: 'vacuous', message: 'tested nothing' }]), passed('p.two', [{ kind: 'interrupted', message: 'cut' }]), passed('p.three', [{ kind: 'shrink-budget', message: 'vacuous: not really' }])]);
    expect(warnings).toEqual([
      { kind: 'vacuous', message: '1 of 3 properties passed vacuously (p.one): a green run that tested nothing is not a pass' },
      { kind: 'interrupted', message: "1 of 3 properties were cut short by the run's deadline (p.two): they passed fewer runs than asked; raise --deadline" },
    ]);
  });

  it('merging shards keeps their interruptions by kind and asks the property itself for vacuity', () => {
    const shard = (index: number, warnings: PropertyReport['warnings'], executorsSeen: number) => {
      const p = { ...passed('pagination.exactly-once', warnings), checks: { executorsSeen, okCalls: 2, errorCalls: 0, vacuousRuns: 0, runs: 3, boundary: 0, boundarySkipped: 0, retries: 0, flaky: 0, errorNamedByCode: 0, errorNamedByHeader: 0 } };
      return { mode: 'seeded' as const, target: 't', seed: 1, runs: 6, properties: [p], ...summarize([p]), shard: { index, count: 2 }, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 };
    };
    const merged = mergeReports([shard(1, [{ kind: 'interrupted', message: 'cut short' }], 0), shard(2, [], 0)]);
    expect(merged.properties[0].warnings).toEqual([{ kind: 'vacuous', message: 'vacuous: every walk was empty, so no executor was checked' }, { kind: 'interrupted', message: 'cut short' }]);
    expect(merged.warnings.map((w) => w.kind)).toEqual(['vacuous', 'interrupted']);
  });
});
