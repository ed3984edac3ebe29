/**
 * Recording and redaction: the canary plants fake credentials and secrets and proves that no cassette
 * holds them in any form (raw, URL-encoded, base64), while the rest stays byte-exact and replayable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import type { Cassette } from '../src/recording/cassette.js';
import { REDACTED_ACCOUNT, createRedactor } from '../src/wire/redact.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const CANARY = {
  AWS_ACCESS_KEY_ID: 'AKIAZCANARY7EXAMPLE1',
  AWS_SECRET_ACCESS_KEY: 'canary/SecretKey+wJalrXUtnFEMI/K7MDENG',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEcanarySessionToken/with+slash==',
};
/** A session id the user asks to hide (say, a customer's), and the account id planted in an ARN. */
const SECRET_SESSION = 'customer-7f3a-secret-session';
const ACCOUNT = '123456789012';

/** Every form a value may take on its way into a file. */
function forms(value: string): string[] {
  const b64 = Buffer.from(value).toString('base64');
  return [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), b64.replace(/=+$/, ''), b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')];
}

const work = sharedTempDir('recording-test-');
let emulator: Emulator;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  emulator = await startEmulator();
  emulator.seed(SECRET_SESSION, [
    { ExecutorId: `arn:aws:athena:us-east-1:${ACCOUNT}:executor/${SECRET_SESSION}`, ExecutorType: 'COORDINATOR', StartDateTime: 1_700_000_000_000, ExecutorState: 'REGISTERED', ExecutorSize: 1 },
    { ExecutorId: 'worker-1', ExecutorType: 'WORKER', StartDateTime: 1_700_000_001_000, ExecutorState: 'TERMINATED', TerminationDateTime: 1_700_000_002_000 },
  ]);
  for (const [k, v] of Object.entries(CANARY)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await emulator.close();
  nock.enableNetConnect();
});

describe('verify --record', () => {
  it('no cassette holds a planted credential, secret or account id in any form', async () => {
    const dir = join(work, 'canary');
    const report = await verify({ endpoint: emulator.url, sessionIds: [SECRET_SESSION], runs: 5, seed: 7, record: { dir, redact: [SECRET_SESSION] } });
    expect(report.summary.failed).toBe(0);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(3);
    const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // The run did send them: the session in bodies, the key id in Authorization, the token in a header.
    expect(text).toContain('"authorization":"REDACTED"');
    expect(text).toContain('"x-amz-security-token":"REDACTED"');
    for (const secret of [...Object.values(CANARY), SECRET_SESSION, ACCOUNT])
      for (const form of forms(secret)) expect(text.includes(form), `${JSON.stringify(form)} (a form of ${secret}) is in a cassette`).toBe(false);
    expect(text).toContain(`arn:aws:athena:us-east-1:${REDACTED_ACCOUNT}:executor/REDACTED1`);
  });

  it('the cassettes of a redacted recording replay with the network disabled', async () => {
    const report = await verify({ replay: join(work, 'canary') });
    expect(report.summary.failed).toBe(0);
    expect(report.replay?.unused).toEqual([]);
  });

  it('each cassette has the header of its run and keeps unredacted exchanges byte-exact', async () => {
    const dir = join(work, 'builtin');
    await verify({ runs: 2, seed: 11, only: ['errors.unknown-session'], record: { dir } });
    const c = JSON.parse(readFileSync(join(dir, 'errors.unknown-session.json'), 'utf8')) as Cassette;
    expect(c.header).toMatchObject({ property: 'errors.unknown-session', target: { kind: 'emulator', endpoint: 'https://athena.us-east-1.amazonaws.com' }, region: 'us-east-1', seed: 11, mode: 'seeded', runs: 2, verdict: 'passed', harnessVersion: expect.any(String), sdkVersion: expect.stringMatching(/^3\./) });
    expect(new Date(c.header.recordedAt).getTime()).not.toBeNaN();
    const calls = c.exchanges.filter((e) => e.request.headers['x-amz-target'] === 'AmazonAthena.ListExecutors');
    expect(calls.length).toBeGreaterThan(0);
    // Every call names an unknown session, and the built-in emulator answers each as real Athena does.
    for (const call of calls) {
      expect(call.response?.status).toBe(400);
      expect(JSON.parse(call.response!.body).__type).toBe('ResourceNotFoundException');
    }
    expect(calls[0].request.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });
});

describe('createRedactor', () => {
  const redactor = createRedactor({ values: ['s3cr3t-value'], credentials: ['AKIAZCANARY7EXAMPLE1'] });

  it('hides credential headers, signatures, key ids, ARN accounts and named values in every form', () => {
    const exchange = redactor.exchange({
      request: {
        method: 'POST',
        path: '/?X-Amz-Signature=abc&X-Amz-Credential=AKIAZCANARY7EXAMPLE1%2F20260101&keep=1',
        headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/..., Signature=ff', 'x-amz-security-token': 'tok', 'x-amz-target': 'AmazonAthena.ListExecutors' },
        body: `{"SessionId":"s3cr3t-value","Other":"${encodeURIComponent('s3cr3t-value')}","Token":"xx${Buffer.from('..s3cr3t-value..').toString('base64')}"}`,
      },
      response: { status: 400, headers: {}, body: `{"Message":"arn:aws:iam::${ACCOUNT}:role/x, key ASIAABCDEFGHIJKLMNOP, Signature=${'a'.repeat(64)}"}` },
      durationMs: 1.6,
    });
    expect(exchange.request.headers).toEqual({ authorization: 'REDACTED', 'x-amz-security-token': 'REDACTED', 'x-amz-target': 'AmazonAthena.ListExecutors' });
    expect(exchange.request.path).toBe('/?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&keep=1');
    expect(exchange.request.body).not.toMatch(/s3cr3t|czNjcjN0LXZhbHVl/);
    expect(exchange.request.body).toContain('"SessionId":"REDACTED1"');
    expect(exchange.response!.body).toBe(`{"Message":"arn:aws:iam::${REDACTED_ACCOUNT}:role/x, key REDACTED, Signature=REDACTED"}`);
    expect(exchange.durationMs).toBe(2);
  });

  it('leaves everything else byte for byte', () => {
    const body = '{"SessionId":"ffffffe7-be1e","ExecutorsSummary":[{"ExecutorId":"é\\u0000x","StartDateTime":1}],"NextToken":"AAAA+/=="}';
    expect(redactor.text(body)).toBe(body);
  });
});
