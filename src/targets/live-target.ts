/**
 * Live AWS (or whatever AWS_ENDPOINT_URL_ATHENA names): clients built the SDK's default way (the
 * default credential chain, the region chain, the endpoint from the environment), with the contract's
 * client observed like every other target's.
 */
import { AthenaClient, ListExecutorsCommand } from '@aws-sdk/client-athena';
import { UsageError, TargetError } from '../common/errors.js';
import { ExchangeFeed, observedClient, type SendPolicy } from './observed-client.js';
import { paced } from './pacing.js';
import { httpSend } from './send.js';
import type { Target } from './target.js';

/**
 * Calls per second of a live run unless `rate` says otherwise. Athena publishes no quota for the
 * Spark session calls; its tightest published ones (e.g. ListQueryExecutions) are 5 calls/s with a
 * burst of 10, per account and region. At 5/s a nightly run stays within such a quota instead of
 * spending its time on throttled retries.
 */
export const LIVE_DEFAULT_RATE = 5;

/** An endpoint on this machine (AWS_ENDPOINT_URL_ATHENA naming an emulator): no AWS quota to keep to. */
function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Options of {@link liveTarget}; `rate` defaults to {@link LIVE_DEFAULT_RATE}, or none on a loopback endpoint. */
export interface LiveTargetOptions extends SendPolicy {
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
  const rate = options.rate ?? (isLoopback(origin) ? undefined : LIVE_DEFAULT_RATE);
  const client = observedClient(paced(feed.observe(http.send), rate), { endpoint: origin, region, retry: options.retry });
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
