/**
 * ListCalculationExecutions as a profile: a session's calculations, newest `Status.SubmissionDateTime`
 * (a Smithy timestamp: epoch seconds on the wire) first, filtered by `StateFilter` on `Status.State`.
 */
import { loadSchema } from '../schema/load.js';
import { defineProfile } from './profile.js';

/** ListCalculationExecutions' profile. */
export const LIST_CALCULATION_EXECUTIONS = defineProfile({
  operation: 'ListCalculationExecutions',
  amzTarget: 'AmazonAthena.ListCalculationExecutions',
  schemas: {
    request: loadSchema('list-calculation-executions-request.schema.json'),
    response: loadSchema('list-calculation-executions-response.schema.json'),
    item: loadSchema('calculation-summary.schema.json'),
    refs: [loadSchema('calculation-execution-state.schema.json'), loadSchema('calculation-status.schema.json')],
  },
  parent: { member: 'SessionId', noun: 'session', route: 'sessions', seedMember: 'calculations', createdBy: 'StartSession' },
  items: 'Calculations',
  id: 'CalculationExecutionId',
  itemNoun: 'calculation',
  orderKey: { path: ['Status', 'SubmissionDateTime'], unit: 'epoch-seconds' },
  filter: { member: 'StateFilter', itemPath: ['Status', 'State'] },
  pageSize: 'MaxResults',
  token: 'NextToken',
  unknownParentLaw: 'errors.unknown-session',
  awsCli: { command: 'list-calculation-executions', parentFlag: 'session-id', filterFlag: 'state-filter' },
  sdkCommand: 'ListCalculationExecutionsCommand',
});
