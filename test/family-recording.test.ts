/**
 * Recordings, replay and diff for the family: a run of ListSessions and one of
 * ListCalculationExecutions against an endpoint written in the test (test/helpers/family-lib-endpoint.ts),
 * recorded into one directory, make a cassette set per operation (`ListSessions/{id}.json`, each header
 * naming its operation, told from the calls' X-Amz-Target); each set replays to the recorded verdicts
 * with every exchange served; `diff` reads each operation's facts from its own set and names the
 * operation on a drift line; ListExecutors' recordings, flat and without an operation, read as before.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { runContract } from '../src/contract/run-contract.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_SESSIONS, type OperationProfile } from '../src/profiles/index.js';
import { cassettePath, operationOf, readRecording, type Cassette } from '../src/recording/cassette.js';
import { contractFacts } from '../src/recording/contract-facts.js';
import { drift } from '../src/recording/drift.js';
import { startRecorder } from '../src/recording/recorder.js';
import { ReplayMismatchError, withReplay } from '../src/recording/replay-run.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import { createRedactor } from '../src/wire/redact.js';
import { startFamilyEndpoint, type FamilyEndpoint } from './helpers/family-lib-endpoint.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = sharedTempDir('family-recording-');
const dir = join(work, 'recorded');
const OPERATIONS = [LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS];
const verdicts: Record<string, Record<string, string>> = {};
let endpoint: FamilyEndpoint;

const statuses = (r: Report) => Object.fromEntries(r.properties.map((p) => [p.id, p.status]));

beforeAll(async () => {
  endpoint = await startFamilyEndpoint();
  const target = endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: true });
  // No operation given: the recorder reads each run's from the calls it makes.
  const recorder = startRecorder({ target, seed: 5, mode: 'seeded', runs: 3, sessions: [] }, createRedactor());
  try {
    for (const profile of OPERATIONS) {
      const report = await runContract({ target, mode: 'seeded', profile, seed: 5, runs: 3, deadlineMs: 120_000, listeners: [recorder.listener] });
      verdicts[profile.operation] = statuses(report);
    }
    await recorder.save(dir);
  } finally {
    recorder.stop();
    await target.close();
  }
}, 300_000);

afterAll(async () => {
  await endpoint.close();
});

/** Replays the cassettes of `only` (`Operation/id` or ids) and resolves to the report of the operation they hold. */
function replay(from: string, only?: string[]) {
  return withReplay(from, { only }, ({ seed, listener, ...run }) => runContract({ ...run, seed, listeners: [listener], deadlineMs: 120_000 }));
}

