/**
 * An AthenaClient over a {@link Send}: the real SDK (serialization, signing, error parsing) with
 * a request handler that turns the SDK's HttpRequest into a wire exchange and lets listeners see it.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import type { Exchange } from '../wire/exchange.js';
import { sdkHandler } from '../wire/sdk-handler.js';
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

/** Options of {@link observedClient}. */
export interface ObservedClientOptions {
  endpoint: string;
  region: string;
  /** Static credentials; when absent the SDK's default chain is used (live mode). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** Builds an AthenaClient (maxAttempts 1) whose HTTP goes through `send`. */
export function observedClient(send: Send, options: ObservedClientOptions): AthenaClient {
  return new AthenaClient({
    endpoint: options.endpoint,
    region: options.region,
    maxAttempts: 1,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: sdkHandler(send) as unknown as AthenaClient['config']['requestHandler'],
  });
}
