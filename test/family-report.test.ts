/**
 * The report of a run over several operations: each property's `operation` beside its `id` (the pair
 * unique), merged by `merge-reports` on that pair, a Markdown section per operation, the operation as
 * the JUnit testcase's class, the console's `Operation/id`, reproducer files and replay commands per
 * operation; and a report of ListExecutors alone rendered as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { replayCommandFor } from '../src/app/replay-command.js';
import { reproducerFile } from '../src/cli/report-files.js';
import type { PropertyReport, Report } from '../src/common/results.js';
import { catalogueFor } from '../src/contract/catalogue/index.js';
import { emptyStats } from '../src/contract/catalogue/context.js';
import { runContract, selectedOf } from '../src/contract/run-contract.js';
import { consoleReporter } from '../src/contract/report/formats/console.js';
import { renderJunit } from '../src/contract/report/formats/junit.js';
import { renderMarkdown } from '../src/contract/report/formats/markdown.js';
import { mergeReports } from '../src/contract/report/shard-merge.js';
import { summarize } from '../src/contract/report/summary.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import { FAMILY, LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS } from '../src/profiles/index.js';
import { startFamilyEndpoint, type FamilyEndpoint } from './helpers/family-cli-endpoint.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const dir = sharedTempDir('athena-contract-family-report-');
let faulty: FamilyEndpoint;
beforeAll(async () => {
  faulty = await startFamilyEndpoint({ fault: { operation: 'ListSessions', kind: 'oldest-first' } });
});
afterAll(async () => {
  await faulty?.close();
});

/** Runs the command line quietly and resolves to its exit code. */
async function cli(...argv: string[]): Promise<number> {
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await main(argv);
  } finally {
    quiet.mockRestore();
  }
}

/** A property report of law `id` of `operation` with `status`. */
function property(operation: string, id: string, status: PropertyReport['status']): PropertyReport {
  return { id, operation, law: `the law of ${id}`, status, runs: 3, boundary: 0, durationMs: 12, counterexample: null, replay: status === 'failed' ? `npx athena-contract verify --only ${operation}/${id} --seed 1 --path 0` : null, warnings: [], checks: emptyStats() };
}

/** A report of `properties`, of `operations`. */
function reportOf(properties: PropertyReport[], operations = [LIST_EXECUTORS, LIST_SESSIONS]): Report {
  return { mode: 'seeded', target: 'http://127.0.0.1:1', seed: 1, runs: 3, operations: operations.map((o) => o.operation), properties, ...summarize(properties, operations), startedAt: '2026-12-06T00:00:00.000Z', durationMs: 24 };
}

describe('selection: a law id in every operation run, Operation/id in that one', () => {
  it('selects by id across the operations, each in catalogue order, and by Operation/id alone', () => {
    const pairs = (only: string[]) => selectedOf(FAMILY, only).map((s) => `${s.profile.operation}/${s.property.id}`);
    expect(pairs(['ordering.newest-first'])).toEqual(['ListExecutors/ordering.newest-first', 'ListSessions/ordering.newest-first', 'ListCalculationExecutions/ordering.newest-first']);
    expect(pairs(['ListSessions/ordering.newest-first', 'errors.unknown-session'])).toEqual(['ListExecutors/errors.unknown-session', 'ListSessions/ordering.newest-first', 'ListCalculationExecutions/errors.unknown-session']);
    expect(selectedOf([LIST_SESSIONS]).map((s) => s.property)).toEqual(catalogueFor(LIST_SESSIONS));
  });

  it('the run tells its listeners which operation each property is of', async () => {
    const target = endpointTarget({ url: faulty.url, region: 'us-east-1', seeded: true });
    const started: string[] = [];
    try {
      const report = await runContract({ target, mode: 'seeded', seed: 1, runs: 2, operations: [LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS], only: ['response.conforms'], listener: { propertyStart: (id, _i, _n, operation) => started.push(`${operation}/${id}`) } });
      expect(started).toEqual(['ListSessions/response.conforms', 'ListCalculationExecutions/response.conforms']);
      expect(report.operations).toEqual(['ListSessions', 'ListCalculationExecutions']);
      expect(report.properties.map((p) => [p.operation, p.id, p.status])).toEqual([
        ['ListSessions', 'response.conforms', 'passed'],
        ['ListCalculationExecutions', 'response.conforms', 'passed'],
      ]);
    } finally {
      await target.close();
    }
  });
});

