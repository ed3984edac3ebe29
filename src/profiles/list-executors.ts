/**
 * ListExecutors as a profile: a session's executors, newest `StartDateTime` (epoch milliseconds, a
 * Smithy long) first, filtered by `ExecutorStateFilter`. The only module, with the schemas and the
 * generated types, that names its members for the laws.
 */
import { loadSchema } from '../schema/load.js';
import { defineProfile } from './profile.js';

/** ListExecutors' profile, the harness's first operation and its default. */
export const LIST_EXECUTORS = defineProfile({
  operation: 'ListExecutors',
  amzTarget: 'AmazonAthena.ListExecutors',
  schemas: {
    request: loadSchema('list-executors-request.schema.json'),
    response: loadSchema('list-executors-response.schema.json'),
    item: loadSchema('executors-summary.schema.json'),
    refs: [loadSchema('executor-state.schema.json'), loadSchema('executor-type.schema.json')],
  },
  parent: { member: 'SessionId', noun: 'session', route: 'sessions', seedMember: 'executors', createdBy: 'StartSession' },
  items: 'ExecutorsSummary',
  id: 'ExecutorId',
  itemNoun: 'executor',
  orderKey: { path: ['StartDateTime'], unit: 'epoch-millis' },
  filter: { member: 'ExecutorStateFilter', itemPath: ['ExecutorState'] },
  pageSize: 'MaxResults',
  token: 'NextToken',
  echo: 'SessionId',
  unknownParentLaw: 'errors.unknown-session',
  awsCli: { command: 'list-executors', parentFlag: 'session-id', filterFlag: 'executor-state-filter' },
  sdkCommand: 'ListExecutorsCommand',
});
