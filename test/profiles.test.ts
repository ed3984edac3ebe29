/**
 * Operation profiles: the facts a profile reads out of its schemas are the schemas' own, and a profile
 * that names a member its schemas lack fails when it is defined, naming the field and the member.
 */
import { describe, expect, it } from 'vitest';
import { LIST_EXECUTORS, defineProfile, itemId, itemsOf, listRequest, orderKeyOf, partsOf, seedPath, stateOf, validateFor, type ProfileSpec } from '../src/profiles/index.js';
import { REQUEST_CONSTRAINTS } from '../src/generated/constraints.js';

describe('the ListExecutors profile', () => {
  it('reads the request members, the states and the bounds from the schemas, as the generated table has them', () => {
    expect(LIST_EXECUTORS.request).toEqual(REQUEST_CONSTRAINTS);
    expect(LIST_EXECUTORS.states).toEqual(REQUEST_CONSTRAINTS.ExecutorStateFilter.enum);
    expect(LIST_EXECUTORS.pageBounds).toEqual({ min: 1, max: 100 });
    expect(LIST_EXECUTORS.tokenMax).toBe(2048);
    expect(LIST_EXECUTORS.itemRequired).toEqual(['ExecutorId']);
  });

  it('reads items, ids, ordering keys and states through its paths', () => {
    const body = { SessionId: 's', ExecutorsSummary: [{ ExecutorId: 'a', StartDateTime: 5, ExecutorState: 'CREATED' }, 'not an object', { ExecutorId: 7 }] };
    const items = itemsOf(LIST_EXECUTORS, body);
    expect(items).toHaveLength(2);
    expect(items.map((i) => itemId(LIST_EXECUTORS, i))).toEqual(['a', '7']);
    expect(items.map((i) => orderKeyOf(LIST_EXECUTORS, i))).toEqual([5, undefined]);
    expect(items.map((i) => stateOf(LIST_EXECUTORS, i))).toEqual(['CREATED', undefined]);
    expect(itemsOf(LIST_EXECUTORS, { SessionId: 's' })).toEqual([]);
  });

  it('builds requests from their parts and back, in the documented member order', () => {
    const body = listRequest(LIST_EXECUTORS, { parent: 's', state: 'FAILED', pageSize: 3, token: 't' });
    expect(Object.keys(body)).toEqual(['SessionId', 'ExecutorStateFilter', 'MaxResults', 'NextToken']);
    expect(partsOf(LIST_EXECUTORS, body)).toEqual({ parent: 's', state: 'FAILED', pageSize: 3, token: 't' });
    expect(listRequest(LIST_EXECUTORS, { parent: 's' })).toEqual({ SessionId: 's' });
    expect(seedPath(LIST_EXECUTORS, 'a/b c')).toBe('/_contract/sessions/a%2Fb%20c');
  });

  it('validates against its own schemas', () => {
    expect(validateFor(LIST_EXECUTORS, 'response', { SessionId: 's', ExecutorsSummary: [{ ExecutorId: '' }] })).toEqual({ ok: true });
    expect(validateFor(LIST_EXECUTORS, 'response', { ExecutorsSummary: [] })).toEqual({ ok: false, errors: ['SessionId: is required'] });
    expect(validateFor(LIST_EXECUTORS, 'request', { SessionId: 's', MaxResults: 0 })).toEqual({ ok: false, errors: ['MaxResults: must be >= 1'] });
  });
});

describe('defineProfile', () => {
  const spec = (): ProfileSpec => ({ ...LIST_EXECUTORS });
  it.each<[string, (s: ProfileSpec) => ProfileSpec, RegExp]>([
    ['a parent the request lacks', (s) => ({ ...s, parent: { ...s.parent, member: 'ShelfId' } }), /^defineProfile\(ListExecutors\): parent\.member: the request schema has no string or integer member "ShelfId"$/],
    ['a filter that is no enum', (s) => ({ ...s, filter: { ...s.filter, member: 'SessionId' } }), /filter\.member: SessionId must be an enum/],
    ['a page size without bounds', (s) => ({ ...s, pageSize: 'NextToken' }), /pageSize: NextToken must be an integer with a minimum and a maximum/],
    ['an items member the response lacks', (s) => ({ ...s, items: 'Widgets' }), /items: the response schema has no array member "Widgets"/],
    ['an echo the response lacks', (s) => ({ ...s, echo: 'ShelfId' }), /echo: the response schema has no member "ShelfId"/],
    ['an id the item lacks', (s) => ({ ...s, id: 'WidgetId' }), /id: the item schema has no member "WidgetId"/],
    ['an ordering key the item lacks', (s) => ({ ...s, orderKey: { path: ['Status', 'StartDateTime'], unit: 'epoch-seconds' } }), /orderKey\.path: the item schema has nothing at Status\.StartDateTime/],
    ['a state path the item lacks', (s) => ({ ...s, filter: { ...s.filter, itemPath: ['State'] } }), /filter\.itemPath: the item schema has nothing at State/],
  ])('refuses %s, naming the field', (_what, change, message) => {
    expect(() => defineProfile(change(spec()))).toThrow(message);
  });

  it('reads a nested ordering key through a $ref, and a pattern of the parent', () => {
    const status = { $id: 'status.json', type: 'object', properties: { AddedDateTime: { type: 'number' }, State: { enum: ['NEW', 'OLD'] } } } as const;
    const profile = defineProfile({
      ...spec(),
      operation: 'ListWidgets',
      schemas: {
        request: { type: 'object', required: ['ShelfId'], properties: { ShelfId: { type: 'string', pattern: '^[a-z]{1,8}$', minLength: 1, maxLength: 8 }, StateFilter: { type: 'string', enum: ['NEW', 'OLD'] }, MaxResults: { type: 'integer', minimum: 1, maximum: 10 }, NextToken: { type: 'string', maxLength: 64 } } },
        response: { type: 'object', properties: { Widgets: { type: 'array', items: { $ref: 'widget.json' } }, NextToken: { type: 'string' } } },
        item: { $id: 'widget.json', type: 'object', properties: { WidgetId: { type: 'string' }, Status: { $ref: 'status.json' } } },
        refs: [status],
      },
      parent: { member: 'ShelfId', noun: 'shelf', route: 'shelves', seedMember: 'widgets' },
      items: 'Widgets',
      id: 'WidgetId',
      orderKey: { path: ['Status', 'AddedDateTime'], unit: 'epoch-seconds' },
      filter: { member: 'StateFilter', itemPath: ['Status', 'State'] },
      echo: undefined,
    });
    expect(profile.parentFacts).toEqual({ type: 'string', required: true, minLength: 1, maxLength: 8, pattern: '^[a-z]{1,8}$' });
    expect(profile.states).toEqual(['NEW', 'OLD']);
    expect(profile.pageBounds).toEqual({ min: 1, max: 10 });
    expect(orderKeyOf(profile, { Status: { AddedDateTime: 1.5 } })).toBe(1.5);
    expect(stateOf(profile, { Status: { State: 'OLD' } })).toBe('OLD');
    expect(validateFor(profile, 'response', { Widgets: [{ WidgetId: 'w', Status: { State: 'GONE' } }] })).toMatchObject({ ok: false });
  });
});
