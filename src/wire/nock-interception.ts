/**
 * nock, loaded on first use, and the one way this project answers intercepted requests with it.
 * nock patches node:http and fetch as soon as it is loaded, so a process that never replays or
 * intercepts (verify against an endpoint, serve) must never load it: every request would pass
 * through its interceptor.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Nock from 'nock';
import { packageDir } from '../schema/package-dir.js';
import { normalizeHeaders, type WireRequest, type WireResponse } from './exchange.js';

let loaded: typeof Nock | undefined;

/** The nock module, loaded now if it was not yet. */
export function loadNock(): typeof Nock {
  loaded ??= createRequire(join(packageDir, 'package.json'))('nock') as typeof Nock;
  return loaded;
}

/** Every method: POST for the API, PUT and DELETE for seeding, the rest so that they are answered too. */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/** Framing headers nock sets itself from the body it serves. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * Answers every request to a host matching `host` with `answer`, as wire exchanges, until
 * `restore()`, which removes only these interceptors. `answer` may throw to fail the request.
 */
export function interceptWire(host: RegExp, answer: (request: WireRequest) => WireResponse | Promise<WireResponse>): { restore(): void } {
  const nock = loadNock();
  const scope = nock(host).persist();
  const interceptors = METHODS.map((method) => {
    const interceptor = scope.intercept(() => true, method);
    interceptor.reply(async (request: Request) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const res = await answer({ method: request.method, path: url.pathname + url.search, headers: normalizeHeaders(headers), body: await request.text() });
      const replyHeaders = Object.fromEntries(Object.entries(res.headers).filter(([k]) => !FRAMING.has(k)));
      return [res.status, res.body, replyHeaders] as const;
    });
    return interceptor;
  });
  return {
    restore() {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
    },
  };
}
