// Lists every executor of a session, two per page, with the AWS SDK's own paginator. Nothing here
// knows about the emulator: AWS_ENDPOINT_URL_ATHENA points the SDK at it.
import { AthenaClient, paginateListExecutors } from '@aws-sdk/client-athena';

const client = new AthenaClient({});
const sessionId = process.argv[2] ?? 'demo-session';
for await (const page of paginateListExecutors({ client, pageSize: 2, stopOnSameToken: true }, { SessionId: sessionId })) {
  for (const e of page.ExecutorsSummary ?? []) console.log(e.ExecutorId, e.ExecutorType, e.ExecutorState, e.StartDateTime);
}
