/**
 * Which requests the reproducer sends with the AWS CLI and which with curl, checked against the AWS
 * CLI installed here (a small loopback endpoint records what arrives); and the script's shape for
 * tokens from an earlier answer and for live targets, where it holds no credentials and no curl; and
 * for another operation, the command line and the script in its profile's words.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { awsCliCommand, cliRequest, listCommand } from '../src/contract/report/aws-cli.js';
import { reproducerScript, type ReproducerInput } from '../src/contract/report/reproducer.js';
import { defineProfile } from '../src/profiles/index.js';
import type { Exchange } from '../src/wire/exchange.js';
import { startServer } from './helpers/http-server.js';
import { LIST_WIDGETS_SPEC, WIDGET_SCHEMAS, withMembers } from './helpers/widgets-profile.js';

/** Runs `command` with bash against a loopback endpoint; resolves with the bodies that arrived. */
async function arrivals(command: (endpoint: string) => string): Promise<string[]> {
  const bodies: string[] = [];
  const server = await startServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{"ExecutorsSummary":[]}');
    });
  });
  const endpoint = server.url;
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_MAX_ATTEMPTS: '1', AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '' };
  await new Promise((resolve) => execFile('bash', ['-c', command(endpoint)], { env, timeout: 30_000 }, resolve));
  await server.close();
  return bodies;
}

const SID = '00000000-0000-4000-8000-000000000000';

describe('AWS CLI or curl', () => {
  it('the CLI sends what cliRequest accepts exactly as it is (maximums are not its business)', async () => {
    const bodies = [{ SessionId: SID, MaxResults: 1000 }, { SessionId: '-x y', ExecutorStateFilter: 'BOGUS', NextToken: '' }];
    const requests = bodies.map((b) => cliRequest(JSON.stringify(b)));
    for (const r of requests) expect(r).toBeDefined();
    const sent = await arrivals((e) => requests.map((r) => listCommand(r!, e, 'us-east-1')).join('\n'));
    expect(sent.map((b) => JSON.parse(b))).toEqual(bodies);
  });

  it('what cliRequest refuses, the CLI would refuse itself: nothing arrives; curl sends it raw', async () => {
    for (const body of [{ SessionId: SID, MaxResults: 0 }, { SessionId: '' }]) {
      expect(cliRequest(JSON.stringify(body))).toBeUndefined();
      const forced = { SessionId: body.SessionId, MaxResults: 'MaxResults' in body ? body.MaxResults : undefined };
      expect(await arrivals((e) => listCommand(forced, e, 'us-east-1'))).toEqual([]);
      expect(await arrivals((e) => awsCliCommand(JSON.stringify(body), e, 'us-east-1'))).toEqual([JSON.stringify(body)]);
    }
  });

  it('wrong JSON types, unknown members, null and file:// values go by curl', () => {
    for (const body of ['{"SessionId":10}', `{"SessionId":"${SID}","MaxResults":"5"}`, `{"SessionId":"${SID}","Extra":1}`, `{"SessionId":"${SID}","NextToken":null}`, '{"SessionId":"file:///etc/passwd"}', '[]', 'not json']) {
      expect(cliRequest(body), body).toBeUndefined();
      expect(awsCliCommand(body, 'http://127.0.0.1:4566', 'us-east-1')).toMatch(/^curl -sS -i .* -X POST http:\/\/127\.0\.0\.1:4566\/ -H 'content-type: application\/x-amz-json-1\.1' -H 'x-amz-target: AmazonAthena\.ListExecutors' --data-binary /);
    }
  });
});

