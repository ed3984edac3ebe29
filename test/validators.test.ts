import { describe, expect, it } from 'vitest';
import { validate } from '../src/schema/validators.js';

describe('validate()', () => {
  it('renders each problem as one readable line naming the member', () => {
    const verdict = validate('list-executors-request.schema.json', { MaxResults: 101, NextToken: 5 });
    expect(verdict).toEqual({
      ok: false,
      errors: ['SessionId: is required', 'MaxResults: must be <= 100', 'NextToken: must be string'],
    });
    if (!verdict.ok) for (const line of verdict.errors) expect(line).not.toContain('\n');
  });

  it('names enum problems with the allowed values, and nested members with dots and indexes', () => {
    expect(validate('list-executors-response.schema.json', {
      SessionId: 's',
      ExecutorsSummary: [{ ExecutorId: 'a' }, { ExecutorId: 'b', ExecutorState: 'failed' }],
    })).toEqual({
      ok: false,
      errors: ['ExecutorsSummary[1].ExecutorState: must be one of "CREATING", "CREATED", "REGISTERED", "TERMINATING", "TERMINATED", "FAILED"'],
    });
  });

  it('names a body of the wrong type "(body)"', () => {
    expect(validate('list-executors-request.schema.json', [])).toEqual({ ok: false, errors: ['(body): must be object'] });
  });

  it('accepts unknown members in requests (AWS ignores them) and responses (AWS adds them)', () => {
    expect(validate('list-executors-request.schema.json', { SessionId: 's', ClientRequestToken: 'x' })).toEqual({ ok: true });
    expect(validate('list-executors-response.schema.json', {
      SessionId: 's',
      Extra: { a: 1 },
      ExecutorsSummary: [{ ExecutorId: 'e', ExecutorTags: [] }],
    })).toEqual({ ok: true });
  });

  it('reads an integer with a fraction as a type problem, as ajv does', () => {
    expect(validate('list-executors-request.schema.json', { SessionId: 's', MaxResults: 1.5 })).toEqual({
      ok: false,
      errors: ['MaxResults: must be integer'],
    });
  });
});
