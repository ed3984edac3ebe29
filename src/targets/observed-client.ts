/**
 * An AthenaClient over a {@link Send}: the real SDK (serialization, signing, error parsing) with
 * a request handler that turns the SDK's HttpRequest into a wire exchange and lets listeners see it.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import type { Exchange, WireRequest } from './exchange.js';
import { normalizeHeaders } from './exchange.js';
import type { Send } from './send.js';

/** The slice of the SDK's HttpRequest the handler reads. */
interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

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

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return String(body);
}

function pathWithQuery(req: SdkHttpRequest): string {
  const q = Object.entries(req.query ?? {}).flatMap(([k, v]) =>
    v === null ? [encodeURIComponent(k)] : (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
  );
  return q.length ? `${req.path}?${q.join('&')}` : req.path;
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
  const requestHandler = {
    async handle(req: SdkHttpRequest) {
      const wire: WireRequest = { method: req.method, path: pathWithQuery(req), headers: normalizeHeaders(req.headers), body: bodyText(req.body) };
      const res = await send(wire);
      return { response: { statusCode: res.status, reason: undefined, headers: res.headers, body: Buffer.from(res.body, 'utf8') } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };
  return new AthenaClient({
    endpoint: options.endpoint,
    region: options.region,
    maxAttempts: 1,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: requestHandler as unknown as AthenaClient['config']['requestHandler'],
  });
}
