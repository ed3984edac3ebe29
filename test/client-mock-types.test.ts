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
import { expect, expectTypeOf, it } from 'vitest';
import { listExecutorsHandler, type ListExecutorsHandler } from '../src/client-mock.js';

// vitest's `toEqualTypeOf` asks for the same type, not merely a mutually assignable one: optionality
// and readonly count.
expectTypeOf<Parameters<ListExecutorsHandler>>().toEqualTypeOf<[input: ListExecutorsCommandInput]>();
expectTypeOf<ReturnType<ListExecutorsHandler>>().toEqualTypeOf<Promise<ListExecutorsCommandOutput>>();
expectTypeOf<Parameters<ListExecutorsHandler['seed']>[1]>().toEqualTypeOf<readonly ExecutorsSummary[]>();
expectTypeOf<ReturnType<typeof listExecutorsHandler>>().toEqualTypeOf<ListExecutorsHandler>();

// The checks are not vacuous: the output is not the input, and a promise of it is not the output.
// @ts-expect-error the input type is not the output type
expectTypeOf<Parameters<ListExecutorsHandler>>().toEqualTypeOf<[input: ListExecutorsCommandOutput]>();
// @ts-expect-error the handler resolves to the output, it does not return it
expectTypeOf<ReturnType<ListExecutorsHandler>>().toEqualTypeOf<ListExecutorsCommandOutput>();

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
