import { describe, expect, it } from 'vitest';
import type { ExecutorsSummary } from '../src/generated/athena.js';
import { AMZ_JSON, MAX_BODY_BYTES, createEmulator, startEmulator } from '../src/emulator/index.js';
import { answerOf, call, type Answer } from './helpers/emulator-call.js';

const ex = (id: string, start: number): ExecutorsSummary => ({ ExecutorId: id, StartDateTime: start, ExecutorState: 'REGISTERED' });

describe('emulator wire format', () => {
  const core = createEmulator({ sessions: { s: [ex('a', 1), ex('b', 2)] } });

  it('every answer, success or error, has the AWS JSON content type and a UUID request id', () => {
    for (const res of [call(core, 'ListExecutors', { SessionId: 's' }), call(core, 'ListExecutors', { SessionId: 'nope' }), call(core, 'Nope', {})]) {
      expect(res.headers['content-type']).toBe(AMZ_JSON);
      expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('errors carry a bare __type and never an x-amzn-ErrorType header', () => {
    const res = call(core, 'ListExecutors', { SessionId: 's', MaxResults: 0 });
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('InvalidRequestException');
    expect(res.headers['x-amzn-errortype']).toBeUndefined();
  });

  it('malformed JSON is a 400 SerializationException', () => {
    const res = call(core, 'ListExecutors', '{"SessionId":');
    expect([res.status, res.body.__type]).toEqual([400, 'SerializationException']);
  });

  it('an empty body reads as {} (so the SessionId is missing)', () => {
    const res = call(core, 'ListExecutors', '');
    expect([res.status, res.body.__type]).toEqual([400, 'InvalidRequestException']);
  });

  it('a body over 1 MiB is refused with 413 RequestEntityTooLargeException', () => {
    const res = call(core, 'ListExecutors', JSON.stringify({ SessionId: 's', Pad: 'x'.repeat(MAX_BODY_BYTES) }));
    expect([res.status, res.body.__type]).toEqual([413, 'RequestEntityTooLargeException']);
  });

  it('other methods and paths get 405 and 404 with a JSON error body', () => {
    const get = answerOf(core.handle({ method: 'GET', path: '/', headers: {}, body: '' }));
    const other = answerOf(core.handle({ method: 'POST', path: '/elsewhere', headers: {}, body: '' }));
    expect([get.status, get.body.__type]).toEqual([405, 'MethodNotAllowedException']);
    expect([other.status, other.body.__type]).toEqual([404, 'NotFoundException']);
  });
});

describe('emulator seeding routes', () => {
  const core = createEmulator();
  const put = (id: string, body: unknown): Answer =>
    answerOf(core.handle({ method: 'PUT', path: `/_contract/sessions/${encodeURIComponent(id)}`, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  const del = (id: string): Answer => answerOf(core.handle({ method: 'DELETE', path: `/_contract/sessions/${encodeURIComponent(id)}`, headers: {}, body: '' }));
  const ids = (id: string): unknown => (call(core, 'ListExecutors', { SessionId: id }).body.ExecutorsSummary as ExecutorsSummary[]).map((e) => e.ExecutorId);

  it('PUT makes the session hold exactly the executors given, with a URL-encoded SessionId', () => {
    const id = 'a/b c?d';
    expect(put(id, { executors: [ex('x', 1), ex('y', 2)] }).status).toBe(204);
    expect(ids(id)).toEqual(['y', 'x']);
    expect(put(id, { executors: [ex('z', 3)] }).status).toBe(204);
    expect(ids(id)).toEqual(['z']);
  });

  it('PUT with an invalid body is a 400 saying what is wrong', () => {
    for (const body of ['{', { executors: [{ ExecutorId: 5 }] }, { nope: [] }, { executors: [ex('d', 1), ex('d', 2)] }]) {
      const res = put('bad', body);
      expect(res.status).toBe(400);
      expect(typeof res.body.Message).toBe('string');
    }
    expect(call(core, 'ListExecutors', { SessionId: 'bad' }).status).toBe(400);
  });

  it('DELETE forgets the session and is idempotent', () => {
    put('gone', { executors: [] });
    expect(del('gone').status).toBe(204);
    expect(call(core, 'ListExecutors', { SessionId: 'gone' }).body.__type).toBe('ResourceNotFoundException');
    expect(del('gone').status).toBe(204);
  });

  it('seed() from code rejects duplicate ExecutorIds', () => {
    expect(() => core.seed('s', [ex('d', 1), ex('d', 2)])).toThrow(/appears twice/);
  });
});

describe('emulator session calls', () => {
  it('StartSession, GetSessionStatus polls to IDLE, TerminateSession ends it and its executors', () => {
    const core = createEmulator();
    const start = call(core, 'StartSession', { WorkGroup: 'spark', EngineConfiguration: { MaxConcurrentDpus: 4 } }).body;
    expect(start.State).toBe('CREATING');
    const id = start.SessionId as string;
    const states = [1, 2, 3].map(() => (call(core, 'GetSessionStatus', { SessionId: id }).body.Status as { State: string }).State);
    expect(states).toEqual(['CREATING', 'CREATING', 'IDLE']);
    expect((call(core, 'GetSession', { SessionId: id }).body.Status as { State: string }).State).toBe('IDLE');
    expect(call(core, 'ListExecutors', { SessionId: id }).body.ExecutorsSummary).toMatchObject([{ ExecutorType: 'COORDINATOR', ExecutorState: 'REGISTERED' }]);
    expect(call(core, 'TerminateSession', { SessionId: id }).body.State).toBe('TERMINATING');
    expect(core.sessionStates()).toEqual({ [id]: 'TERMINATED' });
    expect(call(core, 'ListExecutors', { SessionId: id }).body.ExecutorsSummary).toMatchObject([{ ExecutorState: 'TERMINATED' }]);
  });

  it('an unknown session is an InvalidRequestException for the session calls', () => {
    const core = createEmulator();
    for (const op of ['GetSessionStatus', 'GetSession', 'TerminateSession']) {
      const res = call(core, op, { SessionId: 'nope' });
      expect([res.status, res.body.__type]).toEqual([400, 'InvalidRequestException']);
    }
  });
});

describe('HTTP server lifecycle', () => {
  it('close() ends keep-alive connections too', async () => {
    const server = await startEmulator({ sessions: { s: [] } });
    const client = server.client();
    await client.send(new (await import('@aws-sdk/client-athena')).ListExecutorsCommand({ SessionId: 's' }));
    const t = performance.now();
    await server.close();
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
