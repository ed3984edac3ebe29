/**
 * Senders: one function that takes a wire request and resolves to the wire response. Everything the
 * harness sends, SDK calls and seeding alike, goes through one, so every exchange can be observed.
 */
import http from 'node:http';
import https from 'node:https';
import { type WireRequest, type WireResponse, normalizeHeaders } from '../wire/exchange.js';

/** Sends one request and resolves to the response; rejects only when no response arrived. */
export type Send = (request: WireRequest) => Promise<WireResponse>;

/** Options of {@link httpSend}. */
export interface HttpSendOptions {
  /** Milliseconds before a request without a complete answer is abandoned. @defaultValue 10000 */
  timeoutMs?: number;
}

/** A transport failure (refused, reset, timed out): the target gave no answer at all. */
export class TransportError extends Error {
  override name = 'TransportError';
}

/**
 * Sends over node:http(s) to `baseUrl` with keep-alive. A response that does not complete within
 * the timeout is abandoned: nothing a target does can hang the harness.
 */
export function httpSend(baseUrl: string, options: HttpSendOptions = {}): { send: Send; close(): void } {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const basePath = url.pathname.replace(/\/$/, '');
  const send: Send = (request) =>
    new Promise<WireResponse>((resolve, reject) => {
      const req = (secure ? https : http).request({
        agent,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port || (secure ? 443 : 80),
        method: request.method,
        path: basePath + request.path,
        headers: { ...request.headers, host: url.host },
      });
      const timer = setTimeout(() => {
        req.destroy(new TransportError(`no answer from ${url.origin} within ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: normalizeHeaders(res.headers), body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (e) => {
          clearTimeout(timer);
          reject(e instanceof TransportError ? e : new TransportError(describeSocketError(e, url.origin)));
        });
      });
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e instanceof TransportError ? e : new TransportError(describeSocketError(e, url.origin)));
      });
      req.end(request.body);
    });
  return { send, close: () => agent.destroy() };
}

function describeSocketError(e: Error & { code?: string }, origin: string): string {
  if (e.code === 'ECONNREFUSED') return `connection refused by ${origin}`;
  if (e.code === 'ENOTFOUND') return `cannot resolve ${origin}`;
  if (e.code === 'ECONNRESET') return `connection reset by ${origin}`;
  return `${origin}: ${e.code ?? e.message}`;
}
