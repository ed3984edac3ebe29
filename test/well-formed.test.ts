/**
 * "Well-formed error" (DESIGN.md, AWS JSON 1.1), checked on the raw exchange and on what the SDK made
 * of it: every reading the contract allows passes, and each way of breaking it is named.
 */
import { describe, expect, it } from 'vitest';
import type { ListCall } from '../src/contract/call.js';
import { ContractViolation } from '../src/contract/violation.js';
import { errorProblems, expectWellFormedError } from '../src/contract/well-formed.js';
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
    expect(problems(call(400, '{"code":"InvalidRequestException","Message":"bad"}', undefined, 'InvalidRequestException'))).toMatch(/no __type \(it says "code"/);
    expect(problems(call(400, '{"__type":"ResourceNotFoundException","Message":"gone"}'))).toMatch(/names ResourceNotFoundException, expected InvalidRequestException/);
    expect(problems(call(400, '{"__type":"InvalidRequestException"}'))).toMatch(/InvalidRequestException has no Message/);
    expect(problems(call(400, '{"__type":"InvalidRequestException","Message":"bad"}', {}))).toMatch(/no x-amzn-RequestId header/);
    expect(problems(call(400, '{"__type":"InvalidRequestException","Message":"bad","AthenaErrorCode":""}'))).toMatch(/AthenaErrorCode: must NOT have fewer than 1 characters/);
    expect(problems(call(400, '{"__type":"InvalidRequestException","Message":"bad"}', undefined, 'SyntaxError'))).toMatch(/the SDK surfaced SyntaxError/);
  });
});

describe('expectWellFormedError', () => {
  it('passes a well-formed error and throws a ContractViolation naming what was sent and every problem', () => {
    expect(() => expectWellFormedError(call(400, '{"__type":"InvalidRequestException","Message":"bad"}'), IRE, 400, 'a request')).not.toThrow();
    const broken = call(500, '{"__type":"InvalidRequestException","Message":"bad"}', {});
    let thrown: unknown;
    try {
      expectWellFormedError(broken, IRE, 400, 'a request breaking MaxResults/maximum');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ContractViolation);
    expect((thrown as Error).message).toBe(`a request breaking MaxResults/maximum: ${errorProblems(broken, IRE, 400).join('; ')}`);
    expect((thrown as Error).message).toBe('a request breaking MaxResults/maximum: status 500, expected 400 for InvalidRequestException; no x-amzn-RequestId header');
  });
});
