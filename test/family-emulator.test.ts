/**
 * The built-in emulator serves ListSessions and ListCalculationExecutions beside ListExecutors: the
 * seeding routes exactly as API.md pins them (one namespace of sessions holding executors and
 * calculations, one of workgroups holding sessions), `startEmulator({ workgroups, sessions })`, the
 * core's generic seeding, tokens bound to their operation, faults that change only their operation,
 * the three bindings, and the live calls (StartSession, StartCalculationExecution, ...) showing up in
 * both lists as AWS lists them.
 */
import {
  AthenaClient,
  ListCalculationExecutionsCommand,
  ListSessionsCommand,
  ResourceNotFoundException,
  paginateListCalculationExecutions,
  paginateListSessions,
  type CalculationSummary as SdkCalculationSummary,
  type SessionSummary as SdkSessionSummary,
} from '@aws-sdk/client-athena';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalculationSummary, ExecutorsSummary, SessionSummary } from '../src/generated/athena.js';
import { AMZ_JSON, DUMMY_CREDENTIALS, createEmulator, interceptAthena, startEmulator, type Emulator, type EmulatorCore } from '../src/emulator/index.js';
import { parseServeArgs } from '../src/cli/serve-command.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS } from '../src/profiles/index.js';
import { call, type Answer } from './helpers/emulator-call.js';
import { tempDir } from './helpers/temp-dir.js';

const S0 = 1_764_000_000;
/** Nine sessions of a workgroup, seeded out of order, in every state the filter is tried with. */
const SESSIONS: SessionSummary[] = [5, 1, 8, 0, 3, 7, 2, 6, 4].map((k) => ({
  SessionId: `session-${k}`,
  Description: `session ${k}`,
  EngineVersion: { SelectedEngineVersion: 'PySpark engine version 3', EffectiveEngineVersion: 'PySpark engine version 3' },
  Status: { StartDateTime: S0 + k * 10 + 0.125, LastModifiedDateTime: S0 + 1000 - k, State: (['IDLE', 'TERMINATED', 'BUSY'] as const)[k % 3] },
}));
/** Seven calculations of a session, seeded out of order. */
const CALCULATIONS: CalculationSummary[] = [2, 6, 0, 4, 1, 5, 3].map((k) => ({
  CalculationExecutionId: `calc-${k}`,
  Status: { SubmissionDateTime: S0 + k, State: k % 2 ? 'COMPLETED' : 'RUNNING', ...(k % 2 ? { CompletionDateTime: S0 + 100 + k } : {}) },
}));
const EXECUTORS: ExecutorsSummary[] = [1, 2].map((k) => ({ ExecutorId: `executor-${k}`, StartDateTime: S0 * 1000 + k }));
const newestSessions = [8, 7, 6, 5, 4, 3, 2, 1, 0].map((k) => `session-${k}`);
const newestCalculations = [6, 5, 4, 3, 2, 1, 0].map((k) => `calc-${k}`);

