// More code under test, as a CommonJS module: the sessions of a workgroup in one state (IDLE by
// default), newest first, paged with the SDK's paginator.
const { paginateListSessions } = require('@aws-sdk/client-athena');

async function listSessionsIn(client, workGroup, state = 'IDLE', pageSize = 25) {
  const sessions = [];
  const pages = paginateListSessions({ client, pageSize, stopOnSameToken: true }, { WorkGroup: workGroup, StateFilter: state });
  for await (const page of pages) sessions.push(...(page.Sessions ?? []));
  return sessions;
}

module.exports = { listSessionsIn };
