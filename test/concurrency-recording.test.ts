/**
 * Recordings with runs in flight at once: a recording made at concurrency 6 holds one cassette per
 * property with its runs in order (the same requests as one made at 1), replays at 1 and at 6 with the
 * verdicts of the recorded run, records a shard's runs as at 1, and the committed recordings still replay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify, type VerifyReport } from '../src/app/verify.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { tempDir } from './helpers/temp-dir.js';

const statuses = (r: VerifyReport) => r.properties.map((p) => `${p.id} ${p.status} ${p.counterexample?.path ?? ''}`);
/** Each cassette's requests, without the per-call headers. */
const requests = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { exchanges: { request: { path: string; body: string } }[] }).exchanges.map((e) => `${e.request.path} ${e.request.body}`));

describe('recording concurrent runs', () => {
  let emulator: Emulator;
  const fresh = () => tempDir('conc-rec-');
  beforeAll(async () => {
    emulator = await startEmulator({ faults: ['oldest-first'] });
  });
  afterAll(async () => {
    await emulator.close();
  });
  const base = () => ({ endpoint: emulator.url, seeded: true, seed: 11, runs: 4 });

  // Every recording before any replay: a replay leaves nock loaded in the process, and HTTP after it would not reach the emulator.
  it('records the same cassettes at 6 as at 1, and replays them at either with the recorded verdicts; a shard records as at 1', async () => {
    const [one, six, shard] = [fresh(), fresh(), fresh()];
    const recordedOne = await verify({ ...base(), concurrency: 1, record: { dir: one } });
    const recordedSix = await verify({ ...base(), concurrency: 6, record: { dir: six } });
    const shardOne = fresh();
    const recordedShard = await verify({ ...base(), shard: { index: 1, count: 2 }, concurrency: 4, record: { dir: shard } });
    const recordedShardOne = await verify({ ...base(), shard: { index: 1, count: 2 }, concurrency: 1, record: { dir: shardOne } });
    expect(statuses(recordedShard)).toEqual(statuses(recordedShardOne));
    expect(requests(shard)).toEqual(requests(shardOne));
    expect(statuses(recordedSix)).toEqual(statuses(recordedOne));
    expect(recordedOne.summary.failed).toBeGreaterThan(0);
    expect(requests(six)).toEqual(requests(one));
    for (const concurrency of [1, 6]) {
      const replayed = await verify({ replay: six, concurrency });
      expect(statuses(replayed)).toEqual(statuses(recordedSix));
      expect(replayed.warnings.filter((w) => w.kind === 'unused-recording')).toEqual([]);
    }
  }, 90_000);

  it('the committed recording replays at concurrency 4 as at 1', async () => {
    const dir = 'recordings/builtin-emulator';
    const [a, b] = [await verify({ replay: dir, concurrency: 1 }), await verify({ replay: dir, concurrency: 4 })];
    expect(statuses(b)).toEqual(statuses(a));
    expect(b.replay?.served).toBe(a.replay?.served);
  }, 60_000);
});
