/**
 * The in-process binding for code that builds its own AthenaClient: nock intercepts
 * `https://athena.<region>.amazonaws.com` and answers from the core, so the code under test runs
 * unmodified.
 */
import { loadNock } from '../targets/lazy-nock.js';
import { normalizeHeaders } from '../targets/exchange.js';
import type { EmulatorCore } from './core.js';

/** Which region to intercept; every region when absent. */
export interface InterceptOptions {
  region?: string;
}

/** The methods intercepted: POST for the API, PUT and DELETE for seeding, the rest to answer 404/405 as the server does. */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

const nock = loadNock;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Routes Athena's public endpoint to `core` until `restore()`, which removes only these interceptors. */
export function interceptAthena(core: EmulatorCore, options: InterceptOptions = {}): { restore(): void } {
  const region = options.region === undefined ? '[a-z0-9-]+' : escapeRegExp(options.region);
  const scope = nock()(new RegExp(`^https://athena\\.${region}\\.amazonaws\\.com(:443)?$`)).persist();
  const interceptors = METHODS.map((method) => {
    const interceptor = scope.intercept(() => true, method);
    interceptor.reply(async (request: Request) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const res = core.handle({ method: request.method, path: url.pathname + url.search, headers: normalizeHeaders(headers), body: await request.text() });
      return [res.status, res.body, res.headers] as const;
    });
    return interceptor;
  });
  return {
    restore() {
      for (const interceptor of interceptors) nock().removeInterceptor(interceptor);
    },
  };
}
