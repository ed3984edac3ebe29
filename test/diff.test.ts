/**
 * `athena-contract diff` on edited copies of a committed recording: each kind of drift on the one
 * cassette change that makes it, transient answers and properties that only one side recorded as
 * information, and the CLI's exit codes (0 no drift, 1 drift, 2 usage) and `--json` members.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCassette, readRecording, type Cassette } from '../src/recording/cassette.js';
import { contractFacts } from '../src/recording/contract-facts.js';
import { drift, type DriftReport } from '../src/recording/drift.js';
import { runCli } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const RECORDINGS = fileURLToPath(new URL('../recordings/', import.meta.url));
const RECORDING = join(RECORDINGS, 'builtin-emulator');
const work = sharedTempDir('diff-test-');

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

/** A copy of the committed recording with one session call answered `status` appended to data.faithful's cassette. */
function withSessionCall(name: string, status: number, body: string): string {
  const dir = join(work, name);
  cpSync(RECORDING, dir, { recursive: true });
  const file = join(dir, 'data.faithful.json');
  const c = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
  const request = { method: 'POST', path: '/', headers: { 'x-amz-target': 'AmazonAthena.StopCalculationExecution' }, body: '{"CalculationExecutionId":"c-1"}' };
  c.exchanges.push({ request, response: { status, headers: {}, body }, durationMs: 1 });
  writeFileSync(file, formatCassette(c));
  return dir;
}

async function compare(oldDir: string, newDir: string): Promise<DriftReport> {
  const [a, b] = await Promise.all([readRecording(oldDir, 'diff OLD'), readRecording(newDir, 'diff NEW')]);
  return drift(contractFacts(a), contractFacts(b));
}


