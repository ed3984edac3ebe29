/**
 * The emulator's wire code where the catalogue never goes (it only sends well-formed ListExecutors
 * calls and seeds): the body-size rule at its edges, queries, whitespace bodies, operation names that
 * are properties of every object, malformed HTTP, latency, options. Written to kill the mutants of
 * `npm run mutation` that survive the catalogue there; part of the normal suite too.
 */
import { connect } from 'node:net';
import { ListExecutorsCommand } from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMZ_JSON, MAX_BODY_BYTES, createEmulator, startEmulator, type Emulator } from '../../src/emulator/index.js';
import type { WireRequest, WireResponse } from '../../src/wire/exchange.js';

const core = createEmulator({ sessions: { s: [{ ExecutorId: 'a', StartDateTime: 5, ExecutorState: 'REGISTERED' }] } });

function post(body: string, target = 'AmazonAthena.ListExecutors', path = '/'): WireResponse {
  return core.handle({ method: 'POST', path, headers: { 'x-amz-target': target, 'content-type': AMZ_JSON }, body });
}

const typeOf = (res: WireResponse): [number, unknown] => [res.status, (JSON.parse(res.body) as { __type?: unknown }).__type];

describe('the body-size rule at its edges', () => {
  it('reads a body of multi-byte characters just under 1 MiB, and refuses one just over', () => {
    // 'é' is 2 bytes in UTF-8: 400,000 of them are 800,000 bytes (under) but 1,200,000 bytes as three times the units.
    const under = JSON.stringify({ SessionId: 's', Pad: 'é'.repeat(400_000) });
    expect(post(under).status).toBe(200);
    const over = JSON.stringify({ SessionId: 's', Pad: 'é'.repeat(MAX_BODY_BYTES / 2) });
    expect(typeOf(post(over))).toEqual([413, 'RequestEntityTooLargeException']);
    expect(JSON.parse(post(over).body).Message).toContain(`over ${MAX_BODY_BYTES} bytes`);
    expect(post(over).headers['content-type']).toBe('application/x-amz-json-1.1');
  });

  it('refuses a body of exactly one byte more than 1 MiB and reads one of exactly 1 MiB', () => {
    const pad = (bytes: number): string => {
      const shell = JSON.stringify({ SessionId: 's', Pad: '' });
      return JSON.stringify({ SessionId: 's', Pad: 'x'.repeat(bytes - shell.length) });
    };
    expect(post(pad(MAX_BODY_BYTES)).status).toBe(200);
    expect(typeOf(post(pad(MAX_BODY_BYTES + 1)))).toEqual([413, 'RequestEntityTooLargeException']);
  });
});

describe('requests the SDK does not send', () => {
  it('answers POST / with a query string as POST /', () => {
    expect(post('{"SessionId":"s"}', 'AmazonAthena.ListExecutors', '/?x=1').status).toBe(200);
  });

  it('reads a body of whitespace as {} (so the SessionId is missing), not as malformed JSON', () => {
    expect(typeOf(post(' \n\t '))).toEqual([400, 'InvalidRequestException']);
  });

  it.each(['AmazonAthena.toString', 'AmazonAthena.constructor', 'AmazonAthena.__proto__', 'ListExecutors', 'AmazonAthena.'])(
    'answers the X-Amz-Target %s with UnknownOperationException',
    (target) => {
      expect(typeOf(post('{"SessionId":"s"}', target))).toEqual([400, 'UnknownOperationException']);
    },
  );

  it('answers a request without an X-Amz-Target with UnknownOperationException naming the operations', () => {
    const res = core.handle({ method: 'POST', path: '/', headers: {}, body: '{}' });
    expect(typeOf(res)).toEqual([400, 'UnknownOperationException']);
    expect(JSON.parse(res.body).Message).toContain('AmazonAthena.ListExecutors | AmazonAthena.ListSessions | AmazonAthena.ListCalculationExecutions | AmazonAthena.StartSession');
    expect(JSON.parse(res.body).Message).toMatch(/^X-Amz-Target "" is not/);
    const lost = core.handle({ method: 'POST', path: `/${'p'.repeat(200)}`, headers: {}, body: '' });
    expect(JSON.parse(lost.body).Message).toBe(`POST /${'p'.repeat(127)}: no such route; use POST / (AWS JSON 1.1) or PUT|DELETE /_contract/sessions/{SessionId} | /_contract/workgroups/{WorkGroup}`);
  });

  it('answers other methods on the seeding route with 405, and a missing or badly encoded SessionId with 400', () => {
    const at = (method: string, path: string): WireRequest => ({ method, path, headers: {}, body: '{"executors":[]}' });
    expect(typeOf(core.handle(at('POST', '/_contract/sessions/x')))).toEqual([405, 'MethodNotAllowedException']);
    expect(JSON.parse(core.handle(at('POST', '/_contract/sessions/x')).body).Message).toBe('POST /_contract/sessions/{SessionId}: use PUT to seed a session or DELETE to drop it');
    expect(typeOf(core.handle(at('PUT', '/_contract/sessions/')))).toEqual([400, 'InvalidRequestException']);
    expect(JSON.parse(core.handle(at('PUT', '/_contract/sessions/')).body).Message).toContain('the SessionId is missing');
    const notJson = core.handle({ ...at('PUT', '/_contract/sessions/x'), body: '{' });
    expect(typeOf(notJson)).toEqual([400, 'SerializationException']);
    expect(JSON.parse(notJson.body).Message).toContain('not valid JSON');
    expect(typeOf(core.handle({ ...at('PUT', '/_contract/sessions/x'), body: '{"nope":1}' }))).toEqual([400, 'InvalidRequestException']);
    expect(typeOf(core.handle(at('PUT', '/_contract/sessions/%E0%A4%A')))).toEqual([400, 'InvalidRequestException']);
    expect(core.handle(at('PUT', '/_contract/sessions/q?ignored=1')).status).toBe(204);
    expect(post('{"SessionId":"q"}').status).toBe(200);
  });

  it('answers 204 No Content with no body at all, for a seed and for a drop', () => {
    for (const method of ['PUT', 'DELETE']) {
      const res = core.handle({ method, path: '/_contract/sessions/empty', headers: {}, body: '{"executors":[]}' });
      expect([method, res.status, res.body]).toEqual([method, 204, '']);
    }
  });
});

