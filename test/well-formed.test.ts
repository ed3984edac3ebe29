/**
 * "Well-formed error" (DESIGN.md, AWS JSON 1.1), checked on the raw exchange and on what the SDK made
 * of it: every reading the contract allows passes, and each way of breaking it is named.
 */
import { describe, expect, it } from 'vitest';
import type { ListCall } from '../src/contract/catalogue/call.js';
import { emptyStats } from '../src/contract/catalogue/context.js';
import { ContractViolation } from '../src/contract/catalogue/violation.js';
import { errorName, errorProblems, expectWellFormedError } from '../src/contract/catalogue/well-formed.js';
import { errorCode } from '../src/wire/error-code.js';

function call(status: number, body: string, headers: Record<string, string> = { 'x-amzn-requestid': 'r-1' }, sdkName?: string): ListCall {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return {
    input: { SessionId: 's' },
    status,
    json,
    exchange: { request: { method: 'POST', path: '/', headers: {}, body: '{}' }, response: { status, headers, body }, durationMs: 1 },
    error: status === 200 ? undefined : Object.assign(new Error('m'), { name: sdkName ?? errorCode(String((json as { __type?: unknown })?.__type ?? 'x')), $metadata: { httpStatusCode: status } }),
  };
}

const IRE = ['InvalidRequestException'];

/** The part of a check's context the expected-error law writes to: its counters. */
const ctx = () => ({ stats: emptyStats() });

describe('well-formed errors', () => {
  it('accepts a bare, a namespaced and a suffixed __type, with Message or message', () => {
    expect(errorProblems(call(400, '{"__type":"InvalidRequestException","Message":"bad"}'), IRE, 400)).toEqual([]);
    expect(errorProblems(call(400, '{"__type":"com.amazonaws.athena#InvalidRequestException","message":"bad"}'), IRE, 400)).toEqual([]);
    expect(errorProblems(call(400, '{"__type":"InvalidRequestException:http://internal.amazon.com/coral/","Message":"bad"}'), IRE, 400)).toEqual([]);
  });

  it('accepts a SerializationException without a message, as real Athena sends one', () => {
    expect(errorProblems(call(400, '{"__type":"SerializationException"}'), ['InvalidRequestException', 'SerializationException'], 400)).toEqual([]);
  });

  it('names each way of breaking it', () => {
    const problems = (c: ListCall, codes = IRE, status = 400) => errorProblems(c, codes, status).join('; ');
    expect(problems(call(200, '{"SessionId":"s"}'))).toMatch(/got 200 \(a success\)/);
    expect(problems(call(500, '{"__type":"InvalidRequestException","Message":"bad"}'))).toMatch(/status 500, expected 400/);
    expect(problems(call(400, 'Bad Request', { 'content-type': 'text/plain', 'x-amzn-requestid': 'r' }))).toMatch(/not a JSON object \(text\/plain\)/);
    expect(problems(call(400, '{"Message":"bad"}', undefined, 'UnknownError'))).toMatch(/no __type \(nor a "code", nor an X-Amzn-Errortype header\): nothing names the error/);
    expect(problems(call(400, '{"__type":"ResourceNotFoundException","Message":"gone"}'))).toMatch(/names ResourceNotFoundException, expected InvalidRequestException/);
    expect(problems(call(400, '{"__type":"InvalidRequestException"}'))).toMatch(/InvalidRequestException has no Message/);
    expect(problems(call(400, '{"__type":"InvalidRequestException","Message":"bad"}', {}))).toMatch(/no x-amzn-RequestId header/);
    expect(problems(call(400, '{"__type":"InvalidRequestException","Message":"bad","AthenaErrorCode":""}'))).toMatch(/AthenaErrorCode: must NOT have fewer than 1 characters/);
    expect(problems(call(400, '{"__type":"InvalidRequestException","Message":"bad"}', undefined, 'SyntaxError'))).toMatch(/the SDK surfaced SyntaxError/);
  });
});

describe('errors named outside __type (AWS JSON 1.1 lets a server use a body code or the X-Amzn-Errortype header)', () => {
  const headers = (type: string) => ({ 'x-amzn-requestid': 'r-1', 'x-amzn-errortype': type });

  it('finds the name where the SDK does, in its order: __type, then a body code (any case), then the header', () => {
    expect(errorName({ __type: 'A', code: 'B' }, { 'x-amzn-errortype': 'C' })).toEqual({ raw: 'A', place: '__type' });
    expect(errorName({ Code: 'B' }, { 'x-amzn-errortype': 'C' })).toEqual({ raw: 'B', place: 'code' });
    expect(errorName({ __type: '' }, { 'x-amzn-errortype': 'C' })).toEqual({ raw: 'C', place: 'header' });
    expect(errorName({ message: 'm' }, {})).toBeUndefined();
  });

  it('accepts a well-formed error named by a body code or by the header, with the Smithy rules for : and #, and counts each', () => {
    const c = ctx();
    expectWellFormedError(c, call(400, '{"code":"InvalidRequestException","Message":"bad"}', undefined, 'InvalidRequestException'), IRE, 400, 'a request');
    expectWellFormedError(c, call(400, '{"message":"bad"}', headers('com.amazonaws.athena#InvalidRequestException:http://internal.amazon.com/coral/'), 'InvalidRequestException'), IRE, 400, 'a request');
    expectWellFormedError(c, call(400, '{"__type":"InvalidRequestException","message":"bad"}', headers('Ignored')), IRE, 400, 'a request');
    expect(c.stats).toMatchObject({ errorNamedByCode: 1, errorNamedByHeader: 1 });
  });

  it('checks a name found elsewhere as strictly as __type: the code it names, the message, the SDK', () => {
    const problems = (c: ListCall) => errorProblems(c, IRE, 400).join('; ');
    expect(problems(call(400, '{"message":"gone"}', headers('ResourceNotFoundException'), 'ResourceNotFoundException'))).toMatch(/X-Amzn-Errortype "ResourceNotFoundException" names ResourceNotFoundException, expected InvalidRequestException/);
    expect(problems(call(400, '{"code":"InvalidRequestException"}', undefined, 'InvalidRequestException'))).toMatch(/InvalidRequestException has no Message/);
    expect(problems(call(400, '{"code":"InvalidRequestException","message":"bad"}', undefined, 'SyntaxError'))).toMatch(/the SDK surfaced SyntaxError/);
    const c = ctx();
    expect(() => expectWellFormedError(c, call(400, '{"message":"bad"}', undefined, 'UnknownError'), IRE, 400, 'a request')).toThrow(/nothing names the error/);
    expect(c.stats).toMatchObject({ errorNamedByCode: 0, errorNamedByHeader: 0 });
  });
});

describe('expectWellFormedError', () => {
  it('passes a well-formed error and throws a ContractViolation naming what was sent and every problem', () => {
    expect(() => expectWellFormedError(ctx(), call(400, '{"__type":"InvalidRequestException","Message":"bad"}'), IRE, 400, 'a request')).not.toThrow();
    const broken = call(500, '{"__type":"InvalidRequestException","Message":"bad"}', {});
    let thrown: unknown;
    try {
      expectWellFormedError(ctx(), broken, IRE, 400, 'a request breaking MaxResults/maximum');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ContractViolation);
    expect((thrown as Error).message).toBe(`a request breaking MaxResults/maximum: ${errorProblems(broken, IRE, 400).join('; ')}`);
    expect((thrown as Error).message).toBe('a request breaking MaxResults/maximum: status 500, expected 400 for InvalidRequestException; no x-amzn-RequestId header');
  });
});
