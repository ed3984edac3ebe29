/**
 * `athena-contract diff`: a changed contract (a member renamed, a new enum value, a different error
 * code) is drift; two recordings of the same behaviour with different ids and times are not.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { startEmulator } from '../src/emulator/index.js';
import { formatCassette, readRecording, type Cassette } from '../src/recording/cassette.js';
import { contractFacts, drift } from '../src/recording/drift.js';
import { runCli } from './helpers/cli.js';

const RECORDING = fileURLToPath(new URL('../recordings/builtin-emulator/', import.meta.url));
let work: string;

/** A copy of the committed recording with every response body of `property` (or all) rewritten. */
function changed(name: string, rewrite: (body: string) => string, property?: string): string {
  const dir = join(work, name);
  cpSync(RECORDING, dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    if (property && file !== `${property}.json`) continue;
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Cassette;
    for (const e of c.exchanges) if (e.response && e.request.headers['x-amz-target']) e.response.body = rewrite(e.response.body);
    writeFileSync(join(dir, file), formatCassette(c));
  }
  return dir;
}

async function driftBetween(oldDir: string, newDir: string): Promise<string[]> {
  const [a, b] = await Promise.all([readRecording(oldDir, 'diff OLD'), readRecording(newDir, 'diff NEW')]);
  return drift(contractFacts(a), contractFacts(b));
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  work = mkdtempSync(join(tmpdir(), 'diff-test-'));
});
afterAll(() => {
  nock.enableNetConnect();
  rmSync(work, { recursive: true, force: true });
});

describe('diff', () => {
  it('a recording has no drift from itself', async () => {
    expect(await driftBetween(RECORDING, RECORDING)).toEqual([]);
  });

  it('reports a renamed member', async () => {
    const dir = changed('renamed', (b) => b.replaceAll('"ExecutorId":', '"ExecutorID":'));
    const lines = await driftBetween(RECORDING, dir);
    expect(lines).toContain('member gone: ListExecutors 200 ExecutorsSummary[].ExecutorId (was string)');
    expect(lines).toContain('member new: ListExecutors 200 ExecutorsSummary[].ExecutorID (string)');
  });

  it('reports a new enum value', async () => {
    const dir = changed('enum', (b) => b.replace('"ExecutorState":"REGISTERED"', '"ExecutorState":"PENDING"'), 'pagination.exactly-once');
    expect(await driftBetween(RECORDING, dir)).toEqual([expect.stringMatching(/^enum value new: ListExecutors ExecutorsSummary\[\]\.ExecutorState: PENDING \(OLD had CREATED, CREATING, FAILED, REGISTERED, TERMINATED, TERMINATING\)$/)]);
  });

  it('reports a different error code', async () => {
    const dir = changed('code', (b) => b.replace('"__type":"ResourceNotFoundException"', '"__type":"InvalidRequestException"'), 'errors.unknown-session');
    const lines = await driftBetween(RECORDING, dir);
    expect(lines).toContain('answers changed: errors.unknown-session: 400 ResourceNotFoundException → 400 InvalidRequestException');
  });

  it('stays silent on two recordings of the same behaviour with different ids and times', async () => {
    const emulator = await startEmulator();
    const env = { AWS_ENDPOINT_URL_ATHENA: emulator.url, AWS_ACCESS_KEY_ID: 'AKIDDIFFTEST', AWS_SECRET_ACCESS_KEY: 'diff-test', AWS_REGION: 'us-west-2' };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      const live = { workGroup: 'wg', pollIntervalMs: 1 };
      await verify({ live, runs: 4, seed: 5, record: { dir: join(work, 'first') } });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await verify({ live, runs: 4, seed: 5, record: { dir: join(work, 'second') } });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      await emulator.close();
    }
    const first = readFileSync(join(work, 'first', 'pagination.exactly-once.json'), 'utf8');
    const second = readFileSync(join(work, 'second', 'pagination.exactly-once.json'), 'utf8');
    const sessionOf = (text: string) => (JSON.parse(text) as Cassette).header.sessions[0];
    expect(sessionOf(first)).not.toBe(sessionOf(second));
    expect(await driftBetween(join(work, 'first'), join(work, 'second'))).toEqual([]);
  });

  it('the CLI exits 0 without drift, 1 with drift (printing it), 2 on usage errors', async () => {
    const dir = changed('cli', (b) => b.replace('"__type":"ResourceNotFoundException"', '"__type":"ValidationException"'), 'errors.unknown-session');
    const [same, drifted, usage] = await Promise.all([
      runCli(['diff', RECORDING, RECORDING]),
      runCli(['diff', RECORDING, dir]),
      runCli(['diff', RECORDING, join(work, 'nowhere')]),
    ]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^no drift from /);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain('answers changed: errors.unknown-session: 400 ResourceNotFoundException → 400 ValidationException');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^athena-contract: diff NEW: .*nowhere is not a directory; give a directory that verify --record DIR wrote\n$/);
  });
});
