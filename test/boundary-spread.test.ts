/**
 * The seeded boundary cases spread over the pool: against an endpoint that holds each answer until as
 * many requests as the pool has slots are waiting (or, where no more come, until a moment passes: the
 * endpoint's behaviour, not a wait of the test), the cases of one property are in flight side by side,
 * as many at once as the pool allows, where one parent shared by every case let only one run at a
 * time (and, for ListSessions, where the pool also locked the ids of the sessions listed, which every
 * boundary population shares). Counted, not timed: the most boundary parents named by requests held at once.
 */
import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../src/contract/run-contract.js';
import { LIST_EXECUTORS, LIST_SESSIONS, type OperationProfile } from '../src/profiles/index.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import { startFamilyEndpoint, type FamilyEndpoint } from './helpers/family-endpoint.js';
import { startServer, type LocalServer } from './helpers/http-server.js';

const CONCURRENCY = 4;
/** How long the endpoint holds answers when fewer than the pool's size are waiting and no request comes. */
const QUIET_MS = 25;

/** The boundary parents of the catalogue (parents.ts): the UUID-like, the named and the token law's. */
const BOUNDARY_PARENT = /^(b0a1d2e3-|boundary\.|Boundary-)/;

/** A proxy in front of `upstream` that holds answers as the file's header says, and counts the boundary parents of the requests it holds. */
async function holdingProxy(upstream: string): Promise<LocalServer & { most(): number }> {
  const held: { parent?: string; release(): void }[] = [];
  let most = 0;
  let quiet: NodeJS.Timeout | undefined;
  const releaseAll = (): void => {
    clearTimeout(quiet);
    for (const h of held.splice(0)) h.release();
  };
  const parentOf = (req: IncomingMessage, body: string): string | undefined => {
    const seeded = /^\/_contract\/[^/]+\/([^/?]+)/.exec(req.url ?? '')?.[1];
    if (seeded) return decodeURIComponent(seeded);
    try {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      const id = parsed.SessionId ?? parsed.WorkGroup;
      return typeof id === 'string' ? id : undefined;
    } catch {
      return undefined;
    }
  };
  const server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = http.request(`${upstream}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          const parent = parentOf(req, body.toString());
          held.push({ parent, release: () => res.writeHead(up.statusCode ?? 502, up.headers).end(Buffer.concat(parts)) });
          most = Math.max(most, new Set(held.map((h) => h.parent).filter((p) => p !== undefined && BOUNDARY_PARENT.test(p))).size);
          clearTimeout(quiet);
          if (held.length >= CONCURRENCY) releaseAll();
          else quiet = setTimeout(releaseAll, QUIET_MS);
        });
      });
      forward.end(body);
    });
  });
  return { ...server, most: () => most };
}

const open: (FamilyEndpoint | LocalServer)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** The most boundary parents in flight at once in a seeded run of `law` alone, on `profile`, one random run besides its boundary cases. */
async function mostInFlight(profile: OperationProfile, law: string): Promise<number> {
  const endpoint = await startFamilyEndpoint();
  const proxy = await holdingProxy(endpoint.url);
  open.push(endpoint, proxy);
  const target = endpointTarget({ url: proxy.url, region: 'us-east-1', seeded: true });
  try {
    const report = await runContract({ target, mode: 'seeded', profile, sessions: [], seed: 1, runs: 1, only: [law], concurrency: CONCURRENCY, deadlineMs: 60_000 });
    const run = report.properties.find((p) => p.id === law);
    expect(run?.status, law).toBe('passed');
    expect(run?.checks.boundary, law).toBeGreaterThan(CONCURRENCY);
    return proxy.most();
  } finally {
    await target.close();
  }
}

describe('the seeded boundary cases of one property', () => {
  for (const [profile, law] of [
    [LIST_EXECUTORS, 'pagination.page-size'],
    [LIST_EXECUTORS, 'errors.invalid-token'],
    [LIST_EXECUTORS, 'errors.invalid-request'],
    [LIST_SESSIONS, 'filter.honoured'],
  ] as const)
    it(`are in flight as many at once as the pool has slots: ${profile.operation} ${law}`, async () => {
      expect(await mostInFlight(profile, law)).toBe(CONCURRENCY);
    });
});
