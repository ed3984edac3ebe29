import { paginateListExecutors } from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutorsSummary } from '../src/generated/athena.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';

const T0 = 1_700_000_000_000;
const original: ExecutorsSummary[] = Array.from({ length: 40 }, (_, i) => ({
  ExecutorId: `orig-${i}`,
  StartDateTime: T0 + (i % 13) * 1000,
  ExecutorState: 'REGISTERED',
}));

let server: Emulator;
beforeAll(async () => {
  server = await startEmulator({ sessions: { s: original } });
});
afterAll(() => server.close());

describe('emulator under concurrent walks and inserts', () => {
  it('50 walkers each see every executor present at the start exactly once while newer executors are inserted', async () => {
    let current = original;
    let walking = true;
    let inserted = 0;
    const inserter = (async () => {
      while (walking) {
        // Newer than anything seen, or exactly as new as the newest: both sort before every position reached.
        const newest = Math.max(...current.map((e) => e.StartDateTime ?? 0));
        const start = inserted % 2 === 0 ? newest + 1 : newest;
        current = [...current, { ExecutorId: `new-${inserted++}`, StartDateTime: start, ExecutorState: 'CREATING' }];
        server.seed('s', current);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();

    const walkers = Array.from({ length: 50 }, async () => {
      const client = server.client();
      const seen: string[] = [];
      let pages = 0;
      for await (const page of paginateListExecutors({ client, pageSize: 4, stopOnSameToken: true }, { SessionId: 's' })) {
        seen.push(...(page.ExecutorsSummary ?? []).map((e) => e.ExecutorId as string));
        if (++pages > 200) throw new Error('walk did not end in 200 pages');
      }
      client.destroy();
      return seen;
    });
    const walks = await Promise.all(walkers);
    walking = false;
    await inserter;

    expect(inserted).toBeGreaterThan(0);
    for (const seen of walks) {
      expect(new Set(seen).size).toBe(seen.length);
      const originals = seen.filter((id) => id.startsWith('orig-'));
      expect(originals.sort()).toEqual(original.map((e) => e.ExecutorId).sort());
    }
  });
});
