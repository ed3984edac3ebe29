/**
 * The code under test: a dashboard's "list all running executors" of a Spark session. It pages
 * through ListExecutors with the SDK's paginator, so page sizes, tokens and the state filter all matter.
 */
import {
  ResourceNotFoundException,
  paginateListExecutors,
  type AthenaClient,
  type ExecutorsSummary,
} from '@aws-sdk/client-athena';

/** Every REGISTERED executor of the session, newest first; none when the session is gone. */
export async function listRunningExecutors(client: AthenaClient, sessionId: string, pageSize = 50): Promise<ExecutorsSummary[]> {
  const running: ExecutorsSummary[] = [];
  try {
    const pages = paginateListExecutors(
      { client, pageSize, stopOnSameToken: true },
      { SessionId: sessionId, ExecutorStateFilter: 'REGISTERED' },
    );
    for await (const page of pages) running.push(...(page.ExecutorsSummary ?? []));
  } catch (e) {
    // A session that ended and was cleaned up has no running executors: show none, not an error.
    if (e instanceof ResourceNotFoundException) return [];
    throw e;
  }
  return running;
}
