/**
 * A small ListExecutors endpoint written here, independent of the built-in emulator: one session
 * with a fixed population, a well-formed 400 ResourceNotFoundException for any other, every request
 * counted; optionally slow, or with seeding routes (PUT/DELETE /_contract/sessions/{id}) that stop
 * working after the first few requests.
 */
import { startServer } from './http-server.js';

/** Options of {@link tinyEndpoint}. */
export interface TinyEndpointOptions {
  /** The one session it knows. @defaultValue "s" */
  session?: string;
  /** Milliseconds each ListExecutors answer waits. @defaultValue 0 */
  delayMs?: number;
  /** Serve the seeding routes (answering 204 without storing anything) for this many requests, then 500. */
  seedingWorks?: number;
}

/** A running tiny endpoint. */
export interface TinyEndpoint {
  url: string;
  /** Requests received, of any kind. */
  requests(): number;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1' };

/** Starts a tiny endpoint on 127.0.0.1 and an ephemeral port. */
export async function tinyEndpoint(options: TinyEndpointOptions = {}): Promise<TinyEndpoint> {
  const session = options.session ?? 's';
  const executors = [{ ExecutorId: 'coordinator', ExecutorType: 'COORDINATOR', StartDateTime: 1_700_000_000_000, ExecutorState: 'REGISTERED' }];
  let requests = 0;
  let seedings = 0;
  const { url, close } = await startServer((req, res) => {
    requests++;
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (options.seedingWorks !== undefined && req.url?.startsWith('/_contract/sessions/'))
        return void (++seedings > options.seedingWorks ? res.writeHead(500, JSON_HEADERS).end('{"message":"seeding is down"}') : res.writeHead(204).end());
      if (req.headers['x-amz-target'] !== 'AmazonAthena.ListExecutors') return void res.writeHead(404, JSON_HEADERS).end('{"message":"not found"}');
      const { SessionId } = JSON.parse(body || '{}') as { SessionId?: string };
      const answer = () => {
        const headers = { ...JSON_HEADERS, 'x-amzn-requestid': `r-${requests}` };
        if (SessionId === session) res.writeHead(200, headers).end(JSON.stringify({ SessionId, ExecutorsSummary: executors }));
        else res.writeHead(400, headers).end(JSON.stringify({ __type: 'ResourceNotFoundException', Message: `Session ${SessionId} not found` }));
      };
      setTimeout(answer, options.delayMs ?? 0);
    });
  });
  return {
    url,
    requests: () => requests,
    close,
  };
}
