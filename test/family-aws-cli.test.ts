/**
 * The AWS CLI v1 installed here walks `list-sessions` and `list-calculation-executions` against
 * `athena-contract serve` (a child process on a loopback port, seeded through the seeding routes) and
 * gets every seeded item exactly once, newest first. botocore has no paginator for either operation
 * (API.md), so the CLI pages with the operation's own `--max-results` and `--next-token`, and refuses
 * `--max-items` and `--page-size`: the test says so too.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_CALCULATION_EXECUTIONS, LIST_SESSIONS, seedPath, type OperationProfile } from '../src/profiles/index.js';
import { BIN } from './helpers/cli.js';
import { LOADED_TEST_TIMEOUT_MS, until } from './helpers/wait.js';
import { sharedTempDir } from './helpers/temp-dir.js';

/** Dummy credentials and nothing of the environment's AWS settings: the CLI signs, the emulator does not check. */
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_MAX_ATTEMPTS: '1', AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '' };
/** Each CLI call starts a Python process: seconds on a loaded machine. */
const CLI_BOUND_MS = 60_000;

const T0 = 1_764_000_000;
/** Seven sessions seeded out of order: two share a start (a tie), one starts at a fractional second. */
const SESSIONS = [4, 0, 6, 2, 5, 1, 3].map((k) => ({
  SessionId: `cli-session-${k}`,
  Status: { StartDateTime: T0 + (k === 5 ? 4 : k) * 60 + (k === 6 ? 0.25 : 0), State: k % 2 === 0 ? 'IDLE' : 'TERMINATED' },
}));
/** Seven calculations seeded out of order. */
const CALCULATIONS = [3, 6, 0, 5, 1, 4, 2].map((k) => ({
  CalculationExecutionId: `cli-calc-${k}`,
  Status: { SubmissionDateTime: T0 + k * 30 + 0.5, State: k % 3 === 0 ? 'COMPLETED' : 'RUNNING' },
}));

const scratch = sharedTempDir('family-cli-');
let server: ChildProcess | undefined;
let url = '';

/** `serve` as a child process on a free loopback port, resolved with its URL once it listens. */
async function serve(): Promise<string> {
  const file = join(scratch, 'serve.url');
  const child = spawn(BIN, ['serve', '--port', '0', '--ready-file', file], { stdio: 'ignore' });
  server = child;
  await until(() => existsSync(file) || child.exitCode !== null, 'serve: its ready file');
  if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode} before listening`);
  return readFileSync(file, 'utf8').trim();
}

/** Seeds a parent through its seeding route, as a seeded run does. */
async function seed(profile: OperationProfile, parent: string, items: object[]): Promise<void> {
  const res = await fetch(`${url}${seedPath(profile, parent)}`, { method: 'PUT', body: JSON.stringify({ [profile.parent.seedMember]: items }) });
  expect(res.status).toBe(204);
}

/** Runs `aws athena ...` with the dummy environment; resolves with its exit code, stdout and stderr. */
function aws(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile('aws', ['athena', ...args, '--endpoint-url', url, '--region', 'us-east-1', '--output', 'json'], { env: ENV, timeout: CLI_BOUND_MS }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
}

/** Walks an operation with the CLI, `pageSize` items a call, following NextToken: the ids of every page in order, and how many calls it took. */
async function walk(profile: OperationProfile, parent: string, pageSize: number): Promise<{ ids: string[]; calls: number }> {
  const ids: string[] = [];
  let token: string | undefined;
  for (let calls = 1; calls <= 20; calls++) {
    const run = await aws([profile.awsCli.command, `--${profile.awsCli.parentFlag}`, parent, '--max-results', String(pageSize), ...(token ? [`--next-token=${token}`] : [])]);
    expect(run.code, run.stderr).toBe(0);
    const page = JSON.parse(run.stdout) as Record<string, unknown>;
    const items = (page[profile.items] ?? []) as Record<string, unknown>[];
    expect(items.length).toBeLessThanOrEqual(pageSize);
    ids.push(...items.map((e) => String(e[profile.id])));
    token = page.NextToken as string | undefined;
    if (!token) return { ids, calls };
  }
  throw new Error(`${profile.awsCli.command}: no last page after 20 calls`);
}

/** The ids newest first by the seeded timestamps (the one tie in either order). */
const newestFirst = (items: { Status: Record<string, unknown> }[], key: string, id: (e: never) => string): string[] =>
  [...items].sort((a, b) => (b.Status[key] as number) - (a.Status[key] as number)).map((e) => id(e as never));

beforeAll(async () => {
  url = await serve();
  await seed(LIST_SESSIONS, 'cli-workgroup', SESSIONS);
  await seed(LIST_CALCULATION_EXECUTIONS, 'cli-session', CALCULATIONS);
}, LOADED_TEST_TIMEOUT_MS);

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('the AWS CLI v1 against serve', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  it('list-sessions --work-group: every seeded session once, newest first, three pages of at most 3', async () => {
    const { ids, calls } = await walk(LIST_SESSIONS, 'cli-workgroup', 3);
    expect(calls).toBe(3);
    expect([...ids].sort()).toEqual(SESSIONS.map((s) => s.SessionId).sort());
    const expected = newestFirst(SESSIONS, 'StartDateTime', (e: { SessionId: string }) => e.SessionId);
    // cli-session-4 and cli-session-5 start together: either order is a legal tie.
    const untied = (list: string[]) => list.map((id) => (id === 'cli-session-5' ? 'cli-session-4' : id));
    expect(untied(ids)).toEqual(untied(expected));
  });

  it('list-calculation-executions --session-id: every seeded calculation once, newest first, four pages of at most 2', async () => {
    const { ids, calls } = await walk(LIST_CALCULATION_EXECUTIONS, 'cli-session', 2);
    expect(calls).toBe(4);
    expect(ids).toEqual(newestFirst(CALCULATIONS, 'SubmissionDateTime', (e: { CalculationExecutionId: string }) => e.CalculationExecutionId));
  });

  it('refuses --max-items and --page-size for both: botocore has no paginator for them', async () => {
    for (const [command, flag, parent] of [['list-sessions', '--work-group', 'cli-workgroup'], ['list-calculation-executions', '--session-id', 'cli-session']]) {
      const run = await aws([command, flag, parent, '--max-items', '2', '--page-size', '1']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/Unknown options: .*--max-items.*--page-size/);
    }
  });
});
