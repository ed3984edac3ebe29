/**
 * Live AWS (or whatever AWS_ENDPOINT_URL_ATHENA names): clients built the SDK's default way (the
 * default credential chain, the region chain, the endpoint from the environment), with the contract's
 * client observed like every other target's.
 */
import { AthenaClient, ListExecutorsCommand } from '@aws-sdk/client-athena';
import { UsageError, TargetError } from '../common/errors.js';
import { ExchangeFeed, observedClient } from './observed-client.js';
import { httpSend } from './send.js';
import type { Target } from './target.js';

/** Options of {@link liveTarget}. */
export interface LiveTargetOptions {
  /** The region; when absent, the SDK's region chain (AWS_REGION, the config file, ...). */
  region?: string;
  /** Per-request timeout in milliseconds. @defaultValue 10000 */
  timeoutMs?: number;
}

/** A live target, and a plain client (SDK retries on) for the session calls around the run. */
export interface LiveTarget extends Target {
  readonly kind: 'live';
  readonly lifecycle: AthenaClient;
}

/** Thrown by the probe's handler once the SDK has resolved and signed a request. */
class Resolved extends Error {
  constructor(readonly origin: string) {
    super('resolved');
  }
}

/**
 * Where and how the SDK's default configuration sends: resolves region, credentials and endpoint by
 * preparing one request that never leaves the process.
 */
async function resolveDefaults(region: string | undefined): Promise<{ region: string; origin: string }> {
  const probe = new AthenaClient({
    ...(region ? { region } : {}),
    maxAttempts: 1,
    requestHandler: {
      async handle(req: { protocol: string; hostname: string; port?: number }) {
        throw new Resolved(`${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ''}`);
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    } as unknown as AthenaClient['config']['requestHandler'],
  });
  try {
    await probe.send(new ListExecutorsCommand({ SessionId: 'contract-live-probe' }));
    throw new TargetError('--live: the SDK sent its probe request instead of handing it over');
  } catch (e) {
    if (e instanceof Resolved) return { region: await probe.config.region(), origin: e.origin };
    const message = (e as Error).message.split('\n')[0];
    if (/region/i.test(message)) throw new UsageError(`--live: no AWS region configured (${message}); pass --region R or set AWS_REGION`);
    if (/credential/i.test(message)) throw new UsageError(`--live: no AWS credentials (${message}); configure the default credential chain (AWS_PROFILE, environment, SSO or a role)`);
    throw e;
  } finally {
    probe.destroy();
  }
}

/** Builds the live target: the default chains resolved once, the contract's client observed. */
export async function liveTarget(options: LiveTargetOptions = {}): Promise<LiveTarget> {
  const { region, origin } = await resolveDefaults(options.region);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const feed = new ExchangeFeed();
  const http = httpSend(origin, { timeoutMs });
  // No credentials given: the SDK's default chain signs, as it would in the user's own code.
  const client = observedClient(feed.observe(http.send), { endpoint: origin, region });
  const lifecycle = new AthenaClient({ region, requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs } });
  return {
    kind: 'live',
    description: `live Athena at ${origin} (${region})`,
    endpoint: origin,
    cliEndpoint: origin,
    region,
    client,
    lifecycle,
    onExchange: (l) => feed.subscribe(l),
    async close() {
      client.destroy();
      lifecycle.destroy();
      http.close();
    },
  };
}
