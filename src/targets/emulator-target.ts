/**
 * The built-in emulator in process: the SDK's requests go straight to the emulator's request handler,
 * with no socket, so the harness's own runs do not pay for loopback HTTP.
 */
import { createEmulator, type FaultName } from '../emulator/index.js';
import { ExchangeFeed, observedClient, type SendPolicy } from './observed-client.js';
import { paced } from './pacing.js';
import { seedingOver } from './seeding.js';
import type { Send } from './send.js';
import type { Target } from './target.js';
import { DUMMY_CREDENTIALS } from '../wire/credentials.js';

/** Where `athena-contract serve` listens by default (LocalStack's port, so existing endpoint settings work). */
export const DEFAULT_SERVE_HOST = '127.0.0.1';
/** The port half of {@link DEFAULT_SERVE_HOST}. */
export const DEFAULT_SERVE_PORT = 4566;

/** Options of {@link emulatorTarget}. */
export interface EmulatorTargetOptions extends SendPolicy {
  region: string;
  /** Deviations to inject (self-tests of the properties). @defaultValue [] */
  faults?: readonly FaultName[];
}

/** The built-in emulator as a seeded target. */
export function emulatorTarget(options: EmulatorTargetOptions): Target {
  const core = createEmulator({ faults: [...(options.faults ?? [])] });
  const feed = new ExchangeFeed();
  const send: Send = paced(feed.observe(async (request) => core.handle(request)), options.rate);
  const endpoint = `https://athena.${options.region}.amazonaws.com`;
  const client = observedClient(send, { endpoint, region: options.region, credentials: DUMMY_CREDENTIALS, retry: options.retry });
  const faults = options.faults?.length ? ` with faults ${options.faults.join(', ')}` : '';
  return {
    kind: 'emulator',
    description: `built-in emulator (in process)${faults}`,
    endpoint,
    // The in-process emulator has no address: `athena-contract serve` answers the same requests there.
    cliEndpoint: `http://${DEFAULT_SERVE_HOST}:${DEFAULT_SERVE_PORT}`,
    cliServe: ['npx athena-contract serve --port', String(DEFAULT_SERVE_PORT), ...(options.faults ?? []).map((f) => `--fault ${f}`)].join(' '),
    region: options.region,
    client,
    seeding: seedingOver(send),
    onExchange: (l) => feed.subscribe(l),
    async close() {
      client.destroy();
    },
  };
}
