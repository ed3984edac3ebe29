/**
 * A report on every exit, through the bin: report paths are checked before any call reaches the
 * target; a run that ends in exit 2 (refused, a usage error after parsing, a fatal error mid-run)
 * still writes --json with `error`, --junit with an <error> and the Markdown and job summary; a real
 * SIGINT or SIGTERM mid-run writes the partial reports, marked interrupted, and exits 130 or 143.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { BIN, runCli, type CliResult } from './helpers/cli.js';
import { tinyEndpoint, type TinyEndpoint } from './helpers/tiny-endpoint.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const dir = sharedTempDir('athena-contract-exit-');
const endpoints: TinyEndpoint[] = [];

afterAll(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
});

async function endpoint(options: Parameters<typeof tinyEndpoint>[0] = {}): Promise<TinyEndpoint> {
  const e = await tinyEndpoint(options);
  endpoints.push(e);
  return e;
}

/** Exit 2 with exactly one line on stderr; resolves to that line without the prefix. */
function oneLine(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0].replace(/^athena-contract: /, '');
}

const read = (file: string) => readFileSync(file, 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Report;

/** The three report files of a run named `name`, as flags and paths. */
function reportFiles(name: string) {
  const files = { json: join(dir, `${name}.json`), junit: join(dir, `${name}.xml`), markdown: join(dir, `${name}.md`) };
  return { files, flags: ['--json', files.json, '--junit', files.junit, '--markdown', files.markdown] };
}

describe.concurrent('a run that ends in exit 2 still writes its reports', () => {
  it('a refused connection: --json with error.message, --junit with <error>, the Markdown and the job summary', async () => {
    const closed = await tinyEndpoint();
    await closed.close();
    const { files, flags } = reportFiles('refused');
    const summary = join(dir, 'refused-summary.md');
    const line = oneLine(await runCli(['verify', '--endpoint', closed.url, '--seeded', ...flags], { env: { GITHUB_STEP_SUMMARY: summary } }));
    expect(line).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused/);
    const report = json(files.json);
    expect(report).toMatchObject({ mode: 'seeded', target: closed.url, properties: [], error: { message: line }, summary: { passed: 0, failed: 0, skipped: 0 } });
    expect(read(files.junit)).toMatch(/<testcase classname="athena-contract.seeded" name="run" [^>]*>\s*<error message="cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused[^"]*" type="RunError">/);
    expect(read(files.junit)).toMatch(/<testsuite [^>]*tests="1" failures="0" errors="1"/);
    for (const md of [read(files.markdown), read(summary)]) {
      expect(md).toContain('the run ended in an error');
      expect(md).toContain(`**Error:** ${line}`);
    }
  });

  it('a usage error found after parsing (an endpoint without a mode)', async () => {
    const { files, flags } = reportFiles('usage');
    const line = oneLine(await runCli(['verify', '--endpoint', 'http://127.0.0.1:9', ...flags]));
    expect(line).toMatch(/^--endpoint needs a mode/);
    expect(json(files.json).error).toEqual({ message: line });
    expect(read(files.junit)).toContain(`<error message="${line}`);
  });

  it('a fatal error mid-run (the seeding routes stop working after the preflight)', async () => {
    const e = await endpoint({ seedingWorks: 2 });
    const { files, flags } = reportFiles('fatal');
    const line = oneLine(await runCli(['verify', '--endpoint', e.url, '--seeded', '--only', 'data.faithful', '--runs', '5', '--no-progress', ...flags]));
    expect(line).toMatch(/PUT \/_contract\/sessions\/\S+ answered 500/);
    expect(json(files.json)).toMatchObject({ error: { message: line }, properties: [] });
    expect(read(files.junit)).toContain('type="RunError"');
  });
});

