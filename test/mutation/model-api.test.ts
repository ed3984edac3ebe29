/**
 * The model as the package exports it (`listExecutors`, its ModelError's `type`): the emulator runs the
 * stages through listExecutorsWith and answers the body, so the catalogue never sees these. Written to
 * kill the mutants of `npm run mutation` that survive there; part of the normal suite too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePositions, internalServerException, listExecutors, orderedView, resourceNotFoundException, type Position } from '../../src/model/index.js';
import { LIST_EXECUTORS } from '../../src/profiles/index.js';

const store = new Map([['s', [{ ExecutorId: 'a', StartDateTime: 1 }]]]);

describe('listExecutors, the exported model', () => {
  it('answers a page, and errors whose type is the body\'s __type', () => {
    expect(listExecutors(store, { SessionId: 's' })).toEqual({ ok: true, output: { SessionId: 's', ExecutorsSummary: [{ ExecutorId: 'a', StartDateTime: 1 }] } });
    for (const [input, type] of [[[], 'SerializationException'], [{ SessionId: '' }, 'InvalidRequestException'], [{ SessionId: 'x' }, 'ResourceNotFoundException']] as const) {
      const r = listExecutors(store, input);
      expect(r.ok ? undefined : [r.error.type, r.error.body.__type]).toEqual([type, type]);
    }
    const unknown = listExecutors(store, { SessionId: 'gone' });
    expect(unknown.ok ? undefined : unknown.error.body.ResourceName).toBe('gone');
    expect(internalServerException('boom')).toEqual({ status: 500, type: 'InternalServerException', body: { __type: 'InternalServerException', Message: 'boom' } });
  });

  it('cuts a ResourceName to the API model\'s 1011 characters', () => {
    // Only a fault override that skips validation lets an id this long reach the lookup.
    expect(resourceNotFoundException(LIST_EXECUTORS, 'x'.repeat(2000)).body.ResourceName).toBe('x'.repeat(1011));
  });

  it('goes on from a token whose last executor has left the filtered view', () => {
    // Executors change state during a live walk: the filter no longer holds what page 1 listed, and
    // the keyset token then points before every executor left, which is the start, not an error.
    const running = new Map([['s', [
      { ExecutorId: 'new', StartDateTime: 2, ExecutorState: 'REGISTERED' as const },
      { ExecutorId: 'old', StartDateTime: 1, ExecutorState: 'REGISTERED' as const },
    ]]]);
    const first = listExecutors(running, { SessionId: 's', ExecutorStateFilter: 'REGISTERED', MaxResults: 1 });
    const token = first.ok ? first.output.NextToken : undefined;
    expect(token).toBeTypeOf('string');
    const ended = new Map([['s', [
      { ExecutorId: 'new', StartDateTime: 2, ExecutorState: 'TERMINATED' as const },
      { ExecutorId: 'old', StartDateTime: 1, ExecutorState: 'REGISTERED' as const },
    ]]]);
    const second = listExecutors(ended, { SessionId: 's', ExecutorStateFilter: 'REGISTERED', MaxResults: 1, NextToken: token });
    expect(second.ok ? second.output.ExecutorsSummary?.map((e) => e.ExecutorId) : second.error.body).toEqual(['old']);
  });

  it('leaves NextToken out of the last page, not present as undefined', () => {
    const last = listExecutors(store, { SessionId: 's' });
    expect(last.ok && Object.keys(last.output)).toEqual(['SessionId', 'ExecutorsSummary']);
  });
});

describe('the order of positions, a total order (what sorting and the keyset search rely on)', () => {
  const position: fc.Arbitrary<Position> = fc.record({
    key: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    digest: fc.constantFrom('a', 'b', 'c'),
  });
  const sign = (n: number): number => Math.sign(n) + 0;

  it('is reflexive and antisymmetric, and never NaN', () => {
    fc.assert(fc.property(position, position, (a, b) => {
      expect(comparePositions(a, { ...a })).toBe(0);
      expect(sign(comparePositions(a, b))).toBe(sign(-comparePositions(b, a)));
      expect(Number.isNaN(comparePositions(a, b))).toBe(false);
    }));
  });

  it('puts newer first, no StartDateTime last, and breaks ties by digest', () => {
    expect(comparePositions({ key: 2, digest: 'z' }, { key: 1, digest: 'a' })).toBeLessThan(0);
    expect(comparePositions({ key: undefined, digest: 'a' }, { key: 0, digest: 'z' })).toBeGreaterThan(0);
    expect(comparePositions({ key: 0, digest: 'z' }, { key: undefined, digest: 'a' })).toBeLessThan(0);
    expect(comparePositions({ key: 1, digest: 'a' }, { key: 1, digest: 'b' })).toBeLessThan(0);
  });

  it('orders a StartDateTime that is not a number (data a store should not hold) as one that is absent', () => {
    const odd = { ExecutorId: 'odd', StartDateTime: '9' as unknown as number };
    expect(orderedView(LIST_EXECUTORS, [odd, { ExecutorId: 'n', StartDateTime: 1 }]).map((e) => [(e.item as typeof odd).ExecutorId, e.key])).toEqual([['n', 1], ['odd', undefined]]);
  });
});
