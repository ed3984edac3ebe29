/**
 * The model as the package exports it (`listExecutors`, its ModelError's `type`): the emulator runs the
 * stages through listExecutorsWith and answers the body, so the catalogue never sees these. Written to
 * kill the mutants of `npm run mutation` that survive there; part of the normal suite too.
 */
import { describe, expect, it } from 'vitest';
import { internalServerException, listExecutors } from '../../src/model/index.js';

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
});
