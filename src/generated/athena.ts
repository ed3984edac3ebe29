/**
 * GENERATED from schemas/*.schema.json by `npm run generate` (json-schema-to-typescript).
 * Do not edit by hand: change the schemas and regenerate. test/generated.test.ts fails when stale.
 */

// from schemas/executor-state.schema.json
/**
 * The processing state of an executor (Smithy enum com.amazonaws.athena#ExecutorState).
 */
export type ExecutorState = "CREATING" | "CREATED" | "REGISTERED" | "TERMINATING" | "TERMINATED" | "FAILED";

// from schemas/executor-type.schema.json
/**
 * The type of an executor (Smithy enum com.amazonaws.athena#ExecutorType).
 */
export type ExecutorType = "COORDINATOR" | "GATEWAY" | "WORKER";

// from schemas/executors-summary.schema.json
/**
 * Summary information about one executor of a session. Unknown members are allowed: AWS adds response members over time.
 */
export interface ExecutorsSummary {
  /**
   * The UUID of the executor (the model allows any string of 0..100000 characters).
   */
  ExecutorId: string;
  ExecutorType?: ExecutorType;
  /**
   * When the executor started: a Smithy long, read as epoch milliseconds (the unit is undocumented).
   */
  StartDateTime?: number;
  /**
   * When the executor was terminated: a Smithy long, read as epoch milliseconds.
   */
  TerminationDateTime?: number;
  ExecutorState?: ExecutorState;
  /**
   * The executor's size in data processing units (a Smithy long).
   */
  ExecutorSize?: number;
}

// from schemas/list-executors-request.schema.json
/**
 * The input of Athena ListExecutors. Unknown members are allowed: AWS ignores them.
 */
export interface ListExecutorsRequest {
  /**
   * The session ID.
   */
  SessionId: string;
  ExecutorStateFilter?: ExecutorState;
  /**
   * The maximum number of executors to return.
   */
  MaxResults?: number;
  /**
   * Where to continue pagination: the NextToken of the previous page.
   */
  NextToken?: string;
}

// from schemas/list-executors-response.schema.json
/**
 * The output of Athena ListExecutors. Unknown members are allowed: AWS adds response members over time.
 */
export interface ListExecutorsResponse {
  /**
   * The session ID.
   */
  SessionId: string;
  /**
   * Where to continue pagination; absent on the last page.
   */
  NextToken?: string;
  /**
   * The executors of this page (the model sets no length limit).
   */
  ExecutorsSummary?: ExecutorsSummary[];
}

// from schemas/session-state.schema.json
/**
 * The state of a session (Smithy enum com.amazonaws.athena#SessionState).
 */
export type SessionState =
  "CREATING" | "CREATED" | "IDLE" | "BUSY" | "TERMINATING" | "TERMINATED" | "DEGRADED" | "FAILED";

// from schemas/engine-version.schema.json
/**
 * The engine version of a session (Smithy structure com.amazonaws.athena#EngineVersion). Unknown members are allowed.
 */
export interface EngineVersion {
  /**
   * The engine version the user asked for (AUTO by default).
   */
  SelectedEngineVersion?: string;
  /**
   * The engine version the session runs on.
   */
  EffectiveEngineVersion?: string;
}

// from schemas/session-status.schema.json
/**
 * The status of a session (Smithy structure com.amazonaws.athena#SessionStatus). Unknown members are allowed.
 */
export interface SessionStatus {
  /**
   * When the session started: a Smithy timestamp, written by AWS JSON 1.1 as epoch seconds (a JSON number, with an optional fraction of millisecond precision). The harness reads instants from 1970 to 9999 (0..253402300799): epoch milliseconds of today lie far above.
   */
  StartDateTime?: number;
  /**
   * When the session was last modified: a Smithy timestamp, written by AWS JSON 1.1 as epoch seconds (a JSON number, with an optional fraction of millisecond precision). The harness reads instants from 1970 to 9999 (0..253402300799): epoch milliseconds of today lie far above.
   */
  LastModifiedDateTime?: number;
  /**
   * When the session ended: a Smithy timestamp, written by AWS JSON 1.1 as epoch seconds (a JSON number, with an optional fraction of millisecond precision). The harness reads instants from 1970 to 9999 (0..253402300799): epoch milliseconds of today lie far above.
   */
  EndDateTime?: number;
  /**
   * Since when the session has been idle: a Smithy timestamp, written by AWS JSON 1.1 as epoch seconds (a JSON number, with an optional fraction of millisecond precision). The harness reads instants from 1970 to 9999 (0..253402300799): epoch milliseconds of today lie far above.
   */
  IdleSinceDateTime?: number;
  State?: SessionState;
  /**
   * Why the session's state changed.
   */
  StateChangeReason?: string;
}

// from schemas/session-summary.schema.json
/**
 * Summary information about one session of a workgroup. No member is required by the model. Unknown members are allowed: AWS adds response members over time.
 */
export interface SessionSummary {
  /**
   * The session ID.
   */
  SessionId?: string;
  /**
   * The session's description.
   */
  Description?: string;
  EngineVersion?: EngineVersion;
  /**
   * The notebook version.
   */
  NotebookVersion?: string;
  Status?: SessionStatus;
}

// from schemas/list-sessions-request.schema.json
/**
 * The input of Athena ListSessions. Unknown members are allowed: AWS ignores them.
 */
