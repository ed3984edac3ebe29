/**
 * The in-process binding for code that builds its own AthenaClient: nock intercepts
 * `https://athena.<region>.amazonaws.com` and answers from the core, so the code under test runs
 * unmodified.
 */
import { interceptWire } from '../wire/nock-interception.js';
import type { EmulatorCore } from './core.js';

/** Which region to intercept; every region when absent. */
export interface InterceptOptions {
  region?: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Routes Athena's public endpoint to `core` until `restore()`, which removes only these interceptors. */
export function interceptAthena(core: EmulatorCore, options: InterceptOptions = {}): { restore(): void } {
  const region = options.region === undefined ? '[a-z0-9-]+' : escapeRegExp(options.region);
  return interceptWire(new RegExp(`^https://athena\\.${region}\\.amazonaws\\.com(:443)?$`), (request) => core.handle(request));
}
