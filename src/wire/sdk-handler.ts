/**
 * The AWS SDK's request handler over a wire function: the SDK's HttpRequest becomes a
 * {@link WireRequest}, the {@link WireResponse} becomes the HttpResponse it expects. The emulator's
 * socket-free binding and every observed target client share this one conversion.
 */
import type { WireRequest, WireResponse } from './exchange.js';

/** The request the SDK hands its handler (the @smithy HttpRequest shape, reduced to what is read). */
export interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** The response the SDK expects back (the @smithy HttpResponse shape; a byte body needs no stream). */
export interface SdkHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * The @smithy HttpHandler shape, built structurally: `@smithy/protocol-http` is not a dependency of
 * this project, and the SDK recognises a handler by its `handle` method.
 */
export interface AthenaRequestHandler {
  handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new TypeError('requestHandler: streaming request bodies are not supported; send a string or bytes');
}

function pathWithQuery(request: SdkHttpRequest): string {
  const entries = Object.entries(request.query ?? {});
  if (entries.length === 0) return request.path;
  const params = new URLSearchParams();
  for (const [k, v] of entries) for (const one of Array.isArray(v) ? v : [v ?? '']) params.append(k, one);
  return `${request.path}?${params.toString()}`;
}

/** An SDK request handler that answers through `send` (which may answer synchronously). */
export function sdkHandler(send: (request: WireRequest) => WireResponse | Promise<WireResponse>): AthenaRequestHandler {
  return {
    async handle(request) {
      const headers: Record<string, string> = {};
      for (const k in request.headers) headers[k.toLowerCase()] = request.headers[k];
      const res = await send({ method: request.method, path: pathWithQuery(request), headers, body: bodyText(request.body) });
      return { response: { statusCode: res.status, headers: res.headers, body: Buffer.from(res.body) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}
