import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/emulator/index.js';

let server: Emulator;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
beforeAll(async () => {
  server = await startEmulator({ sessions: { s: [{ ExecutorId: 'a', StartDateTime: 1 }, { ExecutorId: 'b', StartDateTime: 2 }] } });
});
afterAll(async () => {
  agent.destroy();
  await server.close();
});

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

function send(sent: Sent): Promise<{ status: number; contentType: string; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method: sent.method, path: sent.path, headers: { ...sent.headers, 'content-length': Buffer.byteLength(sent.body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(sent.body);
  });
}

const printable = (max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[ -~]{0,${max}}$`));
const validRequest = fc.record(
  {
    SessionId: fc.oneof(fc.constant('s'), fc.string(), fc.integer(), fc.constant(null)),
    MaxResults: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double(), fc.string()),
    ExecutorStateFilter: fc.oneof(fc.constantFrom('CREATING', 'TERMINATED', 'RUNNING'), fc.integer()),
    NextToken: fc.oneof(fc.string(), fc.string({ minLength: 2040, maxLength: 2100 }), fc.base64String()),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  validRequest.map((r) => JSON.stringify(r)),
  fc.tuple(validRequest.map((r) => JSON.stringify(r)), fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constant(''),
);
const path = fc.oneof(
  fc.constant('/'),
  fc.string().map((s) => `/_contract/sessions/${encodeURIComponent(s)}`),
  fc.constantFrom('/_contract/sessions/%E0%A4%A', '/_contract/sessions/', '/?x=1', '//', '/_contract'),
  fc.webPath().map((p) => p || '/'),
);
const target = fc.oneof(
  fc.constantFrom('AmazonAthena.ListExecutors', 'AmazonAthena.GetSession', 'AmazonAthena.TerminateSession', 'AmazonAthena.StartSession', 'AmazonAthena.Nope'),
  printable(40),
);
const sent: fc.Arbitrary<Sent> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  path,
  headers: fc.record({ 'x-amz-target': target, 'content-type': fc.constantFrom('application/x-amz-json-1.1', 'text/plain', 'application/json') }, { requiredKeys: [] }),
  body,
});

describe('emulator HTTP layer under fuzzing', () => {
  it('never crashes, never answers 5xx to client garbage, and always answers errors as parseable JSON', async () => {
    await fc.assert(
      fc.asyncProperty(sent, async (s) => {
        const res = await send(s);
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        if (s.method === 'HEAD' || res.status === 204) return;
        const parsed = JSON.parse(res.body) as Record<string, unknown>;
        if (res.status >= 400) {
          expect(typeof parsed.__type).toBe('string');
          expect(res.contentType).toBe('application/x-amz-json-1.1');
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
    const alive = await send({ method: 'POST', path: '/', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: '{"SessionId":"s"}' });
    expect(alive.status).toBe(200);
  });

  it('answers an over-1-MiB body with 413 and a JSON error', async () => {
    const res = await send({ method: 'POST', path: '/', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { __type: string }).__type).toBe('RequestEntityTooLargeException');
  });
});
