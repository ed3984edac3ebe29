// The code under test, as a CommonJS module: every REGISTERED executor of a Spark session, newest
// first, paged with the SDK's paginator; none when the session is gone.
const { ResourceNotFoundException, paginateListExecutors } = require('@aws-sdk/client-athena');

async function listRunningExecutors(client, sessionId, pageSize = 50) {
  const running = [];
  try {
    const pages = paginateListExecutors({ client, pageSize, stopOnSameToken: true }, { SessionId: sessionId, ExecutorStateFilter: 'REGISTERED' });
    for await (const page of pages) running.push(...(page.ExecutorsSummary ?? []));
  } catch (e) {
    if (e instanceof ResourceNotFoundException) return [];
    throw e;
  }
  return running;
}

module.exports = { listRunningExecutors };
