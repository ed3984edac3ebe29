/**
 * Our generated types against the AWS SDK's: same members, same optionality, same value types
 * (modulo the SDK's `| undefined` on every member). Checked by `tsc --noEmit` (part of `npm test`);
 * the runtime test checks the enum values, which types alone cannot see.
 */
import {
  ExecutorState as SdkExecutorState,
  ExecutorType as SdkExecutorType,
  type ExecutorsSummary as SdkExecutorsSummary,
  type ListExecutorsCommandInput,
  type ListExecutorsCommandOutput,
} from '@aws-sdk/client-athena';
import { describe, expect, it } from 'vitest';
import type { ExecutorsSummary, ListExecutorsRequest, ListExecutorsResponse } from '../src/generated/athena.js';
import { loadSchema } from '../src/schema/load.js';

/** True when A and B are the same type (not merely mutually assignable: optionality counts). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Removes `undefined` from every member's type, deeply, keeping each member's `?`. */
type StripUndefined<T> = T extends readonly (infer E)[]
  ? StripUndefined<E>[]
  : T extends object
    ? { [K in keyof T]: StripUndefined<Exclude<T[K], undefined>> }
    : T;

/** Compiles only when its type argument is `true`. */
function expectTrue<T extends true>(): T | undefined {
  return undefined;
}

type Same<Ours, Sdk> = Equals<StripUndefined<Ours>, StripUndefined<Sdk>>;
type SdkOutput = Omit<ListExecutorsCommandOutput, '$metadata'>;

expectTrue<Same<ListExecutorsRequest, ListExecutorsCommandInput>>();
expectTrue<Same<ListExecutorsResponse, SdkOutput>>();
expectTrue<Same<ExecutorsSummary, SdkExecutorsSummary>>();

// The comparison is not vacuous: a renamed member, a changed type and a changed optionality are caught.
// @ts-expect-error MaxResults renamed
expectTrue<Same<Omit<ListExecutorsRequest, 'MaxResults'> & { MaxResult?: number }, ListExecutorsCommandInput>>();
// @ts-expect-error MaxResults as a string
expectTrue<Same<Omit<ListExecutorsRequest, 'MaxResults'> & { MaxResults?: string }, ListExecutorsCommandInput>>();
// @ts-expect-error MaxResults made required
expectTrue<Same<Omit<ListExecutorsRequest, 'MaxResults'> & { MaxResults: number }, ListExecutorsCommandInput>>();
// @ts-expect-error SessionId made optional
expectTrue<Same<Omit<ListExecutorsRequest, 'SessionId'> & { SessionId?: string }, ListExecutorsCommandInput>>();
// @ts-expect-error an executor's StartDateTime as a string, deep inside the response
expectTrue<Same<Omit<ListExecutorsResponse, 'ExecutorsSummary'> & { ExecutorsSummary?: (Omit<ExecutorsSummary, 'StartDateTime'> & { StartDateTime?: string })[] }, SdkOutput>>();
// @ts-expect-error an enum value missing
expectTrue<Same<Omit<ExecutorsSummary, 'ExecutorType'> & { ExecutorType?: 'COORDINATOR' | 'WORKER' }, SdkExecutorsSummary>>();

describe('generated types against @aws-sdk/client-athena', () => {
  it('the schemas enumerate exactly the SDK\'s ExecutorState and ExecutorType values', () => {
    expect([...(loadSchema('executor-state.schema.json').enum ?? [])].sort()).toEqual(Object.values(SdkExecutorState).sort());
    expect([...(loadSchema('executor-type.schema.json').enum ?? [])].sort()).toEqual(Object.values(SdkExecutorType).sort());
  });
});
