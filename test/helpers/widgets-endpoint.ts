/**
 * A made-up list operation, `ListWidgets`, and an endpoint that serves it, written for the test that
 * a new operation is one profile: the profile and its schemas live here and in ./widgets-profile.ts,
 * not in src/. The endpoint is
 * AWS JSON 1.1 over node:http on 127.0.0.1 (a free port), apart from src/emulator and src/model: a
 * shelf's widgets, newest `Status.AddedDateTime` (epoch seconds with a fraction) first, ties by id,
 * widgets without one last; `StateFilter` on `Status.State`; pages of 10 by default; keyset tokens
 * (the last widget listed) signed with HMAC and bound to shelf and filter; the seeding routes `PUT|DELETE /_contract/shelves/{id}`
 * with `{"widgets": [...]}`. No member echoes the shelf. Correct unless `fault` names a deviation:
 * - `oldest-first`: the order reversed (oldest first, ties by id descending);
 * - `repeat-at-boundary`: every page after the first starts with the last widget of the page before.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { defineProfile, type OperationProfile } from '../../src/profiles/index.js';
import type { JsonSchema } from '../../src/schema/load.js';
import { startServer } from './http-server.js';
import { LIST_WIDGETS_SPEC, WIDGET_SCHEMAS as SHARED, withMembers } from './widgets-profile.js';

const STATES = ['NEW', 'ON_SHELF', 'SOLD', 'RETURNED'] as const;
const TOKEN = { type: 'string', minLength: 0, maxLength: 512 } as const;

/**
 * The schemas of ListWidgets as this endpoint serves them, passed to the profile as objects: the
 * shared ones (./widgets-profile.ts) but where this endpoint's own rules (`check()` below, written
 * apart from the profile) and the new-operation test's shelves differ: four states, tokens of at
 * most 512 characters, widget ids of at most 64, and a widget with a `Color` instead of a `Name` and
 * a `Size`, whose `Status` and state may be absent.
 */
export const WIDGET_SCHEMAS = {
  request: withMembers(SHARED.request, 'list-widgets-request', { NextToken: TOKEN }),
  response: withMembers(SHARED.response, 'list-widgets-response', { NextToken: TOKEN }),
  item: withMembers(
    SHARED.item,
    'widget',
    {
      WidgetId: { type: 'string', minLength: 1, maxLength: 64 },
      Name: undefined,
      Size: undefined,
      Color: { type: 'string', enum: ['RED', 'GREEN', 'BLUE'] },
      Status: { type: 'object', properties: { AddedDateTime: { type: 'number' }, State: { $ref: 'widget-state' } } },
    },
    { required: ['WidgetId'] },
  ),
  refs: [{ ...SHARED.refs[0], enum: [...STATES] }],
} satisfies Record<string, JsonSchema | JsonSchema[]>;

/** ListWidgets as a profile: everything the laws need to know, stated here and nowhere in src/. */
export const LIST_WIDGETS: OperationProfile = defineProfile({ ...LIST_WIDGETS_SPEC, schemas: WIDGET_SCHEMAS });

/** The deviations the endpoint can be started with. */
export type WidgetFault = 'oldest-first' | 'repeat-at-boundary';

/** A running endpoint. */
export interface WidgetsEndpoint {
  url: string;
  /** ListWidgets calls answered, for tests that want to know it was called. */
  calls(): number;
  close(): Promise<void>;
}

type Widget = Record<string, unknown>;
const KEY = 'widgets-endpoint';
const PAGE = 10;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const added = (w: Widget): number | undefined => {
  const t = (w.Status as { AddedDateTime?: unknown } | undefined)?.AddedDateTime;
  return typeof t === 'number' ? t : undefined;
};

/** Newest first, ties by id, widgets without a time last (reversed whole for `oldest-first`). */
function compare(a: Widget, b: Widget): number {
  const [x, y] = [added(a), added(b)];
  if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : y - x;
  return String(a.WidgetId) < String(b.WidgetId) ? -1 : String(a.WidgetId) > String(b.WidgetId) ? 1 : 0;
}

const mac = (text: string) => createHmac('sha256', KEY).update(text).digest('base64url');

