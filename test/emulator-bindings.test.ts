import {
  AthenaClient,
  AthenaServiceException,
  InvalidRequestException,
  ListExecutorsCommand,
  ResourceNotFoundException,
  paginateListExecutors,
} from '@aws-sdk/client-athena';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutorsSummary } from '../src/generated/athena.js';
import { DUMMY_CREDENTIALS, createEmulator, interceptAthena, startEmulator, type Emulator } from '../src/emulator/index.js';
import { orderExecutors } from '../src/model/index.js';

const executors: ExecutorsSummary[] = Array.from({ length: 23 }, (_, i) => ({
  ExecutorId: `exec-${i}`,
  ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
  StartDateTime: 1_700_000_000_000 + (i % 7) * 1000,
  ExecutorState: i % 3 === 0 ? 'TERMINATED' : 'REGISTERED',
  ExecutorSize: 1,
  ...(i % 3 === 0 ? { TerminationDateTime: 1_700_000_100_000 } : {}),
}));
const expectedIds = orderExecutors(executors).map((e) => e.ExecutorId);

/** Rewrites the request body or headers after serialization, to send what the SDK never would. */
function tamper(client: AthenaClient, change: (request: { headers: Record<string, string>; body: unknown }) => void): AthenaClient {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: unknown };
      change(request);
      // The SDK measured the original body; a stale Content-Length would leave the server waiting.
      if (typeof request.body === 'string') request.headers['content-length'] = String(Buffer.byteLength(request.body));
      return next(args);
    },
    { step: 'finalizeRequest', name: 'tamperRequest', priority: 'high' },
  );
  return client;
}

interface Binding {
  name: string;
  client(): AthenaClient;
}

let server: Emulator;
let restoreNock: () => void;
const core = createEmulator({ sessions: { s1: executors, empty: [] } });

beforeAll(async () => {
  server = await startEmulator({ sessions: { s1: executors, empty: [] } });
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  restoreNock = interceptAthena(createEmulator({ sessions: { s1: executors, empty: [] } }), { region: 'eu-west-1' }).restore;
});

afterAll(async () => {
  restoreNock();
  nock.enableNetConnect();
  await server.close();
});

const bindings: Binding[] = [
  { name: 'requestHandler', client: () => new AthenaClient({ region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1, requestHandler: core.requestHandler() }) },
  { name: 'HTTP server', client: () => server.client() },
  { name: 'nock', client: () => new AthenaClient({ region: 'eu-west-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 }) },
];

async function rejection(p: Promise<unknown>): Promise<AthenaServiceException> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof AthenaServiceException)) throw new Error(`expected an AthenaServiceException, got ${String(e)}`);
  return e;
}

describe.each(bindings)('emulator through the AWS SDK ($name)', (binding) => {
  it('a bounded paginator walk lists every executor once, newest first', async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListExecutors({ client: binding.client(), pageSize: 5, stopOnSameToken: true }, { SessionId: 's1' })) {
      expect(page.ExecutorsSummary?.length).toBeLessThanOrEqual(5);
      ids.push(...(page.ExecutorsSummary ?? []).map((e) => e.ExecutorId as string));
      if (++pages > 10) throw new Error('walk did not end in 10 pages');
    }
    expect(ids).toEqual(expectedIds);
    expect(pages).toBe(5);
  });

  it('pages carry a NextToken until the last, which has none', async () => {
    const client = binding.client();
    const first = await client.send(new ListExecutorsCommand({ SessionId: 's1', MaxResults: 20 }));
    expect(first.$metadata.httpStatusCode).toBe(200);
    expect(first.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.SessionId).toBe('s1');
    expect(first.NextToken).toBeTruthy();
    const last = await client.send(new ListExecutorsCommand({ SessionId: 's1', MaxResults: 20, NextToken: first.NextToken }));
    expect(last.ExecutorsSummary?.map((e) => e.ExecutorId)).toEqual(expectedIds.slice(20));
    expect(last.NextToken).toBeUndefined();
  });

  it('the filter selects one state', async () => {
    const out = await binding.client().send(new ListExecutorsCommand({ SessionId: 's1', ExecutorStateFilter: 'TERMINATED', MaxResults: 100 }));
    expect(out.ExecutorsSummary?.every((e) => e.ExecutorState === 'TERMINATED')).toBe(true);
    expect(out.ExecutorsSummary).toHaveLength(8);
  });

  it('a broken constraint surfaces as InvalidRequestException with status and request id', async () => {
    const e = await rejection(binding.client().send(new ListExecutorsCommand({ SessionId: 's1', MaxResults: 101 })));
    expect(e).toBeInstanceOf(InvalidRequestException);
    expect((e as InvalidRequestException).AthenaErrorCode).toBe('INVALID_INPUT');
    expect(e.message).toContain("at 'maxResults'");
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a bad token surfaces as InvalidRequestException', async () => {
    const e = await rejection(binding.client().send(new ListExecutorsCommand({ SessionId: 's1', NextToken: 'not-a-token' })));
    expect(e).toBeInstanceOf(InvalidRequestException);
    expect(e.$metadata.httpStatusCode).toBe(400);
  });

  it('an unknown session surfaces as ResourceNotFoundException naming it', async () => {
    const e = await rejection(binding.client().send(new ListExecutorsCommand({ SessionId: 'no-such-session' })));
    expect(e).toBeInstanceOf(ResourceNotFoundException);
    expect((e as ResourceNotFoundException).ResourceName).toBe('no-such-session');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.$metadata.requestId).toBeTruthy();
  });

  it('malformed JSON surfaces as a SerializationException service error', async () => {
    const client = tamper(binding.client(), (r) => {
      r.body = '{"SessionId": ';
    });
    const e = await rejection(client.send(new ListExecutorsCommand({ SessionId: 's1' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['SerializationException', 400]);
    expect(e.$metadata.requestId).toBeTruthy();
  });

  it('a member of the wrong JSON type surfaces as SerializationException', async () => {
    const client = tamper(binding.client(), (r) => {
      r.body = '{"SessionId": "s1", "MaxResults": "5"}';
    });
    const e = await rejection(client.send(new ListExecutorsCommand({ SessionId: 's1' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['SerializationException', 400]);
  });

  it('an unknown X-Amz-Target surfaces as UnknownOperationException', async () => {
    const client = tamper(binding.client(), (r) => {
      r.headers['x-amz-target'] = 'AmazonAthena.ListExecutorz';
    });
    const e = await rejection(client.send(new ListExecutorsCommand({ SessionId: 's1' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['UnknownOperationException', 400]);
    expect(e.$metadata.requestId).toBeTruthy();
  });

  it('an empty session answers an empty page without a token', async () => {
    const out = await binding.client().send(new ListExecutorsCommand({ SessionId: 'empty' }));
    expect(out.ExecutorsSummary).toEqual([]);
    expect(out.NextToken).toBeUndefined();
  });
});

describe('nock binding', () => {
  it('restore() removes only its own interceptors', async () => {
    const other = nock('https://example.test').get('/').reply(200, 'kept');
    const mine = interceptAthena(createEmulator({ sessions: { x: [] } }), { region: 'ap-south-1' });
    const client = new AthenaClient({ region: 'ap-south-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    expect((await client.send(new ListExecutorsCommand({ SessionId: 'x' }))).ExecutorsSummary).toEqual([]);
    mine.restore();
    await expect(client.send(new ListExecutorsCommand({ SessionId: 'x' }))).rejects.toThrow();
    expect(await (await fetch('https://example.test/')).text()).toBe('kept');
    expect(other.isDone()).toBe(true);
  });
});