function route(core: EmulatorCore, method: 'PUT' | 'DELETE', path: string, body: unknown = undefined): { status: number; message: string } {
  const res = core.handle({ method, path, headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, message: res.body === '' ? '' : String((JSON.parse(res.body) as Record<string, unknown>).Message) };
}

const sessionIds = (a: Answer): string[] => ((a.body.Sessions ?? []) as SessionSummary[]).map((s) => s.SessionId!);
const calculationIds = (a: Answer): string[] => ((a.body.Calculations ?? []) as CalculationSummary[]).map((c) => c.CalculationExecutionId!);
const executorIds = (a: Answer): string[] => ((a.body.ExecutorsSummary ?? []) as ExecutorsSummary[]).map((e) => e.ExecutorId!);

/** Every id of a walk at `pageSize` a page, following NextToken (at most 20 pages). */
function walk(core: EmulatorCore, operation: string, request: Record<string, unknown>, pageSize: number): string[] {
  const ids: string[] = [];
  let token: unknown;
  for (let i = 0; i < 20; i++) {
    const a = call(core, operation, { ...request, MaxResults: pageSize, ...(token ? { NextToken: token } : {}) });
    expect(a.status).toBe(200);
    ids.push(...(operation === 'ListSessions' ? sessionIds(a) : calculationIds(a)));
    token = a.body.NextToken;
    if (!token) return ids;
  }
  throw new Error(`${operation}: no last page in 20`);
}

describe('the seeding routes of the family', () => {
  it('PUT /_contract/sessions/{id} holds exactly the executors and calculations given; an absent member means none', () => {
    const core = createEmulator();
    expect(route(core, 'PUT', '/_contract/sessions/a%2Fb', { executors: EXECUTORS, calculations: CALCULATIONS }).status).toBe(204);
    expect(executorIds(call(core, 'ListExecutors', { SessionId: 'a/b' }))).toEqual(['executor-2', 'executor-1']);
    expect(calculationIds(call(core, 'ListCalculationExecutions', { SessionId: 'a/b' }))).toEqual(newestCalculations);
    // Only calculations: the session now holds no executors.
    expect(route(core, 'PUT', '/_contract/sessions/a%2Fb', { calculations: CALCULATIONS.slice(0, 2) }).status).toBe(204);
    expect(call(core, 'ListExecutors', { SessionId: 'a/b' }).body.ExecutorsSummary).toEqual([]);
    expect(calculationIds(call(core, 'ListCalculationExecutions', { SessionId: 'a/b' }))).toEqual(['calc-6', 'calc-2']);
    // Only executors, as every seeding of ListExecutors sends: no calculations.
    expect(route(core, 'PUT', '/_contract/sessions/a%2Fb', { executors: EXECUTORS }).status).toBe(204);
    expect(call(core, 'ListCalculationExecutions', { SessionId: 'a/b' }).body).toEqual({ Calculations: [] });
    expect(route(core, 'PUT', '/_contract/sessions/empty', {}).status).toBe(204);
    expect([call(core, 'ListExecutors', { SessionId: 'empty' }).status, call(core, 'ListCalculationExecutions', { SessionId: 'empty' }).status]).toEqual([200, 200]);
  });

  it('DELETE /_contract/sessions/{id} forgets the executors and the calculations, idempotently', () => {
    const core = createEmulator({ sessions: { s: { executors: EXECUTORS, calculations: CALCULATIONS } } });
    expect(route(core, 'DELETE', '/_contract/sessions/s').status).toBe(204);
    for (const op of ['ListExecutors', 'ListCalculationExecutions']) expect([op, call(core, op, { SessionId: 's' }).body.__type]).toEqual([op, 'ResourceNotFoundException']);
    expect(route(core, 'DELETE', '/_contract/sessions/s').status).toBe(204);
  });

  it('PUT and DELETE /_contract/workgroups/{name}: the workgroup holds exactly the sessions given, apart from the sessions namespace', () => {
    const core = createEmulator();
    expect(route(core, 'PUT', '/_contract/workgroups/wg', { sessions: SESSIONS }).status).toBe(204);
    expect(walk(core, 'ListSessions', { WorkGroup: 'wg' }, 4)).toEqual(newestSessions);
    expect(call(core, 'ListExecutors', { SessionId: 'session-1' }).status).toBe(400);
    expect(route(core, 'PUT', '/_contract/workgroups/wg', { sessions: SESSIONS.slice(0, 1) }).status).toBe(204);
    expect(sessionIds(call(core, 'ListSessions', { WorkGroup: 'wg' }))).toEqual(['session-5']);
    expect(route(core, 'PUT', '/_contract/workgroups/none', {}).status).toBe(204);
    expect(call(core, 'ListSessions', { WorkGroup: 'none' }).body).toEqual({ Sessions: [] });
    expect(route(core, 'DELETE', '/_contract/workgroups/wg').status).toBe(204);
    expect(call(core, 'ListSessions', { WorkGroup: 'wg' }).body.__type).toBe('ResourceNotFoundException');
    expect(route(core, 'DELETE', '/_contract/workgroups/wg').status).toBe(204);
  });

  it('an invalid body is a 400 whose one-line message names the member, and changes nothing', () => {
    const core = createEmulator({ sessions: { s: { executors: EXECUTORS } }, workgroups: { wg: SESSIONS } });
    const cases: [string, unknown, RegExp][] = [
      ['/_contract/sessions/s', { calculations: [{ CalculationExecutionId: 'x'.repeat(37) }] }, /^seed body: calculations\[0\]\.CalculationExecutionId: .*; send \{"executors": \[.*\], "calculations": \[.*\]\}$/],
      ['/_contract/sessions/s', { calculations: [{ Status: { SubmissionDateTime: '2025-01-01T00:00:00Z' } }] }, /calculations\[0\]\.Status\.SubmissionDateTime/],
      ['/_contract/sessions/s', { calculation: [] }, /^seed body: unknown member "calculation"; send/],
      ['/_contract/sessions/s', { executors: EXECUTORS, calculations: [CALCULATIONS[0], CALCULATIONS[0]] }, /CalculationExecutionId "calc-2" appears twice/],
      ['/_contract/workgroups/wg', { sessions: [{ SessionId: '' }] }, /^seed body: sessions\[0\]\.SessionId: /],
      ['/_contract/workgroups/wg', { sessions: null }, /^seed body: sessions: must be array/],
      ['/_contract/workgroups/wg', [], /^seed body: expected a JSON object; send \{"sessions": \[.*\]\}$/],
      ['/_contract/workgroups/wg', '{', /^seed body: not valid JSON; send \{"sessions": /],
    ];
    for (const [path, body, message] of cases) {
      const res = route(core, 'PUT', path, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.message).toMatch(message);
      expect(res.message).not.toContain('\n');
    }
    expect(executorIds(call(core, 'ListExecutors', { SessionId: 's' }))).toEqual(['executor-2', 'executor-1']);
    expect(sessionIds(call(core, 'ListSessions', { WorkGroup: 'wg', MaxResults: 100 }))).toEqual(newestSessions);
  });
});

describe('ListSessions and ListCalculationExecutions in the emulator', () => {
  const core = createEmulator({ sessions: { s: { executors: EXECUTORS, calculations: CALCULATIONS }, old: EXECUTORS }, workgroups: { wg: SESSIONS, other: SESSIONS.slice(0, 3) } });

  it('list newest first across pages, every item once, unfiltered listing every session whatever its state', () => {
    expect(walk(core, 'ListSessions', { WorkGroup: 'wg' }, 2)).toEqual(newestSessions);
    expect(walk(core, 'ListCalculationExecutions', { SessionId: 's' }, 3)).toEqual(newestCalculations);
  });

  it('filter on Status.State before paging, ended states included', () => {
    expect(walk(core, 'ListSessions', { WorkGroup: 'wg', StateFilter: 'TERMINATED' }, 2)).toEqual(['session-7', 'session-4', 'session-1']);
    expect(walk(core, 'ListCalculationExecutions', { SessionId: 's', StateFilter: 'COMPLETED' }, 1)).toEqual(['calc-5', 'calc-3', 'calc-1']);
  });

  it('answer an unknown workgroup or session with ResourceNotFoundException naming it; a session seeded with executors only lists no calculations', () => {
    const wg = call(core, 'ListSessions', { WorkGroup: 'nope' });
    expect([wg.status, wg.body.__type, wg.body.ResourceName]).toEqual([400, 'ResourceNotFoundException', 'nope']);
    expect(wg.body.Message).toBe('Workgroup nope was not found: create it with CreateWorkGroup or check the WorkGroup');
    const calc = call(core, 'ListCalculationExecutions', { SessionId: 'nope' });
    expect([calc.status, calc.body.__type]).toEqual([400, 'ResourceNotFoundException']);
    expect(call(core, 'ListCalculationExecutions', { SessionId: 'old' }).body).toEqual({ Calculations: [] });
  });

  it('bind a token to its operation, parent and filter: a ListExecutors token is no good for ListCalculationExecutions of the same session', () => {
    const executorsToken = call(core, 'ListExecutors', { SessionId: 's', MaxResults: 1 }).body.NextToken;
    const calculationsToken = call(core, 'ListCalculationExecutions', { SessionId: 's', MaxResults: 1 }).body.NextToken;
    const sessionsToken = call(core, 'ListSessions', { WorkGroup: 'wg', MaxResults: 1 }).body.NextToken;
    expect(call(core, 'ListCalculationExecutions', { SessionId: 's', NextToken: calculationsToken }).status).toBe(200);
    for (const [op, body] of [
      ['ListCalculationExecutions', { SessionId: 's', NextToken: executorsToken }],
      ['ListExecutors', { SessionId: 's', NextToken: calculationsToken }],
      ['ListSessions', { WorkGroup: 'other', NextToken: sessionsToken }],
      ['ListSessions', { WorkGroup: 'wg', StateFilter: 'IDLE', NextToken: sessionsToken }],
    ] as const) {
      const a = call(core, op, body);
      expect([op, a.status, a.body.__type]).toEqual([op, 400, 'InvalidRequestException']);
    }
  });

  it('validate the request through the profile: the WorkGroup pattern, MaxResults 1..100, the enum', () => {
    for (const body of [{ WorkGroup: 'a b' }, { WorkGroup: 'x'.repeat(129) }, { WorkGroup: 'wg', MaxResults: 0 }, { WorkGroup: 'wg', StateFilter: 'QUEUED' }]) {
      expect(call(core, 'ListSessions', body).body.__type).toBe('InvalidRequestException');
    }
    expect(call(core, 'ListCalculationExecutions', { SessionId: 's', StateFilter: 'IDLE' }).body.__type).toBe('InvalidRequestException');
  });
});

describe('seeding from code', () => {
  it('startEmulator takes workgroups and sessions in both forms; seed(id, executors) keeps a session calculations; seedItems and dropParent work per profile', async () => {
    const server: Emulator = await startEmulator({ workgroups: { wg: SESSIONS }, sessions: { plain: EXECUTORS, both: { executors: EXECUTORS, calculations: CALCULATIONS }, calcs: { calculations: CALCULATIONS } } });
    try {
      const { core } = server;
      expect(executorIds(call(core, 'ListExecutors', { SessionId: 'plain' }))).toEqual(['executor-2', 'executor-1']);
      expect(call(core, 'ListCalculationExecutions', { SessionId: 'plain' }).body).toEqual({ Calculations: [] });
      expect(call(core, 'ListExecutors', { SessionId: 'calcs' }).body).toEqual({ SessionId: 'calcs', ExecutorsSummary: [] });
      server.seed('both', EXECUTORS.slice(0, 1));
      expect(executorIds(call(core, 'ListExecutors', { SessionId: 'both' }))).toEqual(['executor-1']);
      expect(calculationIds(call(core, 'ListCalculationExecutions', { SessionId: 'both', MaxResults: 100 }))).toEqual(newestCalculations);
      core.seedItems(LIST_CALCULATION_EXECUTIONS, 'fresh', CALCULATIONS.slice(0, 1));
      expect(call(core, 'ListExecutors', { SessionId: 'fresh' }).body.ExecutorsSummary).toEqual([]);
      core.seedItems(LIST_SESSIONS, 'wg2', SESSIONS.slice(0, 2));
      expect(sessionIds(call(core, 'ListSessions', { WorkGroup: 'wg2' }))).toEqual(['session-5', 'session-1']);
      core.dropParent(LIST_CALCULATION_EXECUTIONS, 'both');
      expect(call(core, 'ListExecutors', { SessionId: 'both' }).status).toBe(400);
      server.drop('fresh');
      expect(call(core, 'ListCalculationExecutions', { SessionId: 'fresh' }).status).toBe(400);
      expect(() => core.seedItems(LIST_SESSIONS, 'bad', [{ SessionId: 5 }])).toThrow(/^seed\("bad"\): seed body: sessions\[0\]\.SessionId: must be string/);
      expect(() => createEmulator({ workgroups: { wg: [{ Status: { StartDateTime: 'now' } }] as unknown as SessionSummary[] } })).toThrow(/sessions\[0\]\.Status\.StartDateTime/);
      expect(() => core.seedItems({ ...LIST_EXECUTORS, operation: 'ListWidgets' }, 'x', [])).toThrow(/does not serve ListWidgets/);
    } finally {
      await server.close();
    }
  });
});

describe('serve --seed-file', () => {
  it('passes sessions (a list of executors, or executors and calculations) and workgroups through to the emulator, and names a bad parent', () => {
    const dir = tempDir('family-seed-');
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify({ sessions: { plain: EXECUTORS, both: { calculations: CALCULATIONS } }, workgroups: { wg: SESSIONS } }));
    const config = parseServeArgs(['--seed-file', file]);
    const core = createEmulator(config);
    expect(executorIds(call(core, 'ListExecutors', { SessionId: 'plain' }))).toEqual(['executor-2', 'executor-1']);
    expect(calculationIds(call(core, 'ListCalculationExecutions', { SessionId: 'both', MaxResults: 100 }))).toEqual(newestCalculations);
    expect(walk(core, 'ListSessions', { WorkGroup: 'wg' }, 5)).toEqual(newestSessions);
    writeFileSync(file, JSON.stringify({ workgroups: { wg: [{ SessionId: 7 }] } }));
    expect(() => parseServeArgs(['--seed-file', file])).toThrow(/^--seed-file: .*, workgroup "wg": sessions\[0\]\.SessionId: must be string/);
    writeFileSync(file, JSON.stringify({ other: {} }));
    expect(() => parseServeArgs(['--seed-file', file])).toThrow(/has no "sessions" or "workgroups" object/);
  });
});

describe('faults change only their operation', () => {
  it('ListExecutors faults leave ListSessions and ListCalculationExecutions as the model has them, and the other way round', () => {
    const seeded = { sessions: { s: { executors: EXECUTORS, calculations: CALCULATIONS } }, workgroups: { wg: SESSIONS } };
    const executorsFaulty = createEmulator({ ...seeded, faults: ['oldest-first', 'plain-text-errors', 'max-results-ignored'] });
    expect(executorIds(call(executorsFaulty, 'ListExecutors', { SessionId: 's' }))).toEqual(['executor-1', 'executor-2']);
    expect(walk(executorsFaulty, 'ListSessions', { WorkGroup: 'wg' }, 2)).toEqual(newestSessions);
    expect(walk(executorsFaulty, 'ListCalculationExecutions', { SessionId: 's' }, 2)).toEqual(newestCalculations);
    expect(call(executorsFaulty, 'ListExecutors', { SessionId: 'nope' }).headers['content-type']).toBe('text/plain');
    expect(call(executorsFaulty, 'ListSessions', { WorkGroup: 'nope' }).headers['content-type']).toBe(AMZ_JSON);

    const sessionsFaulty = createEmulator({ ...seeded, faults: ['sessions-oldest-first'] });
    expect(walk(sessionsFaulty, 'ListSessions', { WorkGroup: 'wg' }, 2)).toEqual([...newestSessions].reverse());
    expect(walk(sessionsFaulty, 'ListCalculationExecutions', { SessionId: 's' }, 2)).toEqual(newestCalculations);
    expect(executorIds(call(sessionsFaulty, 'ListExecutors', { SessionId: 's' }))).toEqual(['executor-2', 'executor-1']);
  });
});

describe('the family through the AWS SDK, over HTTP and nock', () => {
  let server: Emulator;
  let restoreNock: () => void;
  const seeded = { sessions: { s: { calculations: CALCULATIONS } }, workgroups: { wg: SESSIONS } };

  beforeAll(async () => {
    server = await startEmulator(seeded);
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    restoreNock = interceptAthena(createEmulator(seeded), { region: 'eu-west-1' }).restore;
  });

  afterAll(async () => {
    restoreNock();
    nock.enableNetConnect();
    await server.close();
  });

  const clients: [string, () => AthenaClient][] = [
    ['HTTP server', () => server.client()],
    ['nock', () => new AthenaClient({ region: 'eu-west-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 })],
  ];

  it.each(clients)('%s: the SDK paginators list every item once, newest first, with timestamps read as the seeded instants', async (_name, client) => {
    const sessions: SdkSessionSummary[] = [];
    for await (const page of paginateListSessions({ client: client(), pageSize: 4, stopOnSameToken: true }, { WorkGroup: 'wg' })) sessions.push(...(page.Sessions ?? []));
    expect(sessions.map((s) => s.SessionId)).toEqual(newestSessions);
    expect(sessions[0].Status?.StartDateTime?.getTime()).toBe((S0 + 80.125) * 1000);
    const calculations: SdkCalculationSummary[] = [];
    for await (const page of paginateListCalculationExecutions({ client: client(), pageSize: 3, stopOnSameToken: true }, { SessionId: 's' })) calculations.push(...(page.Calculations ?? []));
    expect(calculations.map((c) => c.CalculationExecutionId)).toEqual(newestCalculations);
    expect(calculations[0].Status?.SubmissionDateTime?.getTime()).toBe((S0 + 6) * 1000);
  });

  it.each(clients)('%s: an unknown workgroup is a ResourceNotFoundException', async (_name, client) => {
    const e = await client().send(new ListSessionsCommand({ WorkGroup: 'nope' })).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ResourceNotFoundException);
    const filtered = await client().send(new ListCalculationExecutionsCommand({ SessionId: 's', StateFilter: 'RUNNING' }));
    expect(filtered.Calculations?.map((c) => c.CalculationExecutionId)).toEqual(['calc-6', 'calc-4', 'calc-2', 'calc-0']);
  });
});

describe('live calls show up as AWS lists them', () => {
  it('a started session is listed in its workgroup as its state moves; its calculations are listed as they run and end', () => {
    let now = S0 * 1000 + 500;
    const core = createEmulator({ clock: () => now, growth: { stepMs: 100, calculationMs: 1000 }, workgroups: { spark: SESSIONS.slice(0, 1) } });
    const sessionId = String(call(core, 'StartSession', { WorkGroup: 'spark', Description: 'dashboard', EngineConfiguration: { MaxConcurrentDpus: 4 } }).body.SessionId);
    const listed = (): SessionSummary => ((call(core, 'ListSessions', { WorkGroup: 'spark' }).body.Sessions ?? []) as SessionSummary[]).find((s) => s.SessionId === sessionId)!;
    expect(sessionIds(call(core, 'ListSessions', { WorkGroup: 'spark' }))).toEqual(['session-5', sessionId]);
    expect(listed()).toEqual({
      SessionId: sessionId,
      Description: 'dashboard',
      EngineVersion: { SelectedEngineVersion: 'PySpark engine version 3', EffectiveEngineVersion: 'PySpark engine version 3' },
      Status: { StartDateTime: S0 + 0.5, LastModifiedDateTime: S0 + 0.5, State: 'CREATING' },
    });
    expect(call(core, 'ListCalculationExecutions', { SessionId: sessionId }).body).toEqual({ Calculations: [] });
    now += 1000;
    for (let i = 0; i < 3; i++) call(core, 'GetSessionStatus', { SessionId: sessionId });
    expect(listed().Status).toMatchObject({ State: 'IDLE', LastModifiedDateTime: S0 + 1.5 });
    // A workgroup started in by StartSession alone is known too.
    const other = String(call(core, 'StartSession', { WorkGroup: 'fresh-wg', EngineConfiguration: { MaxConcurrentDpus: 2 } }).body.SessionId);
    expect(sessionIds(call(core, 'ListSessions', { WorkGroup: 'fresh-wg' }))).toEqual([other]);

    const first = String(call(core, 'StartCalculationExecution', { SessionId: sessionId, CodeBlock: 'print(1)', Description: 'one' }).body.CalculationExecutionId);
    const calculations = (): CalculationSummary[] => (call(core, 'ListCalculationExecutions', { SessionId: sessionId }).body.Calculations ?? []) as CalculationSummary[];
    expect(calculations()).toEqual([{ CalculationExecutionId: first, Description: 'one', Status: { SubmissionDateTime: S0 + 1.5, State: 'CREATING' } }]);
    expect(listed().Status?.State).toBe('BUSY');
    now += 250;
    expect(calculations()[0].Status).toEqual({ SubmissionDateTime: S0 + 1.5, State: 'RUNNING' });
    now += 1000;
    // The first one completed at 2.5 s; the session is IDLE again and takes the next.
    expect(listed().Status?.State).toBe('IDLE');
    const second = String(call(core, 'StartCalculationExecution', { SessionId: sessionId, CodeBlock: 'print(2)' }).body.CalculationExecutionId);
    expect(calculations()).toEqual([
      { CalculationExecutionId: second, Status: { SubmissionDateTime: S0 + 2.75, State: 'CREATING' } },
      { CalculationExecutionId: first, Description: 'one', Status: { SubmissionDateTime: S0 + 1.5, CompletionDateTime: S0 + 2.5, State: 'COMPLETED' } },
    ]);
    now += 250;
    expect(calculations().map((c) => c.Status?.State)).toEqual(['RUNNING', 'COMPLETED']);
    expect(call(core, 'ListCalculationExecutions', { SessionId: sessionId, StateFilter: 'COMPLETED' }).body.Calculations).toHaveLength(1);
    call(core, 'TerminateSession', { SessionId: sessionId });
    expect(listed().Status).toMatchObject({ State: 'TERMINATED', EndDateTime: S0 + 3 });
    now += 250;
    expect(calculations().map((c) => c.Status?.State)).toEqual(['CANCELED', 'COMPLETED']);
    expect(calculations()[0].Status).toMatchObject({ CompletionDateTime: S0 + 3, StateChangeReason: 'The session was terminated' });
    expect(sessionIds(call(core, 'ListSessions', { WorkGroup: 'spark', StateFilter: 'TERMINATED' }))).toEqual([sessionId]);
    // Dropping the session forgets it in its workgroup too.
    expect(route(core, 'DELETE', `/_contract/sessions/${sessionId}`).status).toBe(204);
    expect(sessionIds(call(core, 'ListSessions', { WorkGroup: 'spark' }))).toEqual(['session-5']);
  });
});
