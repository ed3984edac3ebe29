/**
 * The modelled errors of ListExecutors, shaped as real Athena sends them: bare `__type`, status 400
 * for client faults and 500 for server faults.
 */
import type { ModelError } from './types.js';

/** The longest ResourceName the API model allows (ResourceNotFoundException.ResourceName is 1..1011). */
const RESOURCE_NAME_MAX = 1011;

/**
 * A body that is not a JSON object or a member of the wrong JSON type: 400 SerializationException
 * (not in the API model; real Athena sends it before any constraint check).
 */
export function serializationException(message: string): ModelError {
  return { status: 400, type: 'SerializationException', body: { __type: 'SerializationException', Message: message } };
}

/** A broken constraint or an unusable token: 400 InvalidRequestException with AthenaErrorCode INVALID_INPUT. */
export function invalidRequestException(message: string): ModelError {
  return {
    status: 400,
    type: 'InvalidRequestException',
    body: { __type: 'InvalidRequestException', AthenaErrorCode: 'INVALID_INPUT', Message: message },
  };
}

/** A session the store does not hold: 400 ResourceNotFoundException naming it (cut to 1011 characters). */
export function resourceNotFoundException(sessionId: string): ModelError {
  // An id over the limit reaches here only through a fault override that skips validation.
  const name = sessionId.slice(0, RESOURCE_NAME_MAX);
  return {
    status: 400,
    type: 'ResourceNotFoundException',
    body: {
      __type: 'ResourceNotFoundException',
      ResourceName: name,
      Message: `Session ${name} was not found: start it with StartSession or check the SessionId`,
    },
  };
}

/** A server fault: 500 InternalServerException. */
export function internalServerException(message: string): ModelError {
  return { status: 500, type: 'InternalServerException', body: { __type: 'InternalServerException', Message: message } };
}
