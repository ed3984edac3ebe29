/**
 * The reproducer runs as printed: a failing verify against `serve --fault oldest-first` (a real child
 * process on a loopback port) writes it with `--reproduce DIR`; bash runs it with nothing but curl and
 * the AWS CLI, and its output shows the deviation its comments describe. A body the CLI would not send
 * (a wrong JSON type) goes by curl. No credential of the environment reaches the script.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers/cli.js';
import { startSmallEndpoint } from './helpers/small-endpoint.js';
import { LOADED_TEST_TIMEOUT_MS, until } from './helpers/wait.js';
import { tempDir } from './helpers/temp-dir.js';

/** Credentials a leak would show: the script must set its own and contain none of these. */
const FAKE = { AWS_ACCESS_KEY_ID: 'AKIAREPRODUCERLEAK01', AWS_SECRET_ACCESS_KEY: 'reproducer/leak/secret+0123456789abcdefXYZ', AWS_SESSION_TOKEN: 'reproducer-leak-session-token-0123456789' };

const servers: ChildProcess[] = [];
afterAll(() => servers.forEach((s) => s.kill('SIGTERM')));

/** `serve` as a child process on a free loopback port, resolved with its URL once it listens. */
async function serve(...args: string[]): Promise<string> {
  const file = join(tempDir('reproduce-serve-'), 'serve.url');
  const child = spawn(BIN, ['serve', '--port', '0', '--ready-file', file, ...args], { stdio: 'ignore' });
  servers.push(child);
  await until(() => existsSync(file) || child.exitCode !== null, `serve ${args.join(' ')}: its ready file`);
  if (child.exitCode !== null) throw new Error(`serve ${args.join(' ')} exited with ${child.exitCode} before listening`);
  return readFileSync(file, 'utf8').trim();
}

/** The most a reproducer script may take: each of its AWS CLI calls starts a Python process, seconds each on a loaded machine. */
const SCRIPT_BOUND_MS = 120_000;

/**
 * Runs a script with bash, resolved with its stdout and stderr: with the fake credentials in the
 * environment, or (`credentials: false`) with no AWS_* variable at all, as on a fresh machine.
 */
function bash(file: string, env: Record<string, string> = {}, credentials = true): Promise<{ stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => credentials || !k.startsWith('AWS_')));
  return new Promise((resolve) =>
    execFile('bash', [file], { env: { ...base, ...(credentials ? FAKE : {}), ...env }, timeout: SCRIPT_BOUND_MS }, (_e, stdout, stderr) => resolve({ stdout, stderr })),
  );
}

/** The JSON documents the AWS CLI printed, one after another. */
function printedPages(stdout: string): { ExecutorsSummary?: { ExecutorId: string; StartDateTime?: number }[] }[] {
  return [...stdout.matchAll(/^\{\n[\s\S]*?\n\}$/gm)].map((m) => JSON.parse(m[0]));
}

function expectNoCredentials(text: string): void {
  for (const value of Object.values(FAKE)) expect(text).not.toContain(value);
}