describe.concurrent('report paths are checked before the run', () => {
  it('an unwritable --json fails in one line naming it and why, before any call reaches the target', async () => {
    const e = await endpoint();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const line = oneLine(await runCli(['verify', '--endpoint', e.url, '--seeded', '--json', join(file, 'report.json')]));
    expect(line).toBe(`--json: cannot write ${join(file, 'report.json')}: ${file} is a file, not a directory; give a path where a file can be written`);
    expect(e.requests()).toBe(0);
  });

  it('a directory given as --junit fails likewise; the check leaves no trace of the others', async () => {
    const e = await endpoint();
    const existing = join(dir, 'existing.md');
    writeFileSync(existing, 'kept as it is');
    const before = statSync(existing).mtimeMs;
    const fresh = join(dir, 'not-yet', 'deeper', 'report.json');
    const junitDir = join(dir, 'a-directory');
    mkdirSync(junitDir);
    const line = oneLine(await runCli(['verify', '--endpoint', e.url, '--seeded', '--markdown', existing, '--json', fresh, '--junit', junitDir]));
    expect(line).toBe(`--junit: cannot write ${junitDir}: it is a directory; give a path where a file can be written`);
    expect(e.requests()).toBe(0);
    expect(read(existing)).toBe('kept as it is');
    expect(statSync(existing).mtimeMs).toBe(before);
    expect(existsSync(join(dir, 'not-yet'))).toBe(false);
  });

  it('an unwritable $GITHUB_STEP_SUMMARY fails before the run too', async () => {
    const file = join(dir, 'summary-parent');
    writeFileSync(file, '');
    const line = oneLine(await runCli(['verify', '--runs', '1'], { env: { GITHUB_STEP_SUMMARY: join(file, 'summary.md') } }));
    expect(line).toMatch(/^\$GITHUB_STEP_SUMMARY: cannot write .*summary-parent is a file, not a directory/);
  });
});

/** Spawns `verify args`, sends `signal` once the first progress line is out, and resolves with how it ended. */
function interrupted(signal: NodeJS.Signals, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'verify', '--no-progress', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (!sent && /^\[1\/2\] /m.test(stdout)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('SIGINT and SIGTERM mid-run write the partial reports, marked interrupted', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} against a slow endpoint: exit ${code}, the finished property reported, the run marked interrupted`, async () => {
      const e = await endpoint({ delayMs: 5 });
      const { files, flags } = reportFiles(`slow-${signal}`);
      // data.faithful is skipped in observational mode at once; errors.unknown-session then runs on.
      const end = await interrupted(signal, ['--endpoint', e.url, '--session-id', 's', '--only', 'data.faithful,errors.unknown-session', '--runs', '100000', ...flags]);
      expect(end.code, end.stderr).toBe(code);
      expect(end.stderr).toContain(`${signal}: cleaning up before exit`);
      const report = json(files.json);
      expect(report.interrupted).toEqual({ signal });
      expect(report.properties.map((p) => p.id)).toEqual(['data.faithful']);
      expect(report.warnings).toContainEqual({ kind: 'interrupted', message: `interrupted by ${signal} after 1 of 2 properties finished: the report holds those` });
      expect(read(files.junit)).toMatch(new RegExp(`<error message="interrupted by ${signal}[^"]*" type="Interrupted">`));
      expect(read(files.markdown)).toContain(`the run was interrupted by ${signal}`);
      expect(end.stdout).toContain(`run interrupted by ${signal}`);
    });
  }

  it('SIGINT on the built-in emulator in process (which does no I/O of its own): exit 130, the failure found so far reported', async () => {
    const { files, flags } = reportFiles('in-process');
    // response.conforms fails at once on this fault; pagination.exactly-once then runs on.
    const end = await interrupted('SIGINT', ['--fault', 'wrong-session-echo', '--only', 'response.conforms,pagination.exactly-once', '--runs', '1000000', ...flags]);
    expect(end.code, end.stderr).toBe(130);
    const report = json(files.json);
    expect(report.interrupted).toEqual({ signal: 'SIGINT' });
    expect(report.properties.map((p) => [p.id, p.status])).toEqual([['response.conforms', 'failed']]);
    expect(report.summary.failed).toBe(1);
  });
});
