/**
 * GENERATED from schemas/ (list-executors-request.schema.json, executor-state.schema.json, executor-type.schema.json) by `npm run generate`.
 * Do not edit by hand: change the schemas and regenerate. test/generated.test.ts fails when stale.
 */
import type { ExecutorState, ExecutorType, ListExecutorsRequest } from './athena.js';

/** What the schema says of one request member: its JSON type, whether it is required, its bounds, its enum. */
export interface MemberConstraints {
  readonly type: 'string' | 'integer';
  readonly required: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
}

/** The values of ExecutorState, in schema order (schemas/executor-state.schema.json). */
export const EXECUTOR_STATES: readonly ExecutorState[] = ["CREATING", "CREATED", "REGISTERED", "TERMINATING", "TERMINATED", "FAILED"];

/** The values of ExecutorType, in schema order (schemas/executor-type.schema.json). */
export const EXECUTOR_TYPES: readonly ExecutorType[] = ["COORDINATOR", "GATEWAY", "WORKER"];

/** The constraints of every ListExecutorsRequest member, in schema order (schemas/list-executors-request.schema.json). */
export const REQUEST_CONSTRAINTS = {
  SessionId: { type: "string", required: true, minLength: 1, maxLength: 256 },
  ExecutorStateFilter: { type: "string", required: false, enum: EXECUTOR_STATES },
  MaxResults: { type: "integer", required: false, minimum: 1, maximum: 100 },
  NextToken: { type: "string", required: false, minLength: 0, maxLength: 2048 },
} as const satisfies Readonly<Record<keyof ListExecutorsRequest, MemberConstraints>>;
