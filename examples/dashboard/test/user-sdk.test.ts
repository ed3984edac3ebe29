/**
 * emulator.client() is an AthenaClient of this project's own @aws-sdk/client-athena (the package's
 * peer dependency, never a copy of its own): the SDK's paginator accepts it, and this project's
 * aws-sdk-client-mock, whose mockClient(AthenaClient) stubs this project's class, answers it too.
 */
import { AthenaClient, ListExecutorsCommand } from '@aws-sdk/client-athena';
import { startEmulator } from 'athena-executors-contract';
import { listExecutorsHandler } from 'athena-executors-contract/client-mock';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, expect, it } from 'vitest';
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
