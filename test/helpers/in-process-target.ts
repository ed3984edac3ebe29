/**
 * A target over an endpoint written in the tests that hands its requests to the endpoint in process,
 * no socket: the real SDK still serializes, signs and parses every exchange (observedClient with a
 * custom request handler), and the endpoint answers each request as it would over HTTP. The harness's
 * walks are thousands of calls, and over loopback HTTP most of a test's time went to the sockets.
 */
import { ExchangeFeed, observedClient } from '../../src/targets/observed-client.js';
import { seedingOver } from '../../src/targets/seeding.js';
import type { Send } from '../../src/targets/send.js';
import type { Target } from '../../src/targets/target.js';
import { DUMMY_CREDENTIALS } from '../../src/wire/credentials.js';

/** An endpoint that answers over HTTP at `url` and, the same answers, in process through `send`. */
export interface InProcessEndpoint {
  url: string;
  send: Send;
}

/**
 * A target that hands its requests to `endpoint.send`, as an endpoint target at `endpoint.url` sends
 * them over HTTP; `seeded`: its seeding routes are spoken through the same `send`, observed alike.
 * The endpoint keeps listening, so the reproducer's `aws --endpoint-url` line still reaches it.
 */
export function inProcessTarget(endpoint: InProcessEndpoint, options: { seeded?: boolean } = {}): Target {
  const feed = new ExchangeFeed();
  const send = feed.observe(endpoint.send);
  const client = observedClient(send, { endpoint: endpoint.url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS });
  return {
    kind: 'endpoint',
    description: endpoint.url,
    endpoint: endpoint.url,
    cliEndpoint: endpoint.url,
    region: 'us-east-1',
    client,
    seeding: options.seeded ? seedingOver(send) : undefined,
    onExchange: (l) => feed.subscribe(l),
    close: async () => client.destroy(),
  };
}
