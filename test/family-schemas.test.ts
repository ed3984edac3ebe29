/**
 * The schema compiler on what the family's schemas bring: the WorkGroup pattern (valid values across
 * its whole character class and at both ends of its length, near misses that a server must refuse),
 * list lengths, nested structures and epoch-second timestamps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constraintsOf, invalid } from '../src/arbitraries/invalid.js';
import { valid } from '../src/arbitraries/valid.js';
import { LIST_SESSIONS_REQUEST_CONSTRAINTS } from '../src/generated/constraints.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_SESSIONS, validateFor } from '../src/profiles/index.js';

const WORKGROUP = /^[a-zA-Z0-9._-]{1,128}$/;
const workGroup = LIST_SESSIONS.schemas.request.properties!.WorkGroup;

describe('the WorkGroup pattern', () => {
  it('is generated and emitted as the schema states it', () => {
    expect(LIST_SESSIONS_REQUEST_CONSTRAINTS.WorkGroup).toMatchObject({ required: true, minLength: 1, maxLength: 128, pattern: '^[a-zA-Z0-9._-]{1,128}$' });
    expect(LIST_SESSIONS.parentFacts.pattern).toBe('^[a-zA-Z0-9._-]{1,128}$');
  });

  it('valid values cover the whole class and both ends of the length range, and all match', () => {
    const values = fc.sample(valid(workGroup), { numRuns: 2000, seed: 1 }) as string[];
    expect(values.every((v) => WORKGROUP.test(v))).toBe(true);
    const lengths = new Set(values.map((v) => v.length));
    expect(lengths.has(1)).toBe(true);
    expect(lengths.has(128)).toBe(true);
    const seen = new Set(values.join(''));
    for (const c of ['a', 'z', 'A', 'Z', '0', '9', '.', '_', '-']) expect(seen.has(c), c).toBe(true);
  });

  it('near misses: empty, 129 characters, a space, a slash, a non-ASCII letter, each refused by the schema', () => {
    expect(constraintsOf(LIST_SESSIONS.schemas.request, LIST_SESSIONS.schemaById)).toEqual(expect.arrayContaining(['WorkGroup/minLength', 'WorkGroup/maxLength', 'WorkGroup/pattern']));
    const broken = fc.sample(invalid(LIST_SESSIONS.schemas.request, { refs: LIST_SESSIONS.schemaById }), { numRuns: 3000, seed: 2 });
    const names = broken.filter((b) => b.breaks.startsWith('WorkGroup/')).map((b) => (b.value as Record<string, unknown>).WorkGroup).filter((v): v is string => typeof v === 'string');
    expect(names).toContain('');
    expect(names.some((v) => [...v].length === 129)).toBe(true);
    expect(names.some((v) => v.includes(' '))).toBe(true);
    expect(names.some((v) => v.includes('/'))).toBe(true);
    expect(names.some((v) => /\p{L}/u.test(v) && /[^\x00-\x7f]/.test(v))).toBe(true);
    for (const v of names) expect(validateFor(LIST_SESSIONS, 'request', { WorkGroup: v }).ok, JSON.stringify(v)).toBe(false);
  });
});

describe('lists, nested structures and timestamps', () => {
  it('a page of sessions holds at most 100, and the response schema refuses 101', () => {
    const session = { SessionId: 's', Status: { StartDateTime: 1701234567.891, State: 'IDLE' } };
    expect(validateFor(LIST_SESSIONS, 'response', { Sessions: Array(100).fill(session) }).ok).toBe(true);
    expect(validateFor(LIST_SESSIONS, 'response', { Sessions: Array(101).fill(session) }).ok).toBe(false);
    const pages = fc.sample(valid('list-sessions-response.schema.json', { maxItems: 200, longMaxItems: 300 }), { numRuns: 200, seed: 3 });
    expect(pages.every((p) => (p.Sessions?.length ?? 0) <= 100)).toBe(true);
  });

  it('timestamps are epoch seconds with an optional fraction: an ISO string and epoch milliseconds are refused', () => {
    const at = (SubmissionDateTime: unknown) => validateFor(LIST_CALCULATION_EXECUTIONS, 'item', { CalculationExecutionId: 'c', Status: { SubmissionDateTime, State: 'RUNNING' } }).ok;
    expect(at(1701234567)).toBe(true);
    expect(at(1701234567.891)).toBe(true);
    expect(at('2023-11-29T05:09:27.891Z')).toBe(false);
    expect(at(1701234567891)).toBe(false);
  });

  it('nested members are checked where they sit: EngineVersion and Status', () => {
    expect(validateFor(LIST_SESSIONS, 'item', { EngineVersion: { SelectedEngineVersion: '' } }).ok).toBe(false);
    expect(validateFor(LIST_SESSIONS, 'item', { Status: { State: 'SLEEPING' } }).ok).toBe(false);
    expect(validateFor(LIST_SESSIONS, 'item', {}).ok).toBe(true);
  });
});
