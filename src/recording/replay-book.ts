/**
 * The replay's book of recorded exchanges: it answers each request the harness makes with the first
 * unused recorded exchange of the property whose run made it (the exchange scope; runs in flight at
 * once are told apart by it, not by arrival order) that has the same redacted method, path,
 * X-Amz-Target and body (never the SDK's per-call headers), and remembers what it could not match and
 * what was never asked for. A law id checked on several operations has a cassette per operation: a
 * request of its runs is answered from any of them (their requests differ by X-Amz-Target, seeding
 * route or body), and what is left unused is told per cassette.
 */
import type { Exchange, WireRequest } from '../wire/exchange.js';
import { cassetteKey, cassettePath, operationOf, type Recording } from './cassette.js';
import type { Redactor } from '../wire/redact.js';
import { currentScope, type ExchangeScope } from '../targets/exchange-scope.js';

/** What identifies a request across runs: the redacted method, path, target and body. */
export function requestKey(request: WireRequest): string {
  return `${request.method} ${request.path} ${request.headers['x-amz-target'] ?? ''}\n${request.body}`;
}

/** A request in one line: method, path, target and the first 120 characters of the body. */
export function describeRequest(request: WireRequest): string {
  const target = request.headers['x-amz-target'] ? ` ${request.headers['x-amz-target']}` : '';
  return `${request.method} ${request.path}${target} ${request.body.slice(0, 120)}${request.body.length > 120 ? '…' : ''}`;
}

/** Up to 40 characters of `text` from a little before `at`, marked where cut. */
function snippet(text: string, at: number): string {
  const start = Math.max(0, at - 10);
  const cut = text.slice(start, start + 40);
  return JSON.stringify(`${start > 0 ? '…' : ''}${cut}${start + 40 < text.length ? '…' : ''}`);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

interface Entry {
  exchange: Exchange;
  key: string;
  used: boolean;
  /** The cassette it came from, as a report names its property (`ListSessions/data.faithful`). */
  cassette: string;
}

/** Recorded exchanges that no replayed request asked for, per cassette. */
export interface UnusedExchanges {
  /** The property's id, `Operation/id` for an operation other than ListExecutors. */
  property: string;
  count: number;
  /** The first of them, in one line. */
  first: string;
}

/** Serves one recording's exchanges to a replay. */
export class ReplayBook {
  readonly #entries = new Map<string, Entry[]>();
  /** The cassette files of each property, for messages. */
  readonly #files = new Map<string, string[]>();
  readonly #redactor: Redactor;
  #current: string | undefined;
  readonly #requests = new Map<string, number>();
  readonly #mismatches: { line: string; scope?: ExchangeScope }[] = [];

  /** The first request that matched no recorded exchange, in one line; undefined while all matched (a run that did not count aside). */
  get mismatch(): string | undefined {
    return this.#mismatches.find((m) => !m.scope?.discarded)?.line;
  }

  constructor(recording: Recording, redactor: Redactor) {
    this.#redactor = redactor;
    for (const c of recording.cassettes) {
      const cassette = cassetteKey(operationOf(c.header), c.header.property);
      const entries = c.exchanges.map((exchange) => ({ exchange, key: requestKey(exchange.request), used: false, cassette }));
      this.#entries.set(c.header.property, [...(this.#entries.get(c.header.property) ?? []), ...entries]);
      this.#files.set(c.header.property, [...(this.#files.get(c.header.property) ?? []), cassettePath(c.header)]);
    }
  }


  /** The property whose exchanges later requests are matched against. */
  begin(property: string): void {
    this.#current = property;
  }

  /** The recorded exchange that answers `request` (made in the run of `scope`), or undefined (and the mismatch remembered). */
  answer(request: WireRequest, scope = currentScope()): Exchange | undefined {
    const property = scope?.property ?? this.#current ?? '(no property running)';
    const entries = this.#entries.get(property) ?? [];
    const sent = this.#redactor.request(request);
    const key = requestKey(sent);
    const index = (this.#requests.get(property) ?? 0) + 1;
    this.#requests.set(property, index);
    const found = entries.find((e) => !e.used && e.key === key);
    if (found) {
      found.used = true;
      return found.exchange;
    }
    this.#mismatches.push({ line: this.#describeMismatch(property, index, sent, entries), scope });
    return undefined;
  }

  #describeMismatch(property: string, index: number, sent: WireRequest, entries: readonly Entry[]): string {
    const head = `cassette ${(this.#files.get(property) ?? [`${property}.json`]).join(', ')} no longer matches the harness's requests: request #${index} of ${property}, ${describeRequest(sent)}, has no recorded twin`;
    const pool = entries.some((e) => !e.used) ? entries.filter((e) => !e.used) : entries;
    if (!pool.length) return `${head}; the cassette holds no exchanges for it`;
    const score = (e: Entry): number => {
      const r = e.exchange.request;
      const sameRoute = r.method === sent.method && r.path === sent.path && r.headers['x-amz-target'] === sent.headers['x-amz-target'];
      return (sameRoute ? 1e9 : 0) + commonPrefix(r.body, sent.body) + commonSuffix(r.body, sent.body);
    };
    const nearest = pool.reduce((best, e) => (score(e) > score(best) ? e : best));
    const r = nearest.exchange.request;
    const at = commonPrefix(r.body, sent.body);
    const route = `${r.method} ${r.path}${r.headers['x-amz-target'] ? ` ${r.headers['x-amz-target']}` : ''}`;
    const where = r.body === sent.body ? 'same body, different route' : `bodies differ at offset ${at}: recorded ${snippet(r.body, at)} vs sent ${snippet(sent.body, at)}`;
    return `${head}; nearest recorded is #${entries.indexOf(nearest) + 1}, ${route} (${where})`;
  }

  /** Recorded exchanges that no request asked for, per property. */
  unused(): UnusedExchanges[] {
    const byCassette = new Map<string, Entry[]>();
    for (const entry of [...this.#entries.values()].flat()) if (!entry.used) byCassette.set(entry.cassette, [...(byCassette.get(entry.cassette) ?? []), entry]);
    return [...byCassette].map(([property, left]) => ({ property, count: left.length, first: describeRequest(left[0].exchange.request) }));
  }

  /** How many recorded exchanges there are and how many were served. */
  counts(): { recorded: number; served: number } {
    const all = [...this.#entries.values()].flat();
    return { recorded: all.length, served: all.filter((e) => e.used).length };
  }
}