describe('diff on edited cassettes', () => {
  it('every committed recording has no drift and nothing to tell from itself', async () => {
    const dirs = readdirSync(RECORDINGS, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.length).toBeGreaterThan(0);
    for (const d of dirs) expect(await compare(join(RECORDINGS, d.name), join(RECORDINGS, d.name)), d.name).toEqual({ drift: [], info: [] });
  });

  it('a renamed member is drift: a member the schema does not have, and a required one gone', async () => {
    const dir = changed('renamed', (b) => b.replaceAll('"ExecutorId":', '"ExecutorID":'));
    const { drift: lines } = await compare(RECORDING, dir);
    expect(lines).toContain('member the schema does not have: ListExecutors 200 ExecutorsSummary[].ExecutorID (string), only in NEW');
    expect(lines).toContain('required member gone: ListExecutors 200 ExecutorsSummary[].ExecutorId (was string)');
  });

  it('an optional member gone is information; one the schema does not have, met in NEW, is drift', async () => {
    const gone = await compare(RECORDING, changed('optional', (b) => b.replace(/,"ExecutorSize":\d+|"ExecutorSize":\d+,/g, '')));
    expect(gone.drift).toEqual([]);
    expect(gone.info).toContain('member only in OLD: ListExecutors 200 ExecutorsSummary[].ExecutorSize (integer) (the schema allows it)');
    const added = await compare(RECORDING, changed('added', (b) => b.replace('"__type":"ResourceNotFoundException"', '"__type":"ResourceNotFoundException","RetryAfter":3'), 'errors.unknown-session'));
    expect(added.drift).toEqual(['member the schema does not have: ListExecutors 400 ResourceNotFoundException RetryAfter (number), only in NEW']);
  });

  it('a JSON type that changed is drift', async () => {
    const dir = changed('typed', (b) => b.replace(/"StartDateTime":(\d+)/g, '"StartDateTime":"$1"'));
    expect((await compare(RECORDING, dir)).drift).toEqual(['member type changed: ListExecutors 200 ExecutorsSummary[].StartDateTime: integer → string']);
  });

  it('an enum value the schema does not have is drift; one it has, met in one recording only, is information', async () => {
    const outside = await compare(RECORDING, changed('enum', (b) => b.replace('"ExecutorState":"REGISTERED"', '"ExecutorState":"PENDING"'), 'pagination.exactly-once'));
    expect(outside.drift).toEqual([expect.stringMatching(/^enum value the schema does not have: ListExecutors 200 ExecutorsSummary\[\]\.ExecutorState: PENDING \(OLD had CREATED, CREATING, FAILED, REGISTERED, TERMINATED, TERMINATING\)$/)]);
    const inside = await compare(RECORDING, changed('states', (b) => b.replaceAll('"ExecutorState":"TERMINATING"', '"ExecutorState":"TERMINATED"')));
    expect(inside).toEqual({ drift: [], info: ['enum value only in OLD: ListExecutors 200 ExecutorsSummary[].ExecutorState: TERMINATING'] });
  });

  it('another error code for the same probe is drift', async () => {
    const dir = changed('code', (b) => b.replace('"__type":"ResourceNotFoundException"', '"__type":"InvalidRequestException"'), 'errors.unknown-session');
    const { drift: lines } = await compare(RECORDING, dir);
    expect(lines).toContain('answers changed for the same probe: ListExecutors, deleted session (a UUID), no NextToken: 400 ResourceNotFoundException → 400 InvalidRequestException');
    expect(lines).toContain('answers changed for the same probe: ListExecutors, unknown session (a UUID), no NextToken: 400 ResourceNotFoundException → 400 InvalidRequestException');
  });

  it('throttling is a transient answer: information, never compared', async () => {
    const dir = changed('throttled', (b) => b.replace(/^\{"__type":"ResourceNotFoundException"[^]*$/, '{"__type":"ThrottlingException","message":"Rate exceeded"}'), 'errors.unknown-session');
    const report = await compare(RECORDING, dir);
    expect(report.drift).toEqual([]);
    expect(report.info).toContainEqual(expect.stringMatching(/^transient answer in NEW, not compared: ListExecutors, (deleted|unknown) session \(a UUID\), no NextToken: 400 ThrottlingException \(\d+×\)$/));
  });

  it("the harness's session calls are no probes: other answers to them are information", async () => {
    const stopping = withSessionCall('stopping', 200, '{"State":"STOPPING"}');
    const ended = withSessionCall('ended', 400, '{"__type":"InvalidRequestException","Message":"the calculation has ended"}');
    const report = await compare(stopping, ended);
    expect(report.drift).toEqual([]);
    expect(report.info).toContain('answers of StopCalculationExecution (a session call, not compared): 200 → 400 InvalidRequestException');
  });

  it('a property recorded on one side only is information', async () => {
    const dir = join(work, 'fewer');
    cpSync(RECORDING, dir, { recursive: true });
    rmSync(join(dir, 'data.faithful.json'));
    expect((await compare(RECORDING, dir)).info).toContain('property only in OLD: data.faithful');
  });

  it('the CLI exits 0 without drift, 1 with drift (printing it), 2 on usage errors; --json holds drift and info', async () => {
    const dir = changed('cli', (b) => b.replace('"__type":"ResourceNotFoundException"', '"__type":"ValidationException"'), 'errors.unknown-session');
    const optional = changed('cli-info', (b) => b.replace(/,"ExecutorSize":\d+|"ExecutorSize":\d+,/g, ''));
    const [same, drifted, info, usage, one] = await Promise.all([
      runCli(['diff', RECORDING, RECORDING]),
      runCli(['diff', RECORDING, dir, '--json', join(work, 'drift.json')]),
      runCli(['diff', RECORDING, optional, '--json', join(work, 'info.json')]),
      runCli(['diff', RECORDING, join(work, 'nowhere')]),
      runCli(['diff', RECORDING]),
    ]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^no drift from .*\n$/);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toMatch(/^drift from /);
    expect(drifted.stdout).toContain('  answers changed for the same probe: ListExecutors, deleted session (a UUID), no NextToken: 400 ResourceNotFoundException → 400 ValidationException\n');
    const json = JSON.parse(readFileSync(join(work, 'drift.json'), 'utf8')) as { old: string; new: string; drift: string[]; info: string[] };
    expect(json).toMatchObject({ old: RECORDING, new: dir });
    expect(json.drift.length).toBeGreaterThan(0);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/^no drift from [^\n]*\ninformation \(data, not drift\):\n {2}member only in OLD: ListExecutors 200 ExecutorsSummary\[\]\.ExecutorSize/);
    expect(JSON.parse(readFileSync(join(work, 'info.json'), 'utf8'))).toMatchObject({ drift: [], info: [expect.stringContaining('ExecutorSize')] });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^athena-contract: diff NEW: .*nowhere is not a directory; give a directory that verify --record DIR wrote\n$/);
    expect(one.code).toBe(2);
    expect(one.stderr).toBe('athena-contract: diff: expected two recording directories, OLD and NEW, got 1; e.g. athena-contract diff recordings/builtin-emulator reports/my-emulator\n');
  });
});
