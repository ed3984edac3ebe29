/**
 * An AthenaClient over a {@link Send}: the real SDK (serialization, signing, error parsing) with
 * a request handler that turns the SDK's HttpRequest into a wire exchange and lets listeners see it.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import type { Exchange } from '../wire/exchange.js';
import { sdkHandler } from '../wire/sdk-handler.js';
import { DEFAULT_RETRY_POLICY, ThrottlingRetryStrategy, type RetryPolicy } from './retry-strategy.js';
import type { Send } from './send.js';

/** Listeners of exchanges, so targets can offer `onExchange`. */
export class ExchangeFeed {
  private listeners = new Set<(exchange: Exchange) => void>();
  /** Adds a listener and returns the function that removes it. */
  subscribe(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Hands one exchange to every listener. */
  emit(exchange: Exchange): void {
    for (const l of this.listeners) l(exchange);
  }
  /** Wraps `send` so that every exchange, answered or not, reaches the listeners. */
  observe(send: Send): Send {
    return async (request) => {
      const start = performance.now();
      try {
        const response = await send(request);
        this.emit({ request, response, durationMs: performance.now() - start });
        return response;
      } catch (e) {
        this.emit({ request, transportError: (e as Error).message, durationMs: performance.now() - start });
        throw e;
      }
    };
  }
}

/** How a target sends: the options every target kind takes besides its address. */
export interface SendPolicy {
  /** At most this many requests per second, seeding included (see pacing.ts). @defaultValue unpaced */
  rate?: number;
  /** How throttling answers are retried. @defaultValue {@link DEFAULT_RETRY_POLICY} */
  retry?: Partial<RetryPolicy>;
}

/** Options of {@link observedClient}. */
export interface ObservedClientOptions {
  endpoint: string;
  region: string;
  /** Static credentials; when absent the SDK's default chain is used (live mode). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  retry?: Partial<RetryPolicy>;
}

/**
 * Builds an AthenaClient whose HTTP goes through `send`. It retries throttling answers only (each
 * attempt an exchange of its own): any other answer, a 500 included, is what the target said.
 */
export function observedClient(send: Send, options: ObservedClientOptions): AthenaClient {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  return new AthenaClient({
    endpoint: options.endpoint,
    region: options.region,
    // Read by the SDK for the amz-sdk-request header alone (`attempt=2; max=8`); the strategy counts.
    maxAttempts: policy.maxAttempts,
    retryStrategy: new ThrottlingRetryStrategy(policy),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: sdkHandler(send) as unknown as AthenaClient['config']['requestHandler'],
    // The SDK's own cache of each command class's resolved middleware: resolving the stack on every call was a tenth
    // of a run's CPU. Nothing adds to this client's stack after its first call (verify adds its one before).
    cacheMiddleware: true,
  });
}