export interface ListSessionsRequest {
  /**
   * The workgroup whose sessions are listed (WorkGroupName: Smithy's pattern [a-zA-Z0-9._-]{1,128}, read as the whole name).
   */
  WorkGroup: string;
  StateFilter?: SessionState;
  /**
   * The maximum number of sessions to return.
   */
  MaxResults?: number;
  /**
   * Where to continue pagination (SessionManagerToken: at most 2048 characters).
   */
  NextToken?: string;
}

// from schemas/list-sessions-response.schema.json
/**
 * The output of Athena ListSessions. Unknown members are allowed: AWS adds response members over time.
 */
export interface ListSessionsResponse {
  /**
   * Where to continue pagination; absent on the last page.
   */
  NextToken?: string;
  /**
   * The sessions of this page (SessionsList: 0..100 items).
   *
   * @minItems 0
   * @maxItems 100
   */
  Sessions?: SessionSummary[];
}

// from schemas/calculation-execution-state.schema.json
/**
 * The state of a calculation (Smithy enum com.amazonaws.athena#CalculationExecutionState).
 */
export type CalculationExecutionState =
  "CREATING" | "CREATED" | "QUEUED" | "RUNNING" | "CANCELING" | "CANCELED" | "COMPLETED" | "FAILED";

// from schemas/calculation-status.schema.json
/**
 * The status of a calculation (Smithy structure com.amazonaws.athena#CalculationStatus). Unknown members are allowed.
 */
export interface CalculationStatus {
  /**
   * When the calculation was submitted: a Smithy timestamp, written by AWS JSON 1.1 as epoch seconds (a JSON number, with an optional fraction of millisecond precision). The harness reads instants from 1970 to 9999 (0..253402300799): epoch milliseconds of today lie far above.
   */
  SubmissionDateTime?: number;
  /**
   * When the calculation completed: a Smithy timestamp, written by AWS JSON 1.1 as epoch seconds (a JSON number, with an optional fraction of millisecond precision). The harness reads instants from 1970 to 9999 (0..253402300799): epoch milliseconds of today lie far above.
   */
  CompletionDateTime?: number;
  State?: CalculationExecutionState;
  /**
   * Why the calculation's state changed.
   */
  StateChangeReason?: string;
}

// from schemas/calculation-summary.schema.json
/**
 * Summary information about one calculation of a session. No member is required by the model. Unknown members are allowed: AWS adds response members over time.
 */
export interface CalculationSummary {
  /**
   * The calculation's id (a UUID; the model allows 1..36 characters).
   */
  CalculationExecutionId?: string;
  /**
   * The calculation's description.
   */
  Description?: string;
  Status?: CalculationStatus;
}

// from schemas/list-calculation-executions-request.schema.json
/**
 * The input of Athena ListCalculationExecutions. Unknown members are allowed: AWS ignores them.
 */
export interface ListCalculationExecutionsRequest {
  /**
   * The session ID.
   */
  SessionId: string;
  StateFilter?: CalculationExecutionState;
  /**
   * The maximum number of calculations to return.
   */
  MaxResults?: number;
  /**
   * Where to continue pagination (SessionManagerToken: at most 2048 characters).
   */
  NextToken?: string;
}

// from schemas/list-calculation-executions-response.schema.json
/**
 * The output of Athena ListCalculationExecutions. Unknown members are allowed: AWS adds response members over time.
 */
export interface ListCalculationExecutionsResponse {
  /**
   * Where to continue pagination; absent on the last page.
   */
  NextToken?: string;
  /**
   * The calculations of this page (CalculationsList: 0..100 items).
   *
   * @minItems 0
   * @maxItems 100
   */
  Calculations?: CalculationSummary[];
}

// from schemas/aws-json-error.schema.json
/**
 * The AWS JSON 1.1 error envelope: __type names the error (a namespace prefix 'ns#' and a ':...' suffix are allowed) and the message is 'Message' or 'message'.
 */
export interface AwsJsonError {
  /**
   * The error's code, e.g. InvalidRequestException or com.amazonaws.athena#InvalidRequestException.
   */
  __type: string;
  Message?: string;
  message?: string;
}

// from schemas/invalid-request-exception.schema.json
/**
 * Client fault (HTTP 400): something is wrong with the input to the request.
 */
export interface InvalidRequestException {
  __type: string;
  AthenaErrorCode?: string;
  Message?: string;
  message?: string;
}

// from schemas/resource-not-found-exception.schema.json
/**
 * Client fault (HTTP 400): a resource, such as a session, was not found.
 */
export interface ResourceNotFoundException {
  __type: string;
  ResourceName?: string;
  Message?: string;
  message?: string;
}

// from schemas/internal-server-exception.schema.json
/**
 * Server fault (HTTP 500): a platform issue, possibly transient.
 */
export interface InternalServerException {
  __type: string;
  Message?: string;
  message?: string;
}

// from schemas/session-seed.schema.json
/**
 * Body of the seeding route PUT /_contract/sessions/{SessionId}: the session then holds exactly these executors and calculations (an absent member means none).
 */
export interface SessionSeed {
  executors?: ExecutorsSummary[];
  calculations?: CalculationSummary[];
}

// from schemas/workgroup-seed.schema.json
/**
 * Body of the seeding route PUT /_contract/workgroups/{WorkGroup}: the workgroup then holds exactly these sessions (an absent member means none).
 */
export interface WorkgroupSeed {
  sessions?: SessionSummary[];
}
