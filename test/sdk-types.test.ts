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
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ExecutorsSummary, ListExecutorsRequest, ListExecutorsResponse } from '../src/generated/athena.js';
import { loadSchema } from '../src/schema/load.js';

/** Removes `undefined` from every member's type, deeply, keeping each member's `?`. */
type StripUndefined<T> = T extends readonly (infer E)[]
  ? StripUndefined<E>[]
  : T extends object
    ? { [K in keyof T]: StripUndefined<Exclude<T[K], undefined>> }
    : T;

type SdkOutput = Omit<ListExecutorsCommandOutput, '$metadata'>;

// vitest's `toEqualTypeOf` asks for the same type, not merely a mutually assignable one: optionality counts.

expectTypeOf<StripUndefined<ListExecutorsRequest>>().toEqualTypeOf<StripUndefined<ListExecutorsCommandInput>>();
expectTypeOf<StripUndefined<ListExecutorsResponse>>().toEqualTypeOf<StripUndefined<SdkOutput>>();
expectTypeOf<StripUndefined<ExecutorsSummary>>().toEqualTypeOf<StripUndefined<SdkExecutorsSummary>>();

// The comparison is not vacuous: a renamed member, a changed type and a changed optionality are caught.
// @ts-expect-error MaxResults renamed
expectTypeOf<StripUndefined<Omit<ListExecutorsRequest, 'MaxResults'> & { MaxResult?: number }>>().toEqualTypeOf<StripUndefined<ListExecutorsCommandInput>>();
// @ts-expect-error MaxResults as a string
expectTypeOf<StripUndefined<Omit<ListExecutorsRequest, 'MaxResults'> & { MaxResults?: string }>>().toEqualTypeOf<StripUndefined<ListExecutorsCommandInput>>();
// @ts-expect-error MaxResults made required
expectTypeOf<StripUndefined<Omit<ListExecutorsRequest, 'MaxResults'> & { MaxResults: number }>>().toEqualTypeOf<StripUndefined<ListExecutorsCommandInput>>();
// @ts-expect-error SessionId made optional
expectTypeOf<StripUndefined<Omit<ListExecutorsRequest, 'SessionId'> & { SessionId?: string }>>().toEqualTypeOf<StripUndefined<ListExecutorsCommandInput>>();
// @ts-expect-error an executor's StartDateTime as a string, deep inside the response
expectTypeOf<StripUndefined<Omit<ListExecutorsResponse, 'ExecutorsSummary'> & { ExecutorsSummary?: (Omit<ExecutorsSummary, 'StartDateTime'> & { StartDateTime?: string })[] }>>().toEqualTypeOf<StripUndefined<SdkOutput>>();
// @ts-expect-error an enum value missing
expectTypeOf<StripUndefined<Omit<ExecutorsSummary, 'ExecutorType'> & { ExecutorType?: 'COORDINATOR' | 'WORKER' }>>().toEqualTypeOf<StripUndefined<SdkExecutorsSummary>>();

describe('generated types against @aws-sdk/client-athena', () => {
  it('the schemas enumerate exactly the SDK\'s ExecutorState and ExecutorType values', () => {
    expect([...(loadSchema('executor-state.schema.json').enum ?? [])].sort()).toEqual(Object.values(SdkExecutorState).sort());
    expect([...(loadSchema('executor-type.schema.json').enum ?? [])].sort()).toEqual(Object.values(SdkExecutorType).sort());
  });
});
