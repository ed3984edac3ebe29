/**
 * The client-mock handler speaks the SDK's own types: its input is `ListExecutorsCommandInput`, its
 * output `ListExecutorsCommandOutput`, its seeds the SDK's `ExecutorsSummary`. Checked by
 * `tsc --noEmit` (part of `npm test`); the runtime test plugs it into aws-sdk-client-mock.
 */
import {
  AthenaClient,
  ListExecutorsCommand,
  type ExecutorsSummary,
  type ListExecutorsCommandInput,
  type ListExecutorsCommandOutput,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { expect, it } from 'vitest';
import { listExecutorsHandler, type ListExecutorsHandler } from '../src/client-mock.js';

/** True when A and B are the same type (not merely mutually assignable: optionality counts). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when its type argument is `true`. */
function expectTrue<T extends true>(): T | undefined {
  return undefined;
}

expectTrue<Equals<Parameters<ListExecutorsHandler>, [input: ListExecutorsCommandInput]>>();
expectTrue<Equals<ReturnType<ListExecutorsHandler>, Promise<ListExecutorsCommandOutput>>>();
expectTrue<Equals<Parameters<ListExecutorsHandler['seed']>[1], readonly ExecutorsSummary[]>>();
expectTrue<Equals<ReturnType<typeof listExecutorsHandler>, ListExecutorsHandler>>();

// The checks are not vacuous: the output is not the input, and a promise of it is not the output.
// @ts-expect-error the input type is not the output type
expectTrue<Equals<Parameters<ListExecutorsHandler>, [input: ListExecutorsCommandOutput]>>();
// @ts-expect-error the handler resolves to the output, it does not return it
expectTrue<Equals<ReturnType<ListExecutorsHandler>, ListExecutorsCommandOutput>>();

it('answers `client.send(new ListExecutorsCommand(...))` through aws-sdk-client-mock with the SDK output type', async () => {
  const client = new AthenaClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  try {
    const executors: ExecutorsSummary[] = [{ ExecutorId: 'e-1', ExecutorState: 'REGISTERED', StartDateTime: 1 }];
    mock.on(ListExecutorsCommand).callsFake(listExecutorsHandler({ sessions: { 's-1': executors } }));
    const output: ListExecutorsCommandOutput = await client.send(new ListExecutorsCommand({ SessionId: 's-1' }));
    expect(output).toMatchObject({ SessionId: 's-1', ExecutorsSummary: executors, $metadata: { httpStatusCode: 200 } });
  } finally {
    mock.restore();
  }
});
