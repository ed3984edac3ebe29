/**
 * nock, loaded on first use. nock patches node:http and fetch as soon as it is loaded, so a process
 * that never replays or intercepts (verify against an endpoint, serve) must never load it: every
 * request would pass through its interceptor.
 */
import { createRequire } from 'node:module';
import type Nock from 'nock';

let loaded: typeof Nock | undefined;

/** The nock module, loaded now if it was not yet. */
export function loadNock(): typeof Nock {
  loaded ??= createRequire(import.meta.url)('nock') as typeof Nock;
  return loaded;
}
