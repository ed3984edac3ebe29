import { describe, expect, it } from 'vitest';
import type { ExecutorsSummary, ListExecutorsResponse } from '../src/generated/athena.js';
import {
  BAD_TOKEN_MESSAGE,
  DEFAULT_PAGE_SIZE,
  LIST_STAGES,
  listExecutors,
  listItems,
  listWith,
  orderExecutors,
  orderItems,
  type ListResult,
  type ListStages,
  type ModelResult,
  type SessionStore,
} from '../src/model/index.js';
import { LIST_EXECUTORS, defineProfile } from '../src/profiles/index.js';
import { validate } from '../src/schema/validators.js';
import { LIST_WIDGETS_SPEC, WIDGET_SCHEMAS, withMembers } from './helpers/widgets-profile.js';

const ex = (id: string, start?: number, state: ExecutorsSummary['ExecutorState'] = 'REGISTERED'): ExecutorsSummary => ({
  ExecutorId: id,
  ExecutorType: 'WORKER',
  ...(start === undefined ? {} : { StartDateTime: start }),
  ExecutorState: state,
  ExecutorSize: 1,
});

function page(result: ModelResult): ListExecutorsResponse {
  if (!result.ok) throw new Error(`expected a page, got ${JSON.stringify(result.error.body)}`);
  return result.output;
}

