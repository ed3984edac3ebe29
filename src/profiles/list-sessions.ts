/**
 * ListSessions as a profile: a workgroup's sessions, newest `Status.StartDateTime` (a Smithy
 * timestamp: epoch seconds on the wire) first, filtered by `StateFilter` on `Status.State`. Its
 * documentation lists "the sessions in a workgroup that are in an active state": an unfiltered call
 * may list every session or only the active ones (API.md, "Readings the contract leaves open").
 */
import { loadSchema } from '../schema/load.js';
import { defineProfile } from './profile.js';

/** ListSessions' profile. */
export const LIST_SESSIONS = defineProfile({
  operation: 'ListSessions',
  amzTarget: 'AmazonAthena.ListSessions',
  schemas: {
    request: loadSchema('list-sessions-request.schema.json'),
    response: loadSchema('list-sessions-response.schema.json'),
    item: loadSchema('session-summary.schema.json'),
    refs: [loadSchema('session-state.schema.json'), loadSchema('engine-version.schema.json'), loadSchema('session-status.schema.json')],
  },
  parent: { member: 'WorkGroup', noun: 'workgroup', route: 'workgroups', seedMember: 'sessions', createdBy: 'CreateWorkGroup' },
  items: 'Sessions',
  id: 'SessionId',
  itemNoun: 'session',
  orderKey: { path: ['Status', 'StartDateTime'], unit: 'epoch-seconds' },
  filter: { member: 'StateFilter', itemPath: ['Status', 'State'] },
  pageSize: 'MaxResults',
  token: 'NextToken',
  unknownParentLaw: 'errors.unknown-workgroup',
  awsCli: { command: 'list-sessions', parentFlag: 'work-group', filterFlag: 'state-filter' },
  sdkCommand: 'ListSessionsCommand',
  activeOnly: { atLeast: ['CREATING', 'CREATED', 'IDLE', 'BUSY'] },
});
