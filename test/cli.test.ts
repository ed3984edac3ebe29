/**
 * The command line as outside tools call it: `athena-contract verify` by the bin's path, its exit
 * codes (0 passed, 1 failed, 2 usage/configuration/connection), its one-line errors and its reports.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warning } from '../src/common/results.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { startServer } from './helpers/http-server.js';
import { sharedTempDir } from './helpers/temp-dir.js';

/** A usage or connection error: exit 2 and exactly one line on stderr, with no stack trace. */
function expectOneLineError(r: CliResult, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const dir = sharedTempDir('athena-contract-cli-');
const servers: { close(): Promise<void> }[] = [];
let faulty: Emulator;
let correct: Emulator;

beforeAll(async () => {
  faulty = await startEmulator({ faults: ['oldest-first'] });
  correct = await startEmulator({ sessions: { 'empty-session': [] } });
});
afterAll(async () => {
  await Promise.all([faulty.close(), correct.close(), ...servers.map((s) => s.close())]);
});

describe.concurrent('athena-contract verify', () => {
  it('with no target verifies the built-in emulator, exits 0 and writes the pinned --json shape and JUnit', async () => {
    const json = join(dir, 'builtin.json');
    const junit = join(dir, 'builtin.xml');
    const r = await runCli(['verify', '--runs', '5', '--seed', '11', '--json', json, '--junit', junit]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 failed, 10 passed, 0 skipped/);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({ mode: 'seeded', seed: 11, target: expect.stringContaining('built-in emulator') });
    expect(report.properties).toHaveLength(10);
    for (const p of report.properties) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'status', 'runs', 'durationMs', 'counterexample', 'replay']));
      expect(p).toMatchObject({ status: 'passed', runs: 5, counterexample: null, replay: null });
      expect(typeof p.durationMs).toBe('number');
    }
    const xml = await readFile(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(10);
    expect(xml).toContain('name="pagination.exactly-once"');
  });

  it('exits 1 on a faulty endpoint, names the property, and its replay command reproduces the counterexample', async () => {
    const json = join(dir, 'faulty.json');
    const r = await runCli(['verify', '--endpoint', faulty.url, '--seeded', '--runs', '20', '--seed', '5', '--only', 'ordering.newest-first,pagination.exactly-once', '--json', json]);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(await readFile(json, 'utf8'));
    const failed = report.properties.find((p: { id: string }) => p.id === 'ordering.newest-first');
    expect(failed.status).toBe('failed');
    expect(report.properties.find((p: { id: string }) => p.id === 'pagination.exactly-once').status).toBe('passed');
    expect(failed.counterexample.message).toMatch(/newer after older/);
    expect(failed.counterexample.awsCli).toMatch(/^aws athena list-executors --session-id \S+ .*--endpoint-url http:\/\/127\.0\.0\.1:\d+ --region us-east-1$/);
    expect(r.stdout).toContain(failed.replay);
    const replay = failed.replay.replace(/^npx athena-contract /, '').split(' ');
    const again = await runCli([...replay, '--json', join(dir, 'replayed.json')]);
    expect(again.code, again.stderr).toBe(1);
    const replayed = JSON.parse(await readFile(join(dir, 'replayed.json'), 'utf8'));
    expect(replayed.properties[0].counterexample.scenario).toEqual(failed.counterexample.scenario);
  });

  it('passes a vacuous run with a warning in the console and the JSON report', async () => {
    const json = join(dir, 'vacuous.json');
    const r = await runCli(['verify', '--endpoint', correct.url, '--session-id', 'empty-session', '--runs', '5', '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/warning .*vacuous/);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.mode).toBe('observational');
    expect(report.warnings.map((w: Warning) => w.message).join(' ')).toMatch(/passed vacuously/);
    expect(report.properties.find((p: { id: string }) => p.id === 'pagination.exactly-once').warnings.map((w: Warning) => w.message).join(' ')).toMatch(/every walk was empty/);
  });

  it('rejects an unknown flag in one line naming it', async () => {
    expectOneLineError(await runCli(['verify', '--endpiont', 'http://x']), /unknown option --endpiont \(did you mean --endpoint\?\)/);
  });

  it('rejects a bad --runs, --only and --shard in one line with the fix', async () => {
    expectOneLineError(await runCli(['verify', '--runs', 'ten']), /--runs: expected a positive integer, got "ten"/);
    expectOneLineError(await runCli(['verify', '--only', 'ordering.oldest-first']), /--only: unknown property "ordering.oldest-first" \(did you mean ordering.newest-first\?\)/);
    expectOneLineError(await runCli(['verify', '--shard', '4/3']), /--shard: expected i\/n/);
  });

  it('rejects a bad URL and an endpoint without a mode', async () => {
    expectOneLineError(await runCli(['verify', '--endpoint', 'localhost:4566', '--seeded']), /--endpoint: expected an http\(s\) URL/);
    expectOneLineError(await runCli(['verify', '--endpoint', correct.url]), /--endpoint needs a mode: add --seeded .* or --session-id/);
  });

  it('ends in one line and exit 2 when the endpoint refuses connections', async () => {
    const s = await startServer(() => undefined);
    const { url } = s;
    await s.close();
    expectOneLineError(await runCli(['verify', '--endpoint', url, '--seeded']), /cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused/);
  });

  it('ends in one line and exit 2 when the endpoint hangs', async () => {
    const s = await startServer(() => undefined);
    servers.push(s);
    expectOneLineError(await runCli(['verify', '--endpoint', s.url, '--seeded', '--timeout', '300']), /no answer from .* within 300 ms/);
  });

  it('ends in one line and exit 2 when the endpoint answers HTML (moto without ListExecutors)', async () => {
    const s = await startServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>NotImplementedError</body></html>');
    });
    servers.push(s);
    expectOneLineError(await runCli(['verify', '--endpoint', s.url, '--session-id', 'x']), /answered ListExecutors with HTML \(HTTP 500\)/);
  });

  it('ends in one line and exit 2 for --seeded against an endpoint without the seeding routes', async () => {
    const s = await startServer((req, res) => {
      res.writeHead(req.method === 'POST' ? 400 : 404, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r' });
      res.end(req.method === 'POST' ? '{"__type":"ResourceNotFoundException","Message":"no such session"}' : '{"message":"not found"}');
    });
    servers.push(s);
    expectOneLineError(await runCli(['verify', '--endpoint', s.url, '--seeded']), /--seeded: .* does not serve the seeding routes \(PUT \/_contract\/sessions\/\S+ answered 404/);
  });

  it('ends in one line and exit 2 for a --session-id the endpoint does not know', async () => {
    expectOneLineError(await runCli(['verify', '--endpoint', correct.url, '--session-id', 'no-such-session']), /--session-id no-such-session: ListExecutors answered 400 ResourceNotFoundException/);
  });

  it('rejects an unknown command', async () => {
    expectOneLineError(await runCli(['verfy']), /unknown command "verfy"/);
  });
});
