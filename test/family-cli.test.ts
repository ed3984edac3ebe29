/**
 * One run over several operations from the command line, as outside tools call it: `verify
 * --operation OP[,OP]|all`, `--workgroup NAME` (ListSessions' observational parents), `--only id`
 * and `--only Operation/id`, their one-line errors (exit 2), and the report of such a run: each
 * property with its operation, the operation's failing call by hand and in the reproducer, the
 * replay command naming `Operation/id`. Against an endpoint of the three operations written in the
 * tests (test/helpers/family-cli-endpoint.ts), not the built-in emulator.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import type { PropertyReport, Report } from '../src/common/results.js';
import { UsageError } from '../src/common/errors.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, OPERATION_NAMES } from '../src/profiles/index.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { startFamilyEndpoint, type FamilyEndpoint, type FamilyState } from './helpers/family-cli-endpoint.js';
import { sharedTempDir } from './helpers/temp-dir.js';

/** A usage error: exit 2 and exactly one line on stderr, with no stack trace. */
function expectOneLineError(r: CliResult, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const T0 = 1_700_000_000;

/** `n` items of `make(i)`, each in one of `states` in turn. */
function items(n: number, states: readonly string[], make: (i: number, state: string) => Record<string, unknown>): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => make(i, states[i % states.length]));
}