/** A keyset token: the shelf and filter it is bound to, and the last widget listed (so inserts shift nothing). */
function token(shelf: string, filter: string | undefined, last: Widget): string {
  const payload = Buffer.from(JSON.stringify([shelf, filter ?? null, added(last) ?? null, String(last.WidgetId)])).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

/** The index just after the widget a token names, when it was issued for this shelf and filter. */
function resume(value: string, shelf: string, filter: string | undefined, view: readonly Widget[], order: (a: Widget, b: Widget) => number): number {
  const [payload, sig = ''] = value.split('.');
  const good = Buffer.from(mac(payload));
  if (Buffer.byteLength(sig) !== good.length || !timingSafeEqual(Buffer.from(sig), good)) throw new Refusal(400, 'InvalidRequestException', 'Invalid NextToken');
  const [s, f, time, id] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string | null, number | null, string];
  if (s !== shelf || f !== (filter ?? null)) throw new Refusal(400, 'InvalidRequestException', 'Invalid NextToken: issued for another shelf or filter');
  const last: Widget = { WidgetId: id, Status: time === null ? {} : { AddedDateTime: time } };
  const after = view.findIndex((w) => order(w, last) > 0);
  return after < 0 ? view.length : after;
}

function check(body: unknown): { shelf: string; filter?: string; max: number; next?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal(400, 'SerializationException', 'the body is not a JSON object');
  const b = body as Record<string, unknown>;
  const wrongType = (name: string, type: string) => b[name] !== undefined && b[name] !== null && typeof b[name] !== type;
  if (wrongType('ShelfId', 'string') || wrongType('StateFilter', 'string') || wrongType('NextToken', 'string') || wrongType('MaxResults', 'number')) throw new Refusal(400, 'SerializationException', 'a member has the wrong JSON type');
  const problems: string[] = [];
  const shelf = b.ShelfId as string | undefined;
  if (shelf === undefined || shelf === null) problems.push('ShelfId must not be null');
  else if ([...shelf].length < 1 || [...shelf].length > 64 || !/^[A-Za-z0-9-]+$/.test(shelf)) problems.push('ShelfId fails its constraints');
  const filter = (b.StateFilter ?? undefined) as string | undefined;
  if (filter !== undefined && !(STATES as readonly string[]).includes(filter)) problems.push('StateFilter is not a state');
  const max = (b.MaxResults ?? undefined) as number | undefined;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 50)) problems.push('MaxResults must be 1..50');
  const next = (b.NextToken ?? undefined) as string | undefined;
  if (next !== undefined && [...next].length > 512) problems.push('NextToken is too long');
  if (problems.length) throw new Refusal(400, 'InvalidRequestException', problems.join('; '));
  return { shelf: shelf as string, filter, max: max ?? PAGE, next: next === '' ? undefined : next };
}

function list(shelves: Map<string, Widget[]>, body: unknown, fault: WidgetFault | undefined): unknown {
  const { shelf, filter, max, next } = check(body);
  const widgets = shelves.get(shelf);
  if (!widgets) throw new Refusal(400, 'ResourceNotFoundException', `Shelf ${shelf} not found`);
  const order = fault === 'oldest-first' ? (a: Widget, b: Widget) => compare(b, a) : compare;
  const view = widgets.filter((w) => filter === undefined || (w.Status as { State?: unknown } | undefined)?.State === filter).sort(order);
  const from = next === undefined ? 0 : resume(next, shelf, filter, view, order);
  const start = fault === 'repeat-at-boundary' && from > 0 ? from - 1 : from;
  const page = view.slice(start, from + max);
  return from + max < view.length ? { Widgets: page, NextToken: token(shelf, filter, view[from + max - 1]) } : { Widgets: page };
}

function answer(res: http.ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function seed(shelves: Map<string, Widget[]>, req: http.IncomingMessage, text: string): number {
  const id = decodeURIComponent((req.url ?? '').slice('/_contract/shelves/'.length));
  if (req.method === 'DELETE') {
    shelves.delete(id);
    return 204;
  }
  const body = JSON.parse(text) as { widgets?: Widget[] };
  shelves.set(id, body.widgets ?? []);
  return 204;
}

/** Starts the endpoint; `shelves` are held from the start (observational runs read them). */
export async function startWidgetsEndpoint(options: { fault?: WidgetFault; shelves?: Record<string, Widget[]> } = {}): Promise<WidgetsEndpoint> {
  const shelves = new Map(Object.entries(options.shelves ?? {}).map(([k, v]) => [k, [...v]]));
  let calls = 0;
  const { url, close } = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      if ((req.url ?? '').startsWith('/_contract/shelves/')) return answer(res, seed(shelves, req, text));
      if (req.headers['x-amz-target'] !== LIST_WIDGETS.amzTarget) return answer(res, 400, { __type: 'UnknownOperationException', Message: `unknown operation ${String(req.headers['x-amz-target'])}` });
      calls++;
      try {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new Refusal(400, 'SerializationException', 'the body is not JSON');
        }
        answer(res, 200, list(shelves, body, options.fault));
      } catch (e) {
        if (!(e instanceof Refusal)) return answer(res, 500, { __type: 'InternalServerException', Message: String(e) });
        answer(res, e.status, { __type: e.code, Message: e.message });
      }
    });
  });
  return {
    url,
    calls: () => calls,
    close,
  };
}