function errorOf(result: ModelResult): { status: number; type: string; body: Record<string, unknown> } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.output)}`);
  return result.error;
}

/** Follows NextToken to the end (bounded) and returns every executor id in order. */
function walk(store: SessionStore, request: Record<string, unknown>): string[] {
  const ids: string[] = [];
  let token: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const out = page(listExecutors(store, { ...request, ...(token ? { NextToken: token } : {}) }));
    ids.push(...(out.ExecutorsSummary ?? []).map((e) => e.ExecutorId));
    token = out.NextToken;
    if (!token) return ids;
  }
  throw new Error('walk did not end in 1000 pages');
}

const population = [ex('a', 10), ex('b', 30), ex('c', 20), ex('d'), ex('e', 30), ex('f', 20, 'TERMINATED'), ex('g', 5, 'TERMINATED')];
const store: SessionStore = new Map([['s1', population], ['s2', [ex('x', 1), ex('y', 2), ex('z', 3)]]]);

describe('reference model: ordering', () => {
  it('lists newest StartDateTime first and executors without one last', () => {
    const order = orderExecutors(population);
    const starts = order.map((e) => e.StartDateTime ?? -Infinity);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(order[order.length - 1].ExecutorId).toBe('d');
  });

  it('breaks StartDateTime ties by a stable key, whatever the input order', () => {
    const forward = orderExecutors(population).map((e) => e.ExecutorId);
    const backward = orderExecutors([...population].reverse()).map((e) => e.ExecutorId);
    expect(backward).toEqual(forward);
  });

  it('pages through exactly the total order, whatever the page size', () => {
    const all = orderExecutors(population).map((e) => e.ExecutorId);
    for (const size of [1, 2, 3, 7, 100]) expect(walk(store, { SessionId: 's1', MaxResults: size })).toEqual(all);
  });
});

describe('reference model: pages', () => {
  it('applies the filter before paging', () => {
    expect(walk(store, { SessionId: 's1', MaxResults: 1, ExecutorStateFilter: 'TERMINATED' })).toEqual(['f', 'g']);
    const first = page(listExecutors(store, { SessionId: 's1', MaxResults: 1, ExecutorStateFilter: 'TERMINATED' }));
    expect(first.ExecutorsSummary?.map((e) => e.ExecutorId)).toEqual(['f']);
  });

  it('treats MaxResults as a maximum and uses DEFAULT_PAGE_SIZE when absent', () => {
    const many = Array.from({ length: DEFAULT_PAGE_SIZE + 3 }, (_, i) => ex(`e${i}`, i));
    const big: SessionStore = new Map([['s', many]]);
    expect(page(listExecutors(big, { SessionId: 's' })).ExecutorsSummary).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(page(listExecutors(big, { SessionId: 's', MaxResults: 100 })).ExecutorsSummary).toHaveLength(DEFAULT_PAGE_SIZE + 3);
  });

  it('emits no NextToken on the last page, even when it is exactly full', () => {
    const out = page(listExecutors(store, { SessionId: 's2', MaxResults: 3 }));
    expect(out.ExecutorsSummary).toHaveLength(3);
    expect(out.NextToken).toBeUndefined();
  });

  it('answers a schema-valid response that echoes the SessionId', () => {
    const out = page(listExecutors(store, { SessionId: 's1', MaxResults: 2 }));
    expect(validate('list-executors-response.schema.json', out)).toEqual({ ok: true });
    expect(out.SessionId).toBe('s1');
  });

  it('reads an empty NextToken as the start of the walk', () => {
    expect(page(listExecutors(store, { SessionId: 's1', NextToken: '' }))).toEqual(page(listExecutors(store, { SessionId: 's1' })));
  });

  it('ignores unknown members', () => {
    expect(page(listExecutors(store, { SessionId: 's2', Extra: { a: 1 } })).ExecutorsSummary).toHaveLength(3);
  });
});

describe('reference model: tokens', () => {
  const token = page(listExecutors(store, { SessionId: 's1', MaxResults: 2 })).NextToken as string;

  it('binds a token to its session', () => {
    const e = errorOf(listExecutors(store, { SessionId: 's2', NextToken: token }));
    expect([e.status, e.type, e.body.AthenaErrorCode]).toEqual([400, 'InvalidRequestException', 'INVALID_INPUT']);
  });

  it('binds a token to its filter', () => {
    expect(errorOf(listExecutors(store, { SessionId: 's1', NextToken: token, ExecutorStateFilter: 'TERMINATED' })).type).toBe('InvalidRequestException');
  });

  it('rejects tampered, forged and garbage tokens', () => {
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    const forged = `${Buffer.from('k1::' + 'A'.repeat(43)).toString('base64url')}.${'A'.repeat(43)}`;
    for (const bad of [flipped, forged, 'garbage', '.', token + 'x', `${token}.x`]) {
      expect(errorOf(listExecutors(store, { SessionId: 's1', NextToken: bad })).type).toBe('InvalidRequestException');
    }
  });

  it('keeps tokens at most 2048 characters with 100,000-character ExecutorIds', () => {
    const huge: SessionStore = new Map([['s', Array.from({ length: 4 }, (_, i) => ex(String(i).repeat(100_000), 1))]]);
    const out = page(listExecutors(huge, { SessionId: 's', MaxResults: 1 }));
    expect(out.NextToken?.length).toBeLessThanOrEqual(2048);
    expect(out.NextToken?.length).toBeGreaterThan(0);
  });

  it('loses nothing and repeats nothing when newer executors arrive during a walk', () => {
    const before = [ex('p', 50), ex('q', 40), ex('r', 40), ex('s', 30), ex('t')];
    let live: SessionStore = new Map([['s', before]]);
    const seen: string[] = [];
    let token: string | undefined;
    let n = 0;
    do {
      const out = page(listExecutors(live, { SessionId: 's', MaxResults: 2, ...(token ? { NextToken: token } : {}) }));
      seen.push(...(out.ExecutorsSummary ?? []).map((e) => e.ExecutorId));
      token = out.NextToken;
      live = new Map([['s', [...(live.get('s') ?? []), ex(`new${n++}`, 60 + n)]]]);
    } while (token && n < 50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5).sort()).toEqual(['p', 'q', 'r', 's', 't']);
  });
});

describe('reference model: validation order', () => {
  it('answers SerializationException for a body that is not an object', () => {
    for (const body of [null, [], 'x', 3, true]) expect(errorOf(listExecutors(store, body)).type).toBe('SerializationException');
  });

  it('answers SerializationException for a member of the wrong JSON type before any constraint', () => {
    for (const body of [{ SessionId: 5 }, { SessionId: 's1', MaxResults: '5' }, { SessionId: 's1', MaxResults: 1.5 }, { SessionId: 'x'.repeat(300), NextToken: 3 }, { SessionId: 's1', ExecutorStateFilter: [] }]) {
      const e = errorOf(listExecutors(store, body));
      expect([e.status, e.type, e.body.__type]).toEqual([400, 'SerializationException', 'SerializationException']);
    }
  });

  it('answers InvalidRequestException naming the member for each broken constraint', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, "Value null at 'sessionId' failed to satisfy constraint: Member must not be null"],
      [{ SessionId: '' }, "at 'sessionId' failed to satisfy constraint: Member must have length greater than or equal to 1"],
      [{ SessionId: 'x'.repeat(257) }, "at 'sessionId' failed to satisfy constraint: Member must have length less than or equal to 256"],
      [{ SessionId: 's1', MaxResults: 0 }, "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
      [{ SessionId: 's1', MaxResults: 101 }, "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"],
      [{ SessionId: 's1', ExecutorStateFilter: 'RUNNING' }, "at 'executorStateFilter' failed to satisfy constraint: Member must satisfy enum value set"],
      [{ SessionId: 's1', NextToken: 't'.repeat(2049) }, "at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 2048"],
    ];
    for (const [body, message] of cases) {
      const e = errorOf(listExecutors(store, body));
      expect([e.status, e.type, e.body.AthenaErrorCode]).toEqual([400, 'InvalidRequestException', 'INVALID_INPUT']);
      expect(e.body.Message).toContain(message);
      expect(validate('invalid-request-exception.schema.json', e.body)).toEqual({ ok: true });
    }
  });

  it('checks constraints before the session exists', () => {
    expect(errorOf(listExecutors(store, { SessionId: 'nope', MaxResults: 0 })).type).toBe('InvalidRequestException');
  });

  it('answers ResourceNotFoundException naming an unknown session', () => {
    const e = errorOf(listExecutors(store, { SessionId: 'nope', NextToken: 'garbage' }));
    expect([e.status, e.type, e.body.ResourceName]).toEqual([400, 'ResourceNotFoundException', 'nope']);
    expect(validate('resource-not-found-exception.schema.json', e.body)).toEqual({ ok: true });
  });
});

describe('reference model: named stages', () => {
  const requests: unknown[] = [
    { SessionId: 's1', MaxResults: 1 },
    { SessionId: 's1', ExecutorStateFilter: 'TERMINATED', MaxResults: 1 },
    { SessionId: 's2' },
    { SessionId: 'nope' },
    { SessionId: 's1', NextToken: 'garbage' },
    { SessionId: '', MaxResults: 0 },
    [],
  ];

  it('listWith over LIST_STAGES and the ListExecutors profile answers exactly as listExecutors, tokens included', () => {
    for (const request of requests) expect(listWith(LIST_EXECUTORS, LIST_STAGES, store, request, {}, undefined)).toEqual(listExecutors(store, request));
    const token = page(listExecutors(store, { SessionId: 's1', MaxResults: 1 })).NextToken;
    const next = { SessionId: 's1', MaxResults: 1, NextToken: token };
    expect(listWith(LIST_EXECUTORS, LIST_STAGES, store, next, {}, undefined)).toEqual(listExecutors(store, next));
  });

  it('a wrapped stage changes only its own part, and reads the context its caller hands it', () => {
    const stages: ListStages<{ suffix: string }> = { ...LIST_STAGES, output: (profile, id, executors, next, ctx) => LIST_STAGES.output(profile, `${id}${ctx.suffix}`, executors, next) };
    const plain = page(listExecutors(store, { SessionId: 's1', MaxResults: 2 }));
    const wrapped = listWith(LIST_EXECUTORS, stages, store, { SessionId: 's1', MaxResults: 2 }, {}, { suffix: '-x' });
    expect(wrapped).toEqual({ ok: true, output: { ...plain, SessionId: 's1-x' } });
    const withContext: ListStages<{ suffix: string }> = { ...LIST_STAGES, binding: (_profile, request, ctx) => `${request.parent}${ctx.suffix}` };
    const token = (ctx: { suffix: string }) => listWith(LIST_EXECUTORS, withContext, store, { SessionId: 's1', MaxResults: 1 }, {}, ctx);
    const a = token({ suffix: 'a' });
    const b = token({ suffix: 'b' });
    expect(a.ok && b.ok && a.output.NextToken !== b.output.NextToken).toBe(true);
  });
});

/**
 * A made-up list operation, as a profile: a shelf's widgets, newest `Status.AddedDateTime` (epoch
 * seconds, with fractions) first, filtered on `Status.State`, a shelf id with a pattern, no echo of the
 * shelf, no operation that makes a shelf. The model reads all of it from the profile.
 */
describe('reference model: any list operation, read through its profile', () => {
  // The shared ListWidgets (test/helpers/widgets-profile.ts), changed where a model that assumed
  // ListExecutors' names or the shared bounds would show, and where the messages below quote the
  // schema: paging by `PageSize` (1..20) and `Cursor`, a shelf id with its own pattern, a `Label`
  // read with a Unicode pattern, two states (NEW, SOLD).
  const WIDGETS = defineProfile({
    ...LIST_WIDGETS_SPEC,
    pageSize: 'PageSize',
    token: 'Cursor',
    schemas: {
      request: withMembers(WIDGET_SCHEMAS.request, 'list-widgets-request', {
        ShelfId: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[a-zA-Z0-9._-]{1,128}$' },
        MaxResults: undefined,
        NextToken: undefined,
        PageSize: { type: 'integer', minimum: 1, maximum: 20 },
        Cursor: { type: 'string', minLength: 0, maxLength: 2048 },
        Label: { type: 'string', pattern: '^\\p{L}{1,3}$' },
      }),
      response: withMembers(WIDGET_SCHEMAS.response, 'list-widgets-response', { NextToken: undefined, Cursor: { type: 'string' } }),
      item: WIDGET_SCHEMAS.item,
      refs: [{ ...WIDGET_SCHEMAS.refs[0], enum: ['NEW', 'SOLD'] }],
    },
  });
  const widget = (id: string, added?: number, state = 'NEW') => ({ WidgetId: id, Status: { ...(added === undefined ? {} : { AddedDateTime: added }), State: state } });
  const shelf = [widget('w1', 1.5), widget('w2', 1.25, 'SOLD'), widget('w3'), widget('w4', 1.75), widget('w5', 1.5, 'SOLD')];
  const shelves = new Map([['shelf-1', shelf]]);
  const list = (input: unknown) => listItems(WIDGETS, shelves, input);
  const ok = (r: ListResult): Record<string, unknown> => {
    if (!r.ok) throw new Error(`expected a page, got ${JSON.stringify(r.error.body)}`);
    return r.output;
  };
  const idsOf = (out: Record<string, unknown>): unknown[] => (out.Widgets as { WidgetId: string }[]).map((w) => w.WidgetId);
  function walkAll(request: Record<string, unknown>): unknown[] {
    const seen: unknown[] = [];
    let cursor: unknown;
    for (let i = 0; i < 20; i++) {
      const out = ok(list({ ...request, ...(cursor === undefined ? {} : { Cursor: cursor }) }));
      seen.push(...idsOf(out));
      cursor = out.Cursor;
      if (cursor === undefined) return seen;
    }
    throw new Error('walk did not end in 20 pages');
  }

  it('lists newest first by the nested ordering key, fractions of seconds included, items without one last', () => {
    const newestFirst = ['w4', ...orderItems(WIDGETS, [widget('w1', 1.5), widget('w5', 1.5)]).map((w) => w.WidgetId), 'w2', 'w3'];
    expect(idsOf(ok(list({ ShelfId: 'shelf-1' })))).toEqual(newestFirst);
    for (const size of [1, 2, 3]) expect(walkAll({ ShelfId: 'shelf-1', PageSize: size })).toEqual(newestFirst);
  });

  it('filters on the state at the profile\'s item path, before paging', () => {
    expect(walkAll({ ShelfId: 'shelf-1', StateFilter: 'SOLD', PageSize: 1 })).toEqual(['w5', 'w2']);
  });

  it('answers the members the profile names, in order, with no echo of the parent when it has none', () => {
    const first = ok(list({ ShelfId: 'shelf-1', PageSize: 2 }));
    expect(Object.keys(first)).toEqual(['Widgets', 'Cursor']);
    expect(Object.keys(ok(list({ ShelfId: 'shelf-1' })))).toEqual(['Widgets']);
  });

  it('validates the request from the profile\'s schema: types, required, bounds, enum and pattern', () => {
    const message = (input: unknown): unknown => {
      const r = list(input);
      return r.ok ? undefined : [r.error.type, r.error.body.Message];
    };
    expect(message({ ShelfId: 'shelf 1!' })).toEqual(['InvalidRequestException', "1 validation error detected: Value 'shelf 1!' at 'shelfId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9._-]{1,128}$"]);
    // Patterns read as the schema's validator reads them: Unicode-aware (`\p{L}` is a letter, not "p{L}").
    expect(list({ ShelfId: 'shelf-1', Label: 'éà' }).ok).toBe(true);
    expect(message({ ShelfId: 'shelf-1', Label: 'p{L}' })).toEqual(['InvalidRequestException', "1 validation error detected: Value 'p{L}' at 'label' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\p{L}{1,3}$"]);
    expect(message({ ShelfId: 'shelf-1', PageSize: 21 })).toEqual(['InvalidRequestException', "1 validation error detected: Value '21' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 20"]);
    expect(message({ ShelfId: 'shelf-1', StateFilter: 'GONE' })).toEqual(['InvalidRequestException', "1 validation error detected: Value 'GONE' at 'stateFilter' failed to satisfy constraint: Member must satisfy enum value set: [NEW, SOLD]"]);
    expect(message({})).toEqual(['InvalidRequestException', "1 validation error detected: Value null at 'shelfId' failed to satisfy constraint: Member must not be null"]);
    expect(message({ ShelfId: 'shelf-1', PageSize: '2' })).toEqual(['SerializationException', 'PageSize: expected a JSON number, got a string']);
    expect(message({ ShelfId: 7, SessionId: 'ignored' })).toEqual(['SerializationException', 'ShelfId: expected a JSON string, got a number']);
    expect(message(null)).toEqual(['SerializationException', 'Request body: expected a JSON object, send {"ShelfId": "..."}']);
  });

  it('names an unknown parent in the profile\'s words, and a bad token by the profile\'s members', () => {
    const unknown = list({ ShelfId: 'nope' });
    expect(unknown.ok ? undefined : [unknown.error.type, unknown.error.body.ResourceName, unknown.error.body.Message]).toEqual(['ResourceNotFoundException', 'nope', 'Shelf nope was not found: check the ShelfId']);
    const bad = list({ ShelfId: 'shelf-1', Cursor: 'garbage' });
    expect(bad.ok ? undefined : bad.error.body.Message).toBe('Invalid Cursor: pass back the Cursor of the previous page unchanged, with the same ShelfId and StateFilter');
    const cursor = ok(list({ ShelfId: 'shelf-1', PageSize: 1 })).Cursor;
    expect(list({ ShelfId: 'shelf-1', PageSize: 1, StateFilter: 'NEW', Cursor: cursor }).ok).toBe(false);
  });

  it('words ListExecutors\' own messages as it always has', () => {
    const e = errorOf(listExecutors(store, { SessionId: 'nope' }));
    expect(e.body.Message).toBe('Session nope was not found: start it with StartSession or check the SessionId');
    expect(errorOf(listExecutors(store, { SessionId: 's1', NextToken: 'garbage' })).body.Message).toBe(BAD_TOKEN_MESSAGE);
    expect(BAD_TOKEN_MESSAGE).toBe('Invalid NextToken: pass back the NextToken of the previous page unchanged, with the same SessionId and ExecutorStateFilter');
  });
});
