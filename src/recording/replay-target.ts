/**
 * A recording as a target: the real SDK client sends over node:https as it would to the recorded
 * endpoint, and nock answers every request, to any host, from the cassettes. Nothing reaches the
 * network; a request the cassettes cannot answer fails, and the book remembers it.
 */
import { interceptWire } from '../wire/nock-interception.js';
import type { CassetteHeader } from './cassette.js';
import type { ReplayBook } from './replay-book.js';
import { DUMMY_CREDENTIALS } from '../wire/credentials.js';
import { ExchangeFeed, observedClient } from '../targets/observed-client.js';
import { seedingOver } from '../targets/seeding.js';
import { httpSend, type Send } from '../targets/send.js';
import { currentScope, type ExchangeScope } from '../targets/exchange-scope.js';
import type { Target } from '../targets/target.js';

/** The header that carries a request's run to the interceptor (the book's key ignores it; no cassette holds it). */
const SCOPE_HEADER = 'x-athena-contract-run';

/**
 * `send` with each request tagged with the run that made it: nock answers from callbacks whose async
 * context need not be the caller's (a reused socket's), so the run travels with the request.
 */
function tagged(send: Send, scopes: Map<string, ExchangeScope | undefined>): Send {
  let next = 0;
  return async (request) => {
    const id = String(++next);
    scopes.set(id, currentScope());
    try {
      return await send({ ...request, headers: { ...request.headers, [SCOPE_HEADER]: id } });
    } finally {
      scopes.delete(id);
    }
  };
}

/** The replay of `book`, recorded with `header`, as a target; `close()` removes its interceptors. */
export function replayTarget(book: ReplayBook, header: CassetteHeader, dir: string): Target {
  const scopes = new Map<string, ExchangeScope | undefined>();
  // Every host: the replay must never let a request through, whatever URL the client builds.
  const interception = interceptWire(/.*/, (wire) => {
    const { [SCOPE_HEADER]: id, ...headers } = wire.headers;
    const recorded = book.answer({ ...wire, headers }, scopes.get(id ?? ''));
    if (!recorded) throw new Error(`replay: no recorded exchange matches ${wire.method} ${wire.path}`);
    if (!recorded.response) throw new Error(recorded.transportError ?? 'recorded without an answer');
    return recorded.response;
  });
  const feed = new ExchangeFeed();
  const http = httpSend(header.target.endpoint);
  const send = feed.observe(tagged(http.send, scopes));
  // A recording replays its throttled answers as recorded: waiting between them would only slow the replay.
  const client = observedClient(send, { endpoint: header.target.endpoint, region: header.region, credentials: DUMMY_CREDENTIALS, retry: { baseDelayMs: 0 } });
  return {
    kind: 'replay',
    description: `replay of ${dir} (recorded from ${header.target.description} on ${header.recordedAt.slice(0, 10)})`,
    endpoint: header.target.endpoint,
    cliEndpoint: header.target.endpoint,
    region: header.region,
    client,
    seeding: header.mode === 'seeded' ? seedingOver(send) : undefined,
    onExchange: (l) => feed.subscribe(l),
    async close() {
      client.destroy();
      http.close();
      interception.restore();
    },
  };
}