// Each test starts serve, runs verify and then the script: room for all three on a loaded machine.
describe('the reproducer', { timeout: LOADED_TEST_TIMEOUT_MS }, () => {
  it('against serve --fault oldest-first: seeds, walks with the previous NextToken, and shows the executors oldest first', async () => {
    const url = await serve('--fault', 'oldest-first');
    const dir = tempDir('reproduce-');
    const json = join(dir, 'report.json');
    const run = await runCli(['verify', '--endpoint', url, '--seeded', '--only', 'ordering.newest-first', '--runs', '20', '--seed', '1', '--reproduce', dir, '--json', json, '--markdown', join(dir, 'report.md')], { env: FAKE });
    expect(run.code).toBe(1);
    const file = join(dir, 'ordering.newest-first.sh');
    expect(statSync(file).mode & 0o111).not.toBe(0);
    const script = readFileSync(file, 'utf8');
    expect(JSON.parse(readFileSync(json, 'utf8')).properties[0].counterexample.reproduce).toBe(script);
    // The console shows it whole (indented, which bash ignores), the Markdown in a sh block.
    expect(run.stdout).toContain(script.trimEnd().split('\n').map((l) => `    ${l}`).join('\n'));
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain(`\`\`\`sh\n${script}\`\`\``);
    expectNoCredentials(script + readFileSync(json, 'utf8') + run.stdout);
    expect(script).toMatch(/curl -sS -f .*-X PUT "\$ENDPOINT"\/_contract\/sessions\//);
    expect(script).toContain('export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test');
    // A walk of more than one page: the next call takes the NextToken of the answer before it.
    expect(script).toMatch(/^call aws athena list-executors .*--next-token="\$token" /m);
    const expectedLine = /^# Should have been: .*\n#   (.*)$/m.exec(script)?.[1];
    expect(expectedLine).toBeDefined();
    const expectedStarts = [...expectedLine!.matchAll(/StartDateTime (\d+)/g)].map((m) => Number(m[1]));

    const { stdout, stderr } = await bash(file);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^HTTP 204$/m);
    const starts = printedPages(stdout).flatMap((p) => p.ExecutorsSummary ?? []).map((e) => e.StartDateTime as number);
    // What the comment says a walk must list, newest first; what the server answers: oldest first.
    expect(expectedStarts).toEqual([...expectedStarts].sort((a, b) => b - a));
    expect(starts).toEqual([...expectedStarts].reverse());
    expect(new Set(starts).size).toBeGreaterThan(1);
  });

  it('from an in-process run: names the serve command that answers the same way, and shows the deviation there with no credentials in the environment', async () => {
    const dir = tempDir('reproduce-');
    const run = await runCli(['verify', '--fault', 'oldest-first', '--only', 'ordering.newest-first', '--runs', '20', '--seed', '5', '--reproduce', dir], { env: FAKE });
    expect(run.code).toBe(1);
    const file = join(dir, 'ordering.newest-first.sh');
    const script = readFileSync(file, 'utf8');
    expect(script).toContain('#   npx athena-contract serve --port 4566 --fault oldest-first');
    expect(script).toContain('ENDPOINT=${ENDPOINT:-http://127.0.0.1:4566}');
    // No credentials anywhere but in the script: the CLI must not say "Unable to locate credentials".
    const { stdout, stderr } = await bash(file, { ENDPOINT: await serve('--fault', 'oldest-first') }, false);
    expect(stderr).toBe('');
    const starts = printedPages(stdout).flatMap((p) => p.ExecutorsSummary ?? []).map((e) => e.StartDateTime as number);
    expect(starts.length).toBeGreaterThan(1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('a wrong JSON type goes by curl with the raw body and AWS JSON headers, and shows the 200 that should have been a 400', async () => {
    // A small endpoint that is right in everything but this: a SessionId that is not a string gets 200.
    const endpoint = await startSmallEndpoint({
      intercept: (_n, body) => {
        // The boundary phase also sends bodies that are not JSON objects: those the endpoint answers rightly.
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          return undefined;
        }
        return typeof parsed === 'object' && parsed !== null && 'SessionId' in parsed && typeof parsed.SessionId !== 'string' ? { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"ExecutorsSummary":[]}' } : undefined;
      },
    });
    try {
      const dir = tempDir('reproduce-');
      const run = await runCli(['verify', '--endpoint', endpoint.url, '--seeded', '--only', 'errors.invalid-request', '--runs', '50', '--seed', '1', '--reproduce', dir], { env: FAKE });
      expect(run.code).toBe(1);
      const script = readFileSync(join(dir, 'errors.invalid-request.sh'), 'utf8');
      expectNoCredentials(script);
      const curl = /^call curl -sS -i .*-X POST "\$ENDPOINT"\/ -H 'content-type: application\/x-amz-json-1\.1' -H 'x-amz-target: AmazonAthena\.ListExecutors' --data-binary '(.*)'$/m.exec(script);
      expect(curl, script).not.toBeNull();
      expect(typeof (JSON.parse(curl![1]) as { SessionId: unknown }).SessionId).not.toBe('string');
      expect(script).not.toContain('--cli-input-json');
      expect(script).toContain('SerializationException for a wrong JSON type');
      const { stdout } = await bash(join(dir, 'errors.invalid-request.sh'));
      expect(stdout).toMatch(/^HTTP\/1\.1 200 OK\r?$/m);
      expect(stdout).toContain('{"ExecutorsSummary":[]}');
    } finally {
      await endpoint.close();
    }
  });

  it('a --reproduce DIR that cannot take files fails before the run, in one line naming the flag', async () => {
    const dir = tempDir('reproduce-');
    writeFileSync(join(dir, 'taken'), 'a file, not a directory');
    const run = await runCli(['verify', '--runs', '5', '--reproduce', join(dir, 'taken', 'out')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toMatch(/^athena-contract: --reproduce: cannot write .*taken\/out\/reproduce\.sh: .*taken is a file, not a directory; give a path where a file can be written$/);
  });
});
