/**
 * emulator.client() is an AthenaClient of this project's own @aws-sdk/client-athena (the package's
 * peer dependency, never a copy of its own): the SDK's paginator accepts it, and this project's
 * aws-sdk-client-mock, whose mockClient(AthenaClient) stubs this project's class, answers it too.
 * The ListSessions handler pages this project's own paginateListSessions the same way.
 */
import { AthenaClient, ListExecutorsCommand, ListSessionsCommand, type SessionSummary } from '@aws-sdk/client-athena';
import { startEmulator } from 'athena-executors-contract';
import { listExecutorsHandler, listSessionsHandler } from 'athena-executors-contract/client-mock';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, expect, it } from 'vitest';
import { listSessionsIn } from '../src/active-sessions.js';
import { listRunningExecutors } from '../src/running-executors.js';
import { executors, runningIds } from './executors.js';

const emulator = await startEmulator({ sessions: { 'session-1': executors } });
afterAll(() => emulator.close());

it("emulator.client() is this project's AthenaClient, which the SDK's paginator accepts", async () => {
  expect(emulator.client()).toBeInstanceOf(AthenaClient);
  expect((await listRunningExecutors(emulator.client(), 'session-1')).map((e) => e.ExecutorId)).toEqual(runningIds);
});

it("this project's mockClient(AthenaClient) answers emulator.client() too", async () => {
  const athena = mockClient(AthenaClient);
  try {
    athena.on(ListExecutorsCommand).callsFake(listExecutorsHandler({ sessions: { 'mocked-session': executors.slice(0, 6) } }));
    // The emulator has no such session: only the mock, which stubs this project's class, can answer.
    const running = await listRunningExecutors(emulator.client(), 'mocked-session');
    expect(running.map((e) => e.ExecutorId)).toEqual(['executor-004', 'executor-001']);
    expect(athena.commandCalls(ListExecutorsCommand)).toHaveLength(1);
  } finally {
    athena.restore();
  }
});

/** A workgroup's sessions, one minute apart, every third one IDLE, the times as the SDK types them (Dates). */
const START = Date.UTC(2026, 0, 1);
const STATES = ['IDLE', 'BUSY', 'TERMINATED'] as const;
const sessions: SessionSummary[] = Array.from({ length: 30 }, (_, i) => ({
  SessionId: `session-${String(i).padStart(2, '0')}`,
  Status: { StartDateTime: new Date(START + i * 60_000), State: STATES[i % 3] },
}));

it("the ListSessions handler pages this project's paginateListSessions: every IDLE session once, newest first, its times as Dates", async () => {
  const athena = mockClient(AthenaClient);
  try {
    athena.on(ListSessionsCommand).callsFake(listSessionsHandler({ workgroups: { primary: sessions } }));
    const idle = await listSessionsIn(new AthenaClient({ region: 'us-east-1' }), 'primary', 'IDLE', 3);
    const expected = sessions.filter((s) => s.Status?.State === 'IDLE').reverse();
    expect(idle.map((s) => s.SessionId)).toEqual(expected.map((s) => s.SessionId));
    expect(idle.map((s) => s.Status?.StartDateTime?.getTime())).toEqual(expected.map((s) => s.Status?.StartDateTime?.getTime()));
    expect(athena.commandCalls(ListSessionsCommand)).toHaveLength(4);
  } finally {
    athena.restore();
  }
});