/** What observational runs read: session `s1` (executors and calculations, two pages of each at the default size) and workgroup `wg` (its sessions). */
const STATE: FamilyState = {
  sessions: {
    s1: {
      executors: items(14, LIST_EXECUTORS.states, (i, s) => ({ ExecutorId: `exec-${i}`, ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER', StartDateTime: (T0 + i) * 1000, ExecutorState: s, ExecutorSize: 1 })),
      calculations: items(14, LIST_CALCULATION_EXECUTIONS.states, (i, s) => ({ CalculationExecutionId: `calc-${i}`, Description: `calculation ${i}`, Status: { SubmissionDateTime: T0 + i + 0.25, State: s } })),
    },
  },
  workgroups: {
    wg: items(14, LIST_SESSIONS.states, (i, s) => ({ SessionId: `session-${i}`, NotebookVersion: 'Athena notebook version 1', Status: { StartDateTime: T0 + i, State: s } })),
  },
};

const dir = sharedTempDir('athena-contract-family-');
let correct: FamilyEndpoint;
let sessionsOldestFirst: FamilyEndpoint;
let calculationsOldestFirst: FamilyEndpoint;

beforeAll(async () => {
  [correct, sessionsOldestFirst, calculationsOldestFirst] = await Promise.all([
    startFamilyEndpoint({ state: STATE }),
    startFamilyEndpoint({ state: STATE, fault: { operation: 'ListSessions', kind: 'oldest-first' } }),
    startFamilyEndpoint({ state: STATE, fault: { operation: 'ListCalculationExecutions', kind: 'oldest-first' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([correct, sessionsOldestFirst, calculationsOldestFirst].map((e) => e?.close()));
});

/** The report's entry of law `id` of `operation`. */
function entry(report: Report, operation: string, id: string): PropertyReport | undefined {
  return report.properties.find((p) => p.operation === operation && p.id === id);
}

// Each CLI call starts a process that loads the sources: slow on a busy machine, whatever the run.
describe.concurrent('verify --operation, --workgroup, --only: usage errors in one line, exit 2', { timeout: 180_000 }, () => {
  it('an unknown operation names the flag and the choices', async () => {
    expectOneLineError(await runCli(['verify', '--operation', 'ListWidgets']), /^athena-contract: --operation: unknown operation "ListWidgets"; use ListExecutors, ListSessions, ListCalculationExecutions or all$/);
    expectOneLineError(await runCli(['verify', '--operation', ',']), /^athena-contract: --operation: name at least one operation: ListExecutors, ListSessions, ListCalculationExecutions or all$/);
  });

  it('an unknown --only names the flag, and the nearest law of the operation it names', async () => {
    const [law, operation, elsewhere, notRun] = await Promise.all([
      runCli(['verify', '--only', 'ListSessions/ordering.oldest-first']),
      runCli(['verify', '--only', 'ListSesions/ordering.newest-first']),
      runCli(['verify', '--only', 'errors.unknown-workgroup']),
      runCli(['verify', '--operation', 'ListExecutors', '--only', 'ListSessions/ordering.newest-first']),
    ]);
    expectOneLineError(law, /--only: unknown property of ListSessions "ordering.oldest-first" \(did you mean ordering.newest-first\?\)/);
    expectOneLineError(operation, /--only: unknown operation "ListSesions" in "ListSesions\/ordering.newest-first" \(did you mean ListSessions\?\)/);
    // A law of ListSessions only, in a run of ListExecutors (the default): it would select nothing.
    expectOneLineError(elsewhere, /^athena-contract: --only errors.unknown-workgroup: no operation run \(--operation ListExecutors\) has this law/);
    expectOneLineError(notRun, /--only ListSessions\/ordering.newest-first: ListSessions is not run \(--operation ListExecutors\)/);
  });

  it('observational mode with no parent of an operation says which flag to add, before any call', async () => {
    expectOneLineError(await runCli(['verify', '--endpoint', correct.url, '--session-id', 's1', '--operation', 'all']), /^athena-contract: ListSessions reads workgroups in observational mode and none is given: add --workgroup NAME/);
    expectOneLineError(await runCli(['verify', '--endpoint', correct.url, '--workgroup', 'wg', '--operation', 'ListSessions,ListCalculationExecutions']), /^athena-contract: ListCalculationExecutions reads sessions in observational mode and none is given: add --session-id ID/);
  });

  it('--workgroup takes a target, and excludes --seeded', async () => {
    expectOneLineError(await runCli(['verify', '--workgroup', 'wg']), /--workgroup needs --endpoint URL/);
    expectOneLineError(await runCli(['verify', '--endpoint', correct.url, '--seeded', '--workgroup', 'wg']), /--seeded and --workgroup exclude each other/);
    expectOneLineError(await runCli(['verify', '--live', '--workgroup', 'a', '--workgroup', 'b']), /--workgroup with --live names the one workgroup/);
  });

  it('--path needs one property: a law of several operations run is named Operation/id', async () => {
    await expect(verify({ endpoint: correct.url, seeded: true, operations: [LIST_EXECUTORS, LIST_SESSIONS], only: ['ordering.newest-first'], seed: 1, path: '3' })).rejects.toThrow(
      new UsageError('--path replays one counterexample: --only ordering.newest-first is a law of several operations run; name one: ListExecutors/ordering.newest-first or ListSessions/ordering.newest-first'),
    );
  });

  it('help lists --operation with its choices and --workgroup', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--operation OP\[,OP\] +the operations to verify in one run: ListExecutors, ListSessions, ListCalculationExecutions, or all \(default: ListExecutors\)/);
    expect(r.stdout).toMatch(/--workgroup NAME +with --endpoint: a workgroup whose sessions ListSessions reads/);
    expect(r.stdout).toMatch(/--only ID\[,ID\] +run only these properties: a law id \(in every operation run\) or Operation\/id/);
  });

  it('npm start verifies all three operations against the built-in emulator', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node src/bin/athena-contract.js verify --operation all');
  });
});

describe('verify --operation all against an endpoint of the three operations', { timeout: 400_000 }, () => {
  it('seeded: every law of every operation passes, each entry naming its operation beside its id', async () => {
    const json = join(dir, 'all-seeded.json');
    const r = await runCli(['verify', '--endpoint', correct.url, '--seeded', '--operation', 'all', '--runs', '3', '--seed', '1', '--json', json, '--no-progress'], { timeoutMs: 240_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as Report;
    expect(report.operations).toEqual(OPERATION_NAMES);
    expect(report.properties).toHaveLength(30);
    expect(new Set(report.properties.map((p) => `${p.operation}/${p.id}`)).size).toBe(30);
    for (const p of report.properties) expect(p, `${p.operation}/${p.id}`).toMatchObject({ status: 'passed', counterexample: null });
    // The law ids are the same across operations, but for the unknown parent's.
    expect(report.properties.filter((p) => p.operation === 'ListSessions').map((p) => p.id)).toContain('errors.unknown-workgroup');
    expect(report.properties.filter((p) => p.operation === 'ListCalculationExecutions').map((p) => p.id)).toContain('errors.unknown-session');
    expect(Object.keys(report.coverageByOperation ?? {})).toEqual(OPERATION_NAMES);
    expect(report.coverageByOperation?.ListSessions.operation).toBe('ListSessions');
    expect(report.coverageByOperation?.ListSessions.walks.total).toBeGreaterThan(0);
    expect(entry(report, 'ListCalculationExecutions', 'pagination.exactly-once')?.coverage?.operation).toBe('ListCalculationExecutions');
    // The console names another operation's law as Operation/id, and the run's operations.
    expect(r.stdout).toMatch(/pass[* ] ListSessions\/ordering\.newest-first /);
    expect(r.stdout).toMatch(/0 failed, 30 passed, 0 skipped .*ListExecutors \+ ListSessions \+ ListCalculationExecutions/);
  });

  it('observational: sessions by --session-id, workgroups by --workgroup; every law run passes', async () => {
    const json = join(dir, 'all-observational.json');
    // Every law observational mode runs (data.faithful and stable-under-inserts need seeding).
    const only = 'response.conforms,pagination.exactly-once,pagination.page-size,ordering.newest-first,filter.honoured,errors.invalid-request,errors.unknown-session,errors.unknown-workgroup,errors.invalid-token';
    const r = await runCli(['verify', '--endpoint', correct.url, '--session-id', 's1', '--workgroup', 'wg', '--operation', 'all', '--only', only, '--runs', '3', '--seed', '2', '--json', json, '--no-progress'], { timeoutMs: 240_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as Report;
    expect(report.mode).toBe('observational');
    expect(report.properties).toHaveLength(24);
    expect(report.summary).toMatchObject({ passed: 24, failed: 0, inconclusive: 0 });
    expect(new Set(report.properties.map((p) => p.operation))).toEqual(new Set(OPERATION_NAMES));
    // Each operation read its own parents: ListSessions the workgroup, the others the session.
    expect(entry(report, 'ListSessions', 'pagination.exactly-once')?.coverage?.executors.listed).toBeGreaterThan(0);
    expect(entry(report, 'ListCalculationExecutions', 'pagination.exactly-once')?.coverage?.executors.listed).toBeGreaterThan(0);
  });

  it('ListSessions oldest first fails ordering.newest-first of ListSessions only; its report, reproducer and replay name the operation', async () => {
    const files = { json: join(dir, 'sessions-fault.json'), junit: join(dir, 'sessions-fault.xml'), markdown: join(dir, 'sessions-fault.md'), reproduce: join(dir, 'sessions-fault') };
    const args = ['verify', '--endpoint', sessionsOldestFirst.url, '--seeded', '--operation', 'all', '--only', 'ordering.newest-first,pagination.exactly-once', '--runs', '20', '--seed', '3', '--no-progress'];
    const r = await runCli([...args, '--json', files.json, '--junit', files.junit, '--markdown', files.markdown, '--reproduce', files.reproduce], { timeoutMs: 240_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const report = JSON.parse(await readFile(files.json, 'utf8')) as Report;
    expect(report.properties.map((p) => [p.operation, p.id, p.status])).toEqual([
      ['ListExecutors', 'pagination.exactly-once', 'passed'],
      ['ListExecutors', 'ordering.newest-first', 'passed'],
      ['ListSessions', 'pagination.exactly-once', 'passed'],
      ['ListSessions', 'ordering.newest-first', 'failed'],
      ['ListCalculationExecutions', 'pagination.exactly-once', 'passed'],
      ['ListCalculationExecutions', 'ordering.newest-first', 'passed'],
    ]);
    const failed = entry(report, 'ListSessions', 'ordering.newest-first')!;
    expect(failed.counterexample?.awsCli).toMatch(/^aws athena list-sessions --work-group \S+ .*--endpoint-url /);
    expect(failed.counterexample?.reproduce).toMatch(/call aws athena list-sessions --work-group /);
    expect(failed.counterexample?.reproduce).toMatch(/PUT .*\/_contract\/workgroups\//);
    expect(failed.replay).toMatch(/ --only ListSessions\/ordering\.newest-first --seed 3 --path \S+$/);
    expect(await readdir(files.reproduce)).toEqual(['ListSessions.ordering.newest-first.sh']);
    // The console, JUnit and Markdown say which operation failed.
    expect(r.stdout).toMatch(/✗ ListSessions\/ordering\.newest-first/);
    const junit = await readFile(files.junit, 'utf8');
    expect(junit).toMatch(/<testcase classname="athena-contract\.seeded\.ListSessions" name="ordering\.newest-first" [^>]*>(?:(?!<\/testcase>)[\s\S])*<failure /);
    expect(junit).toMatch(/<testcase classname="athena-contract\.seeded\.ListExecutors" name="ordering\.newest-first" [^>]*>(?:(?!<\/testcase>)[\s\S])*<\/testcase>/);
    const markdown = await readFile(files.markdown, 'utf8');
    expect(markdown).toMatch(/^# ListExecutors, ListSessions, ListCalculationExecutions conformance report$/m);
    expect(markdown).toMatch(/^## ListSessions\n\n1 passed, 1 failed, 0 skipped\.$/m);
    expect(markdown).toMatch(/^## ❌ `ListSessions\/ordering\.newest-first`$/m);

    // The replay command, as printed, runs that one property of that operation again (no --operation needed).
    const replay = failed.replay!.replace(/^npx athena-contract /, '').split(' ');
    const again = await runCli([...replay, '--json', join(dir, 'sessions-replay.json'), '--no-progress'], { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(1);
    const replayed = JSON.parse(await readFile(join(dir, 'sessions-replay.json'), 'utf8')) as Report;
    expect(replayed.operations).toEqual(['ListSessions']);
    expect(replayed.properties.map((p) => [p.operation, p.id, p.status])).toEqual([['ListSessions', 'ordering.newest-first', 'failed']]);
  });

  it('--only Operation/id runs that law of that operation alone', async () => {
    const report = await verify({ endpoint: sessionsOldestFirst.url, seeded: true, operations: [LIST_EXECUTORS, LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS], only: ['ListCalculationExecutions/ordering.newest-first', 'ListSessions/data.faithful'], runs: 5, seed: 4 });
    expect(report.properties.map((p) => [p.operation, p.id, p.status])).toEqual([
      ['ListSessions', 'data.faithful', 'passed'],
      ['ListCalculationExecutions', 'ordering.newest-first', 'passed'],
    ]);
  });

  it('ListCalculationExecutions oldest first: its failing call by hand and in the reproducer is list-calculation-executions --session-id', async () => {
    const report = await verify({ endpoint: calculationsOldestFirst.url, seeded: true, operations: [LIST_EXECUTORS, LIST_CALCULATION_EXECUTIONS], only: ['ordering.newest-first'], runs: 20, seed: 5 });
    expect(report.properties.map((p) => [p.operation, p.status])).toEqual([
      ['ListExecutors', 'passed'],
      ['ListCalculationExecutions', 'failed'],
    ]);
    const failed = entry(report, 'ListCalculationExecutions', 'ordering.newest-first')!;
    expect(failed.counterexample?.awsCli).toMatch(/^aws athena list-calculation-executions --session-id \S+ /);
    expect(failed.counterexample?.reproduce).toMatch(/call aws athena list-calculation-executions --session-id /);
    expect(failed.counterexample?.reproduce).toMatch(/PUT .*\/_contract\/sessions\//);
    expect(failed.replay).toMatch(/ --only ListCalculationExecutions\/ordering\.newest-first /);
  });
});
