/**
 * The modelled errors of a list operation, shaped as real Athena sends them: bare `__type`, status
 * 400 for client faults and 500 for server faults.
 */
import type { OperationProfile } from '../profiles/index.js';
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

/** How to come by a parent, for the not-found message: `start it with StartSession or ` (the verb is the operation's first word). */
function howToMake(createdBy: string | undefined): string {
  return createdBy === undefined ? '' : `${createdBy.split(/(?=[A-Z])/)[0].toLowerCase()} it with ${createdBy} or `;
}

/**
 * A parent the store does not hold: 400 ResourceNotFoundException naming it (cut to 1011
 * characters): `Session x was not found: start it with StartSession or check the SessionId`.
 */
export function resourceNotFoundException(profile: OperationProfile, parent: string): ModelError {
  // An id over the limit reaches here only through a fault override that skips validation.
  const name = parent.slice(0, RESOURCE_NAME_MAX);
  const { noun, member, createdBy } = profile.parent;
  return {
    status: 400,
    type: 'ResourceNotFoundException',
    body: {
      __type: 'ResourceNotFoundException',
      ResourceName: name,
      Message: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${name} was not found: ${howToMake(createdBy)}check the ${member}`,
    },
  };
}

/** A server fault: 500 InternalServerException. */
export function internalServerException(message: string): ModelError {
  return { status: 500, type: 'InternalServerException', body: { __type: 'InternalServerException', Message: message } };
}