describe('a recording of the family', () => {
  it('holds one cassette set per operation, in a folder named after it, each header naming its operation', async () => {
    expect(Object.values(verdicts).flatMap((v) => Object.values(v)).every((s) => s === 'passed')).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['ListCalculationExecutions', 'ListSessions']);
    for (const profile of OPERATIONS) {
      const files = readdirSync(join(dir, profile.operation)).sort();
      expect(files).toEqual(Object.keys(verdicts[profile.operation]).map((id) => `${id}.json`).sort());
      for (const file of files) {
        const c = JSON.parse(readFileSync(join(dir, profile.operation, file), 'utf8')) as Cassette;
        expect(c.header.operation).toBe(profile.operation);
        expect(c.header.verdict).toBe(verdicts[profile.operation][c.header.property]);
        // Every call of the cassette is its operation's; the rest are the seeding routes.
        const targets = new Set(c.exchanges.map((e) => e.request.headers['x-amz-target'] ?? e.request.path.split('/').slice(0, 3).join('/')));
        expect([...targets].sort()).toEqual([profile.amzTarget, `/_contract/${profile.parent.route}`].sort());
      }
    }
    const read = await readRecording(dir, '--replay');
    expect(read.cassettes.map((c) => cassettePath(c.header))).toEqual(read.cassettes.map((c) => join(operationOf(c.header), `${c.header.property}.json`)));
  });

  it.each(OPERATIONS.map((p) => [p.operation, p] as const))('%s: its set replays to the recorded verdicts, every exchange served', async (operation, profile: OperationProfile) => {
    const ids = Object.keys(verdicts[operation]);
    const report = await replay(dir, ids.map((id) => `${operation}/${id}`));
    expect(statuses(report)).toEqual(verdicts[profile.operation]);
    expect(report.replay.unused).toEqual([]);
    expect(report.replay.served).toBe(report.replay.recorded);
  });

  it('a stale cassette of one operation fails the replay naming that cassette', async () => {
    const stale = join(work, 'stale');
    cpSync(dir, stale, { recursive: true });
    const file = join(stale, 'ListSessions', 'ordering.newest-first.json');
    const c = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
    const call = c.exchanges.findIndex((e) => e.request.headers['x-amz-target'] === LIST_SESSIONS.amzTarget);
    c.exchanges[call].request.body = c.exchanges[call].request.body.replace('"WorkGroup":"', '"WorkGroup":"renamed-');
    writeFileSync(file, JSON.stringify(c));
    await expect(replay(stale, ['ListSessions/ordering.newest-first'])).rejects.toThrow(ReplayMismatchError);
    await expect(replay(stale, ['ListSessions/ordering.newest-first'])).rejects.toThrow(/cassette ListSessions\/ordering\.newest-first\.json no longer matches/);
  });

  it('diff: no drift against itself; a changed member type of one operation is drift named by that operation', async () => {
    const same = drift(contractFacts(await readRecording(dir, 'diff')), contractFacts(await readRecording(dir, 'diff')));
    expect(same.drift).toEqual([]);
    const changed = join(work, 'changed');
    cpSync(dir, changed, { recursive: true });
    const file = join(changed, 'ListCalculationExecutions', 'pagination.exactly-once.json');
    const c = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
    // The calculations' timestamps as ISO strings, as an emulator that got the protocol wrong writes them.
    for (const e of c.exchanges)
      if (e.response && e.request.headers['x-amz-target']) e.response.body = e.response.body.replace(/"SubmissionDateTime":([\d.]+)/g, (_, t: string) => `"SubmissionDateTime":"${new Date(Number(t) * 1000).toISOString()}"`);
    writeFileSync(file, JSON.stringify(c));
    const report = drift(contractFacts(await readRecording(dir, 'diff')), contractFacts(await readRecording(changed, 'diff')));
    expect(report.drift).toContain('ListCalculationExecutions: member type changed: ListCalculationExecutions 200 Calculations[].Status.SubmissionDateTime: number → number, string');
    expect(report.drift.every((line) => line.startsWith('ListCalculationExecutions: '))).toBe(true);
  });

  it('diff: an operation only one recording holds is information, and its facts come from its own cassettes only', async () => {
    const onlySessions = join(work, 'only-sessions');
    cpSync(dir, onlySessions, { recursive: true });
    rmSync(join(onlySessions, 'ListCalculationExecutions'), { recursive: true });
    const report = drift(contractFacts(await readRecording(dir, 'diff')), contractFacts(await readRecording(onlySessions, 'diff')));
    expect(report.drift).toEqual([]);
    expect(report.info.filter((l) => l.startsWith('operation only'))).toEqual([`operation only in OLD: ListCalculationExecutions (${Object.keys(verdicts.ListCalculationExecutions).length} cassettes)`]);
    const sessions = contractFacts(await readRecording(dir, 'diff'), LIST_SESSIONS);
    expect([...sessions.members.keys()].every((answer) => answer.startsWith('ListSessions '))).toBe(true);
    expect([...sessions.probes.keys()].some((probe) => probe.startsWith('ListSessions, known workgroup'))).toBe(true);
  });
});

describe("ListExecutors' recordings from before the family", () => {
  it('read as they are: flat, no operation in their headers, ListExecutors facts and no other operation', async () => {
    const builtin = join(root, 'recordings', 'builtin-emulator');
    const recording = await readRecording(builtin, 'diff');
    expect(recording.cassettes.length).toBeGreaterThan(0);
    expect(recording.cassettes.every((c) => c.header.operation === undefined && operationOf(c.header) === 'ListExecutors')).toBe(true);
    expect(recording.cassettes.every((c) => existsSync(join(builtin, cassettePath(c.header))))).toBe(true);
    const facts = contractFacts(recording);
    expect(facts.profile.operation).toBe('ListExecutors');
    expect(facts.others?.size).toBe(0);
    expect(drift(facts, contractFacts(recording))).toEqual({ drift: [], info: [] });
  });
});
