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
 * Body of the seeding route PUT /_contract/sessions/{SessionId}: the session then holds exactly these executors.
 */
export interface SessionSeed {
  executors: ExecutorsSummary[];
}
