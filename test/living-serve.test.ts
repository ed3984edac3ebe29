/**
 * `serve --living 5` run as users run it (the bin, in its own process), verified in observational mode
 * by the bin's `verify --endpoint URL --session-id s1 --workgroup wg --operation all` (issue 23, part
 * 3): the catalogue passes against the moving target, and the faults of the previous issues, one per
 * operation, are each still caught by their property within one walk, as are offset tokens (a
 * duplicate when a newest item arrives during a walk).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServe } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';
import { LOADED_TEST_TIMEOUT_MS, within } from './helpers/wait.js';

/** What the acceptance runs seed: a session with its coordinator and a completed calculation, a workgroup with one IDLE session. */
const SEED = {
  sessions: {
    s1: {
      executors: [{ ExecutorId: 'coordinator', ExecutorType: 'COORDINATOR', StartDateTime: 1_764_900_000_000, ExecutorState: 'REGISTERED', ExecutorSize: 1 }],
      calculations: [{ CalculationExecutionId: 'c0', Status: { SubmissionDateTime: 1_764_900_000, CompletionDateTime: 1_764_900_100, State: 'COMPLETED' } }],
    },
  },
  workgroups: { wg: [{ SessionId: 'w0', Status: { StartDateTime: 1_764_900_000, LastModifiedDateTime: 1_764_900_000, State: 'IDLE' } }] },
};

const servers: ChildProcess[] = [];
/**
 * The file's scratch space, one directory per call under it: the tests run concurrently, and a
 * per-test tempDir() cannot tell which of them asked, so one finishing removed another's report.
 */
const scratch = sharedTempDir('living-serve-');
afterAll(() => {
  for (const server of servers) server.kill();
});

/** Starts the bin's `serve --living 5 --port 0` on the seed above with `args` (a later `--living` wins), and resolves to its URL once it prints it. */
function serveLiving(...args: string[]): Promise<string> {
  const dir = mkdtempSync(join(scratch, 'seed-'));
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(SEED));
  const listening = startServe(['--living', '5', '--port', '0', '--seed-file', file, ...args], servers);
  return within(listening, "serve --living's listening line");
}

/** One property's verdict in a JSON report. */
interface Verdict {
  operation: string;
  id: string;
  status: string;
  counterexample: { message: string } | null;
}

/** Runs `verify` in observational mode on `url` (session s1, workgroup wg, all three operations) and reads its JSON report. */
async function observe(url: string, ...args: string[]): Promise<{ code: number; stderr: string; verdicts: Verdict[]; moving?: { came: number } }> {
  const json = join(mkdtempSync(join(scratch, 'report-')), 'report.json');
  const r = await runCli(['verify', '--endpoint', url, '--session-id', 's1', '--workgroup', 'wg', '--operation', 'all', '--seed', '1', '--no-progress', '--json', json, ...args], { timeoutMs: 120_000 });
  const report = JSON.parse(readFileSync(json, 'utf8')) as { properties: Verdict[]; coverage?: { moving?: { came: number } } };
  return { code: r.code, stderr: r.stderr, verdicts: report.properties, moving: report.coverage?.moving };
}

describe.concurrent('serve --living 5, verified in observational mode', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  // The cross-walk laws bind only what held still between walks: compared as sets, walks made at
  // different times would fail pagination.exactly-once here ("lists a different set than ...").
  it('passes every property of the three operations, and notes that the target moved', async () => {
    const url = await serveLiving();
    const { code, stderr, verdicts, moving } = await observe(url, '--runs', '3');
    const failed = verdicts.filter((v) => v.status === 'failed').map((v) => `${v.operation}/${v.id}: ${v.counterexample?.message}`);
    expect(failed, stderr).toEqual([]);
    expect(code, stderr).toBe(0);
    expect(verdicts.filter((v) => v.status === 'passed').map((v) => v.operation)).toEqual(expect.arrayContaining(['ListExecutors', 'ListSessions', 'ListCalculationExecutions']));
    expect(moving?.came, 'coverage.moving').toBeGreaterThan(0);
  });

  it('still catches the faults of the previous issues, one per operation, each by its property and within one walk', async () => {
    const url = await serveLiving('--fault', 'oldest-first', '--fault', 'sessions-filter-ignored', '--fault', 'calculations-page-boundary-duplicate');
    const only = 'ListExecutors/ordering.newest-first,ListSessions/filter.honoured,ListCalculationExecutions/pagination.exactly-once';
    const { code, stderr, verdicts } = await observe(url, '--only', only, '--runs', '5');
    expect(code, stderr).toBe(1);
    const byName = new Map(verdicts.map((v) => [`${v.operation}/${v.id}`, v]));
    expect([...byName.keys()].sort()).toEqual(only.split(',').sort());
    for (const v of byName.values()) expect(v.status, `${v.operation}/${v.id}`).toBe('failed');
    // What each found is a breach inside one walk, which no motion of the data excuses.
    expect(byName.get('ListExecutors/ordering.newest-first')?.counterexample?.message).toMatch(/newer after older/);
    expect(byName.get('ListSessions/filter.honoured')?.counterexample?.message).toMatch(/^with StateFilter \w+, page \d+ lists session "[^"]+" in state "\w+"/);
    expect(byName.get('ListCalculationExecutions/pagination.exactly-once')?.counterexample?.message).toMatch(/did not terminate|twice|more than once/);
  });

  // The fault that matters most on a moving target: offset tokens shift when a newest item arrives
  // during a walk, so the walk lists an item twice. Faster steps make an arrival during a walk likely.
  it('offset tokens: an executor arriving during a walk makes it list one twice, caught by pagination.exactly-once', async () => {
    const url = await serveLiving('--fault', 'offset-tokens', '--living', '20');
    const { code, stderr, verdicts } = await observe(url, '--operation', 'ListExecutors', '--only', 'pagination.exactly-once', '--runs', '10');
    expect(code, stderr).toBe(1);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0].status).toBe('failed');
    expect(verdicts[0].counterexample?.message).toMatch(/^walk of s1 with MaxResults \d+: .*executor "[^"]+" (listed twice|was listed again)/);
  });
});
