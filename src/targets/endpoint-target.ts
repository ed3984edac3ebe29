/**
 * A target at any URL: an emulator (ours over HTTP, or anyone's) spoken to through the real SDK.
 */
import { ExchangeFeed, observedClient, type SendPolicy } from './observed-client.js';
import { paced } from './pacing.js';
import { seedingOver } from './seeding.js';
import { DUMMY_CREDENTIALS } from '../wire/credentials.js';
import { httpSend } from './send.js';
import type { Target } from './target.js';

/** Options of {@link endpointTarget}. */
export interface EndpointTargetOptions extends SendPolicy {
  url: string;
  region: string;
  /** Whether the endpoint serves the seeding routes (`--seeded`). */
  seeded: boolean;
  /** Per-request timeout in milliseconds. @defaultValue 10000 */
  timeoutMs?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** A target at `options.url`. */
export function endpointTarget(options: EndpointTargetOptions): Target {
  const feed = new ExchangeFeed();
  const http = httpSend(options.url, { timeoutMs: options.timeoutMs });
  const send = paced(feed.observe(http.send), options.rate);
  const client = observedClient(send, { endpoint: options.url, region: options.region, credentials: options.credentials ?? DUMMY_CREDENTIALS, retry: options.retry });
  return {
    kind: 'endpoint',
    description: options.url,
    endpoint: options.url,
    cliEndpoint: options.url,
    region: options.region,
    client,
    seeding: options.seeded ? seedingOver(send) : undefined,
    onExchange: (l) => feed.subscribe(l),
    async close() {
      client.destroy();
      http.close();
    },
  };
}
