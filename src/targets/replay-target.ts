/**
 * A recording as a target: the real SDK client sends over node:https as it would to the recorded
 * endpoint, and nock answers every request, to any host, from the cassettes. Nothing reaches the
 * network; a request the cassettes cannot answer fails, and the book remembers it.
 */
import { loadNock } from './lazy-nock.js';
import type { CassetteHeader } from '../recording/cassette.js';
import type { ReplayBook } from '../recording/replay-book.js';
import { DUMMY_CREDENTIALS } from './endpoint-target.js';
import { normalizeHeaders, type WireRequest } from './exchange.js';
import { ExchangeFeed, observedClient } from './observed-client.js';
import { seedingOver } from './seeding.js';
import { httpSend } from './send.js';
import type { Target } from './target.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/** Framing headers nock sets itself from the body it serves. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** The replay of `book`, recorded with `header`, as a target; `close()` removes its interceptors. */
export function replayTarget(book: ReplayBook, header: CassetteHeader, dir: string): Target {
  // Every host: the replay must never let a request through, whatever URL the client builds.
  const nock = loadNock();
  const scope = nock(/.*/).persist();
  const interceptors = METHODS.map((method) => {
    const interceptor = scope.intercept(() => true, method);
    interceptor.reply(async (request: Request) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const wire: WireRequest = { method: request.method, path: url.pathname + url.search, headers: normalizeHeaders(headers), body: await request.text() };
      const recorded = book.answer(wire);
      if (!recorded) throw new Error(`replay: no recorded exchange matches ${wire.method} ${wire.path}`);
      if (!recorded.response) throw new Error(recorded.transportError ?? 'recorded without an answer');
      const replyHeaders = Object.fromEntries(Object.entries(recorded.response.headers).filter(([k]) => !FRAMING.has(k)));
      return [recorded.response.status, recorded.response.body, replyHeaders] as const;
    });
    return interceptor;
  });
  const feed = new ExchangeFeed();
  const http = httpSend(header.target.endpoint);
  const send = feed.observe(http.send);
  const client = observedClient(send, { endpoint: header.target.endpoint, region: header.region, credentials: DUMMY_CREDENTIALS });
  return {
    kind: 'replay',
    description: `replay of ${dir} (recorded from ${header.target.description} on ${header.recordedAt.slice(0, 10)})`,
    endpoint: header.target.endpoint,
    region: header.region,
    client,
    seeding: header.mode === 'seeded' ? seedingOver(send) : undefined,
    onExchange: (l) => feed.subscribe(l),
    async close() {
      client.destroy();
      http.close();
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
    },
  };
}