describe('merge-reports over two operations', { timeout: 300_000 }, () => {
  it('merges the shards on operation and id: one law passing in one operation and failing in the other stays two entries', async () => {
    const shards = join(dir, 'shards');
    const args = ['verify', '--endpoint', faulty.url, '--seeded', '--operation', 'ListExecutors,ListSessions', '--only', 'ordering.newest-first', '--runs', '20', '--seed', '7', '--no-progress'];
    const codes = [];
    for (const i of [1, 2]) codes.push(await cli(...args, '--shard', `${i}/2`, '--json', join(shards, `shard-${i}.json`)));
    // ListSessions' law fails in a shard that draws a failing run: in one of them at least.
    expect(codes).toContain(1);
    const merged = join(dir, 'merged.json');
    expect(await cli('merge-reports', shards, '--json', merged, '--markdown', join(dir, 'merged.md'))).toBe(1);
    const report = JSON.parse(readFileSync(merged, 'utf8')) as Report;
    expect(report.operations).toEqual(['ListExecutors', 'ListSessions']);
    expect(report.properties.map((p) => [p.operation, p.id, p.status])).toEqual([
      ['ListExecutors', 'ordering.newest-first', 'passed'],
      ['ListSessions', 'ordering.newest-first', 'failed'],
    ]);
    const parts = [1, 2].map((i) => JSON.parse(readFileSync(join(shards, `shard-${i}.json`), 'utf8')) as Report);
    const runsOf = (r: Report, operation: string) => r.properties.find((p) => p.operation === operation)!.runs;
    expect(runsOf(report, 'ListExecutors')).toBe(runsOf(parts[0], 'ListExecutors') + runsOf(parts[1], 'ListExecutors'));
    expect(report.properties[0].coverage?.operation).toBe('ListExecutors');
    expect(report.properties[1].coverage?.operation).toBe('ListSessions');
    expect(Object.keys(report.coverageByOperation ?? {})).toEqual(['ListExecutors', 'ListSessions']);
    expect(readFileSync(join(dir, 'merged.md'), 'utf8')).toMatch(/^## ListSessions$/m);
  });

  it('refuses to merge shards of runs over other operations', () => {
    const a = { ...reportOf([property('ListExecutors', 'data.faithful', 'passed')], [LIST_EXECUTORS]), shard: { index: 1, count: 2 } };
    const b = { ...reportOf([property('ListSessions', 'data.faithful', 'passed')], [LIST_SESSIONS]), shard: { index: 2, count: 2 } };
    expect(() => mergeReports([a, b], ['a.json', 'b.json'])).toThrow(/^merge-reports: b.json is of another run \(seed 1, 3 runs, seeded, ListSessions, .*\) than a.json \(seed 1, 3 runs, seeded, /);
  });

  it('a report of an older version (no operation) merges as ListExecutors, and keeps its members', () => {
    const old = (i: number): Report => {
      const { operation: _operation, ...p } = property('ListExecutors', 'data.faithful', 'passed');
      const { operations: _operations, ...r } = reportOf([p], [LIST_EXECUTORS]);
      return { ...r, shard: { index: i, count: 2 } };
    };
    const merged = mergeReports([old(1), old(2)]);
    expect(merged.properties).toHaveLength(1);
    expect(merged.properties[0]).toMatchObject({ id: 'data.faithful', status: 'passed', runs: 6 });
    expect(merged.properties[0].operation).toBeUndefined();
  });
});

describe('formats name the operation', () => {
  const report = reportOf([
    property('ListExecutors', 'ordering.newest-first', 'passed'),
    property('ListExecutors', 'errors.unknown-session', 'passed'),
    property('ListSessions', 'ordering.newest-first', 'failed'),
    property('ListSessions', 'errors.unknown-workgroup', 'passed'),
  ]);

  it('Markdown: the operations in the title, a section per operation with its table, failures as Operation/id, coverage per operation', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(/^# ListExecutors, ListSessions conformance report$/m);
    const sections = md.split(/^## /m).map((s) => s.split('\n')[0]);
    expect(sections.slice(1)).toEqual(['ListExecutors', 'ListSessions', '❌ `ListSessions/ordering.newest-first`', 'Coverage: ListExecutors', 'Coverage: ListSessions']);
    const own = (name: string) => md.slice(md.indexOf(`## ${name}\n`)).split(/^## /m)[1];
    expect(own('ListExecutors')).toMatch(/^2 passed, 0 failed, 0 skipped\.$/m);
    expect(own('ListExecutors')).toContain('`errors.unknown-session`');
    expect(own('ListSessions')).toMatch(/^1 passed, 1 failed, 0 skipped\.$/m);
    expect(own('ListSessions')).toContain('`errors.unknown-workgroup`');
    expect(own('ListSessions')).not.toContain('`errors.unknown-session`');
  });

  it('JUnit: the operation in each testcase class, the run\'s operations as a suite property', () => {
    const xml = renderJunit(report);
    expect(xml).toMatch(/<testcase classname="athena-contract\.seeded\.ListExecutors" name="ordering\.newest-first"/);
    expect(xml).toMatch(/<testcase classname="athena-contract\.seeded\.ListSessions" name="ordering\.newest-first"[^>]*>\s*<failure /);
    expect(xml).toContain('<property name="operations" value="ListExecutors,ListSessions"/>');
  });

  it('a run of ListExecutors alone renders as before: its title, its classes, no sections', () => {
    const alone = reportOf([property('ListExecutors', 'ordering.newest-first', 'passed')], [LIST_EXECUTORS]);
    expect(renderMarkdown(alone)).toMatch(/^# ListExecutors conformance report\n/);
    expect(renderMarkdown(alone)).not.toMatch(/^## ListExecutors$/m);
    expect(renderJunit(alone)).toMatch(/<testcase classname="athena-contract\.seeded" name="ordering\.newest-first"/);
    expect(renderJunit(alone)).not.toContain('name="operations"');
    expect(alone.coverage?.operation).toBe('ListExecutors');
  });

  it('console: Operation/id in the progress, the table and the failure; the operations in the last line', () => {
    const out: string[] = [];
    const reporter = consoleReporter({ write: (t) => out.push(t), live: true, color: false });
    reporter.propertyStart?.('ordering.newest-first', 2, 4, 'ListSessions');
    reporter.propertyStart?.('ordering.newest-first', 0, 4, 'ListExecutors');
    reporter.summary(report);
    const text = out.join('');
    expect(text).toContain('[3/4] ListSessions/ordering.newest-first …');
    expect(text).toContain('[1/4] ordering.newest-first …');
    expect(text).toMatch(/^ListSessions\/ordering\.newest-first +failed/m);
    expect(text).toMatch(/^✗ ListSessions\/ordering\.newest-first: /m);
    expect(text).toMatch(/1 failed, 3 passed, 0 skipped \(seed 1, seeded, ListExecutors \+ ListSessions, /);
  });

  it('reproducer files and replay commands: the id alone for ListExecutors, the operation for another', () => {
    expect(reproducerFile('out', 'ordering.newest-first')).toBe(join('out', 'ordering.newest-first.sh'));
    expect(reproducerFile('out', 'ordering.newest-first', 'ListExecutors')).toBe(join('out', 'ordering.newest-first.sh'));
    expect(reproducerFile('out', 'ordering.newest-first', 'ListSessions')).toBe(join('out', 'ListSessions.ordering.newest-first.sh'));
    const replay = replayCommandFor({ endpoint: 'http://127.0.0.1:1', sessionIds: ['s1'], workGroups: ['wg'] });
    expect(replay({ id: 'ordering.newest-first', seed: 4, path: '2' })).toBe('npx athena-contract verify --endpoint http://127.0.0.1:1 --session-id s1 --workgroup wg --only ordering.newest-first --seed 4 --path 2');
    expect(replay({ id: 'ordering.newest-first', operation: 'ListExecutors', seed: 4, path: '2' })).toMatch(/ --only ordering\.newest-first --seed 4/);
    expect(replay({ id: 'ordering.newest-first', operation: 'ListCalculationExecutions', seed: 4, path: '2' })).toMatch(/ --only ListCalculationExecutions\/ordering\.newest-first --seed 4 --path 2$/);
    expect(replayCommandFor({ replay: 'rec' })({ id: 'data.faithful', operation: 'ListSessions', seed: 1, path: '0' })).toBe('npx athena-contract verify --replay rec --only ListSessions/data.faithful');
  });
});
