/**
 * The dashboard's code under aws-sdk-client-mock, answered by the reference model: real pages, real
 * tokens, the state filter, and the SDK's own exceptions for bad input.
 */
import { AthenaClient, InvalidRequestException, ListExecutorsCommand } from '@aws-sdk/client-athena';
import { listExecutorsHandler } from 'athena-executors-contract/client-mock';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { listRunningExecutors } from '../src/running-executors.js';
import { executors, runningIds } from './executors.js';

const athena = mockClient(AthenaClient);
const handler = listExecutorsHandler({ sessions: { 'session-1': executors } });

beforeEach(() => {
  athena.reset();
  athena.on(ListExecutorsCommand).callsFake(handler);
});

describe('listRunningExecutors', () => {
  it('lists every running executor, newest first, across pages', async () => {
    const running = await listRunningExecutors(new AthenaClient({ region: 'us-east-1' }), 'session-1', 7);
    expect(running.map((e) => e.ExecutorId)).toEqual(runningIds);
    // 40 running executors in pages of 7: six calls, each sending the previous page's token.
    const calls = athena.commandCalls(ListExecutorsCommand);
    expect(calls).toHaveLength(6);
    expect(calls.slice(1).every((c) => typeof c.args[0].input.NextToken === 'string')).toBe(true);
  });

  it('shows no executors for a session that is gone', async () => {
    handler.seed('session-2', executors.slice(0, 3));
    handler.drop('session-2');
    expect(await listRunningExecutors(new AthenaClient({ region: 'us-east-1' }), 'session-2')).toEqual([]);
  });

  it('surfaces a page size AWS rejects as the SDK\'s InvalidRequestException', async () => {
    const error = await listRunningExecutors(new AthenaClient({ region: 'us-east-1' }), 'session-1', 500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect(error).toMatchObject({ $fault: 'client', $metadata: { httpStatusCode: 400 }, AthenaErrorCode: 'INVALID_INPUT' });
  });
});
