/**
 * GENERATED from schemas/ (list-executors-request.schema.json, list-sessions-request.schema.json, list-calculation-executions-request.schema.json, executor-state.schema.json, executor-type.schema.json, session-state.schema.json, calculation-execution-state.schema.json) by `npm run generate`.
 * Do not edit by hand: change the schemas and regenerate. test/generated.test.ts fails when stale.
 */
import type {
  CalculationExecutionState, ExecutorState, ExecutorType, ListCalculationExecutionsRequest, ListExecutorsRequest,
  ListSessionsRequest, SessionState,
} from './athena.js';

/** What the schema says of one request member: its JSON type, whether it is required, its bounds, its pattern, its enum. */
export interface MemberConstraints {
  readonly type: 'string' | 'integer';
  readonly required: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

/** The values of ExecutorState, in schema order (schemas/executor-state.schema.json). */
export const EXECUTOR_STATES: readonly ExecutorState[] = ["CREATING", "CREATED", "REGISTERED", "TERMINATING", "TERMINATED", "FAILED"];

/** The values of ExecutorType, in schema order (schemas/executor-type.schema.json). */
export const EXECUTOR_TYPES: readonly ExecutorType[] = ["COORDINATOR", "GATEWAY", "WORKER"];

/** The values of SessionState, in schema order (schemas/session-state.schema.json). */
export const SESSION_STATES: readonly SessionState[] = ["CREATING", "CREATED", "IDLE", "BUSY", "TERMINATING", "TERMINATED", "DEGRADED", "FAILED"];

/** The values of CalculationExecutionState, in schema order (schemas/calculation-execution-state.schema.json). */
export const CALCULATION_EXECUTION_STATES: readonly CalculationExecutionState[] = ["CREATING", "CREATED", "QUEUED", "RUNNING", "CANCELING", "CANCELED", "COMPLETED", "FAILED"];

/** The constraints of every ListExecutorsRequest member, in schema order (schemas/list-executors-request.schema.json). */
export const REQUEST_CONSTRAINTS = {
  SessionId: { type: "string", required: true, minLength: 1, maxLength: 256 },
  ExecutorStateFilter: { type: "string", required: false, enum: EXECUTOR_STATES },
  MaxResults: { type: "integer", required: false, minimum: 1, maximum: 100 },
  NextToken: { type: "string", required: false, minLength: 0, maxLength: 2048 },
} as const satisfies Readonly<Record<keyof ListExecutorsRequest, MemberConstraints>>;

/** The constraints of every ListSessionsRequest member, in schema order (schemas/list-sessions-request.schema.json). */
export const LIST_SESSIONS_REQUEST_CONSTRAINTS = {
  WorkGroup: { type: "string", required: true, minLength: 1, maxLength: 128, pattern: "^[a-zA-Z0-9._-]{1,128}$" },
  StateFilter: { type: "string", required: false, enum: SESSION_STATES },
  MaxResults: { type: "integer", required: false, minimum: 1, maximum: 100 },
  NextToken: { type: "string", required: false, minLength: 0, maxLength: 2048 },
} as const satisfies Readonly<Record<keyof ListSessionsRequest, MemberConstraints>>;

/** The constraints of every ListCalculationExecutionsRequest member, in schema order (schemas/list-calculation-executions-request.schema.json). */
export const LIST_CALCULATION_EXECUTIONS_REQUEST_CONSTRAINTS = {
  SessionId: { type: "string", required: true, minLength: 1, maxLength: 256 },
  StateFilter: { type: "string", required: false, enum: CALCULATION_EXECUTION_STATES },
  MaxResults: { type: "integer", required: false, minimum: 1, maximum: 100 },
  NextToken: { type: "string", required: false, minLength: 0, maxLength: 2048 },
} as const satisfies Readonly<Record<keyof ListCalculationExecutionsRequest, MemberConstraints>>;