describe('createEmulator options', () => {
  it('refuses an unknown fault with a message naming it and the known ones', () => {
    expect(() => createEmulator({ faults: ['nope' as never] })).toThrow(/unknown fault "nope"; use one of .*oldest-first/);
  });

  it('signs tokens with the tokenKey given: another key does not accept them', () => {
    const executors = [1, 2, 3].map((i) => ({ ExecutorId: `e${i}`, StartDateTime: i }));
    const mine = createEmulator({ tokenKey: 'mine', sessions: { s: executors } });
    const theirs = createEmulator({ sessions: { s: executors } });
    const call = (c: typeof core, body: unknown): WireResponse => c.handle({ method: 'POST', path: '/', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: JSON.stringify(body) });
    const token = (JSON.parse(call(mine, { SessionId: 's', MaxResults: 1 }).body) as { NextToken: string }).NextToken;
    expect(call(mine, { SessionId: 's', MaxResults: 1, NextToken: token }).status).toBe(200);
    expect(typeOf(call(theirs, { SessionId: 's', MaxResults: 1, NextToken: token }))).toEqual([400, 'InvalidRequestException']);
  });
});

describe('the HTTP binding', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ sessions: { s: [] } });
  });
  afterAll(() => emu.close());

  function raw(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const url = new URL(emu.url);
      const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
      let out = '';
      socket.on('data', (d: Buffer) => (out += d.toString()));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
  }

  it('answers malformed HTTP with a JSON SerializationException and closes the connection', async () => {
    const answer = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain(`Content-Type: ${AMZ_JSON}`);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(answer).toContain(`Content-Length: ${Buffer.byteLength(body)}\r\n`);
    expect(JSON.parse(body)).toMatchObject({ __type: 'SerializationException', Message: expect.stringContaining('POST /') });
  });

  it('refuses a body over 1 MiB by its byte count, without reading it as JSON', async () => {
    const res = await fetch(`${emu.url}/`, { method: 'POST', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: `{"SessionId":"s","Pad":"${'é'.repeat(MAX_BODY_BYTES / 2)}"}` });
    expect([res.status, ((await res.json()) as { __type: string }).__type]).toEqual([413, 'RequestEntityTooLargeException']);
  });

  it('sends the content length of the body as bytes, for a body of multi-byte characters', async () => {
    emu.seed('ü', [{ ExecutorId: 'ä-1', StartDateTime: 1 }]);
    const res = await fetch(`${emu.url}/`, { method: 'POST', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: JSON.stringify({ SessionId: 'ü' }) });
    const text = await res.text();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toMatchObject({ SessionId: 'ü', ExecutorsSummary: [{ ExecutorId: 'ä-1' }] });
  });

  it('answers after latencyMs when one is given, as it answers without', async () => {
    const slow = await startEmulator({ latencyMs: 1, sessions: { s: [{ ExecutorId: 'x' }] } });
    const out = await slow.client().send(new ListExecutorsCommand({ SessionId: 's' }));
    await slow.close();
    expect(out.ExecutorsSummary).toEqual([{ ExecutorId: 'x' }]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses latencyMs %s with a message naming it', async (latencyMs) => {
    await expect(startEmulator({ latencyMs })).rejects.toThrow(`startEmulator: latencyMs must be a number of milliseconds >= 0, got ${latencyMs}`);
  });

  it('gives clients an AthenaClient in us-east-1 that does not retry, whose config the caller may change', async () => {
    const client = emu.client();
    expect(await client.config.region()).toBe('us-east-1');
    expect(await client.config.maxAttempts()).toBe(1);
    expect(await emu.client({ region: 'eu-west-1' }).config.region()).toBe('eu-west-1');
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