const list = (body: object, answer: object): Exchange => ({
  request: { method: 'POST', path: '/', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors', 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) },
  response: { status: 200, headers: {}, body: JSON.stringify(answer) },
  durationMs: 1,
});

describe('the script', () => {
  const base: Omit<ReproducerInput, 'exchanges' | 'culprit'> = { id: 'errors.invalid-token', law: 'the law', message: 'what came', target: { kind: 'endpoint', description: 'http://127.0.0.1:4566', cliEndpoint: 'http://127.0.0.1:4566', region: 'us-east-1' } };

  it('a token from an earlier answer is kept in its own variable; one no answer gave is written as it is', () => {
    const exchanges = [
      list({ SessionId: 'a', MaxResults: 1 }, { ExecutorsSummary: [{ ExecutorId: 'x' }], NextToken: 'T-a' }),
      list({ SessionId: 'b', MaxResults: 1 }, { ExecutorsSummary: [{ ExecutorId: 'y' }], NextToken: 'T-b' }),
      list({ SessionId: 'b', MaxResults: 1, NextToken: 'T-a' }, { ExecutorsSummary: [{ ExecutorId: 'x' }] }),
      list({ SessionId: 'b', MaxResults: 1, NextToken: 'forged' }, { ExecutorsSummary: [] }),
    ];
    const script = reproducerScript({ ...base, exchanges, culprit: 3 });
    expect(script).toContain('\ntoken_0=$token\n');
    expect(script).toMatch(/^call aws athena list-executors --session-id b --max-results 1 --next-token="\$token_0" /m);
    expect(script).toMatch(/^call aws athena list-executors --session-id b --max-results 1 --next-token forged /m);
    expect(script).toContain('# ListExecutors, with the NextToken of an earlier answer; the harness got: 200, 1 executor(s) "x", no NextToken');
  });

  it('for live Athena: no credentials are set or printed, and a body the CLI cannot send is shown, not sent unsigned', () => {
    const exchanges = [list({ SessionId: 10 }, {})];
    const script = reproducerScript({ ...base, exchanges, culprit: 0, target: { kind: 'live', description: 'live Athena', cliEndpoint: 'https://athena.eu-west-1.amazonaws.com', region: 'eu-west-1' } });
    expect(script).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|^(call )?curl /m);
    expect(script).toContain('your own credentials');
    expect(script).toContain('#   {"SessionId":10}');
  });

  it('a replayed seeded recording was never AWS, whatever address it recorded: placeholder credentials, and ENDPOINT to set', () => {
    const seed: Exchange = { request: { method: 'PUT', path: '/_contract/sessions/a', headers: { 'content-type': 'application/json' }, body: '{"executors":[]}' }, response: { status: 204, headers: {}, body: '' }, durationMs: 1 };
    const description = 'replay of recordings/x (recorded from built-in emulator (in process) on 2026-11-25)';
    const target = { kind: 'replay' as const, description, cliEndpoint: 'https://athena.us-east-1.amazonaws.com', region: 'us-east-1' };
    const script = reproducerScript({ ...base, exchanges: [seed, list({ SessionId: 'a' }, { ExecutorsSummary: [] })], culprit: 1, target });
    expect(script).toContain('export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test');
    expect(script).toContain(`# The run was a ${description}: set ENDPOINT`);
  });
});

describe('another operation', () => {
  /**
   * A made-up operation whose every name differs from ListExecutors': the command line and the script
   * read them from its profile. The shared ListWidgets (test/helpers/widgets-profile.ts) with its page
   * size and token renamed too (`Limit`, `Cursor`, so that the flags `--limit` and `--cursor` can only
   * come from the profile) and two states of its own (ON, OFF).
   */
  const widgets = defineProfile({
    ...LIST_WIDGETS_SPEC,
    pageSize: 'Limit',
    token: 'Cursor',
    schemas: {
      request: withMembers(WIDGET_SCHEMAS.request, 'w-request', { MaxResults: undefined, NextToken: undefined, Limit: { type: 'integer', minimum: 1, maximum: 20 }, Cursor: { type: 'string' } }),
      response: withMembers(WIDGET_SCHEMAS.response, 'w-response', { NextToken: undefined, Cursor: { type: 'string' } }),
      item: WIDGET_SCHEMAS.item,
      refs: [{ ...WIDGET_SCHEMAS.refs[0], enum: ['ON', 'OFF'] }],
    },
  });

  it('the command line and the curl fallback are the operation\'s', () => {
    expect(awsCliCommand('{"ShelfId":"s1","StateFilter":"ON","Limit":2,"Cursor":"c"}', 'http://127.0.0.1:4566', 'us-east-1', widgets)).toBe(
      'aws athena list-widgets --shelf-id s1 --state-filter ON --limit 2 --cursor c --endpoint-url http://127.0.0.1:4566 --region us-east-1',
    );
    expect(cliRequest('{"SessionId":"s1"}', widgets)).toBeUndefined();
    expect(awsCliCommand('{"ShelfId":""}', 'http://127.0.0.1:4566', 'us-east-1', widgets)).toContain("-H 'x-amz-target: AmazonAthena.ListWidgets'");
  });

  it('the script seeds by the operation\'s route, names its items and chains its token', () => {
    const seed: Exchange = { request: { method: 'PUT', path: '/_contract/shelves/s1', headers: {}, body: '{"widgets":[]}' }, response: { status: 204, headers: {}, body: '' }, durationMs: 1 };
    const call = (body: object, answer: object): Exchange => ({ request: { method: 'POST', path: '/', headers: { 'x-amz-target': 'AmazonAthena.ListWidgets' }, body: JSON.stringify(body) }, response: { status: 200, headers: {}, body: JSON.stringify(answer) }, durationMs: 1 });
    const exchanges = [seed, call({ ShelfId: 's1', Limit: 1 }, { Widgets: [{ WidgetId: 'w1' }], Cursor: 'c1' }), call({ ShelfId: 's1', Limit: 1, Cursor: 'c1' }, { Widgets: [] })];
    const target = { kind: 'endpoint' as const, description: 'http://127.0.0.1:4566', cliEndpoint: 'http://127.0.0.1:4566', region: 'us-east-1' };
    const script = reproducerScript({ id: 'x', law: 'the law', message: 'what came', exchanges, culprit: 2, target, profile: widgets });
    expect(script).toContain('# Seed shelf s1 with exactly these 0 widgets (the seeding route PUT /_contract/shelves/{ShelfId}):');
    expect(script).toContain('# ListWidgets; the harness got: 200, 1 widget(s) "w1", a Cursor');
    expect(script).toMatch(/^call aws athena list-widgets --shelf-id s1 --limit 1 --cursor="\$token" /m);
    expect(script).toContain(`grep -o '"Cursor": *"[^"]*"'`);
  });
});
