/**
 * The generated type of each schema file, so that `valid('list-executors-request.schema.json')` is an
 * `fc.Arbitrary<ListExecutorsRequest>` without a cast at the call site.
 */
import type {
  AwsJsonError, ExecutorState, ExecutorsSummary, ExecutorType, InternalServerException,
  InvalidRequestException, ListExecutorsRequest, ListExecutorsResponse, ResourceNotFoundException, SessionSeed,
} from '../generated/athena.js';

/** Maps each schema file to the type generated from it (`valid`'s overload fails to compile if a file is missing). */
export interface SchemaTypes {
  'executor-state.schema.json': ExecutorState;
  'executor-type.schema.json': ExecutorType;
  'executors-summary.schema.json': ExecutorsSummary;
  'list-executors-request.schema.json': ListExecutorsRequest;
  'list-executors-response.schema.json': ListExecutorsResponse;
  'aws-json-error.schema.json': AwsJsonError;
  'invalid-request-exception.schema.json': InvalidRequestException;
  'resource-not-found-exception.schema.json': ResourceNotFoundException;
  'internal-server-exception.schema.json': InternalServerException;
  'session-seed.schema.json': SessionSeed;
}
