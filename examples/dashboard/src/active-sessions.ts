/**
 * More code under test: a dashboard's "sessions of a workgroup that are still usable". It pages
 * through ListSessions with the SDK's paginator (newest first), filtered by state, so page sizes,
 * tokens and the filter matter, and the SDK hands the times over as Dates.
 */
import { paginateListSessions, type AthenaClient, type SessionState, type SessionSummary } from '@aws-sdk/client-athena';

/** Every session of the workgroup in `state` (IDLE by default), newest first. */
export async function listSessionsIn(client: AthenaClient, workGroup: string, state: SessionState = 'IDLE', pageSize = 25): Promise<SessionSummary[]> {
  const sessions: SessionSummary[] = [];
  const pages = paginateListSessions({ client, pageSize, stopOnSameToken: true }, { WorkGroup: workGroup, StateFilter: state });
  for await (const page of pages) sessions.push(...(page.Sessions ?? []));
  return sessions;
}
