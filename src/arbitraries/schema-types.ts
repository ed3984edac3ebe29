/**
 * The generated type of each schema file, so that `valid('list-executors-request.schema.json')` is an
 * `fc.Arbitrary<ListExecutorsRequest>` without a cast at the call site.
 */
import type {
  AwsJsonError, CalculationExecutionState, CalculationStatus, CalculationSummary, EngineVersion, ExecutorState,
  ExecutorsSummary, ExecutorType, InternalServerException, InvalidRequestException, ListCalculationExecutionsRequest,
  ListCalculationExecutionsResponse, ListExecutorsRequest, ListExecutorsResponse, ListSessionsRequest,
  ListSessionsResponse, ResourceNotFoundException, SessionSeed, SessionState, SessionStatus, SessionSummary, WorkgroupSeed,
} from '../generated/athena.js';

/** Maps each schema file to the type generated from it (`valid`'s overload fails to compile if a file is missing). */
export interface SchemaTypes {
  'executor-state.schema.json': ExecutorState;
  'executor-type.schema.json': ExecutorType;
  'executors-summary.schema.json': ExecutorsSummary;
  'list-executors-request.schema.json': ListExecutorsRequest;
  'list-executors-response.schema.json': ListExecutorsResponse;
  'session-state.schema.json': SessionState;
  'engine-version.schema.json': EngineVersion;
  'session-status.schema.json': SessionStatus;
  'session-summary.schema.json': SessionSummary;
  'list-sessions-request.schema.json': ListSessionsRequest;
  'list-sessions-response.schema.json': ListSessionsResponse;
  'calculation-execution-state.schema.json': CalculationExecutionState;
  'calculation-status.schema.json': CalculationStatus;
  'calculation-summary.schema.json': CalculationSummary;
  'list-calculation-executions-request.schema.json': ListCalculationExecutionsRequest;
  'list-calculation-executions-response.schema.json': ListCalculationExecutionsResponse;
  'aws-json-error.schema.json': AwsJsonError;
  'invalid-request-exception.schema.json': InvalidRequestException;
  'resource-not-found-exception.schema.json': ResourceNotFoundException;
  'internal-server-exception.schema.json': InternalServerException;
  'session-seed.schema.json': SessionSeed;
  'workgroup-seed.schema.json': WorkgroupSeed;
}
