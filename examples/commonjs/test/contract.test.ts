/**
 * vitest tests in a CommonJS project: vitest loads this file itself, so its imports work here as in
 * an ESM project. TypeScript checks it as CommonJS (tsconfig.json), against the package's CommonJS types.
 */
import { AthenaClient, ListExecutorsCommand } from '@aws-sdk/client-athena';
import { startEmulator, type Emulator, type ExecutorsSummary } from 'athena-executors-contract';
import { listExecutorsHandler } from 'athena-executors-contract/client-mock';
import { contractSuite } from 'athena-executors-contract/vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, expect, it } from 'vitest';

const executors: ExecutorsSummary[] = [
  { ExecutorId: 'coordinator', ExecutorType: 'COORDINATOR', ExecutorState: 'REGISTERED', StartDateTime: 1 },
  { ExecutorId: 'worker-1', ExecutorType: 'WORKER', ExecutorState: 'REGISTERED', StartDateTime: 2 },
];

contractSuite({ name: 'built-in emulator', runs: 5 });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ sessions: { 'session-1': executors } });
});
afterAll(() => emulator.close());

it("emulator.client() is this project's AthenaClient, and this project's mockClient(AthenaClient) answers it", async () => {
  expect(emulator.client()).toBeInstanceOf(AthenaClient);
  const served = await emulator.client().send(new ListExecutorsCommand({ SessionId: 'session-1' }));
  expect(served.ExecutorsSummary?.map((e) => e.ExecutorId)).toEqual(['worker-1', 'coordinator']);
  const athena = mockClient(AthenaClient);
  try {
    athena.on(ListExecutorsCommand).callsFake(listExecutorsHandler({ sessions: { 'mocked-session': executors.slice(0, 1) } }));
    const mocked = await emulator.client().send(new ListExecutorsCommand({ SessionId: 'mocked-session' }));
    expect(mocked.ExecutorsSummary?.map((e) => e.ExecutorId)).toEqual(['coordinator']);
  } finally {
    athena.restore();
  }
});
