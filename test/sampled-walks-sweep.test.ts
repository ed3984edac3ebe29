/**
 * The boundary sweep of observational pagination.exactly-once (src/contract/catalogue/boundary-sweep.ts)
 * against the endpoint of test/helpers/deep-endpoint.ts. A parent of 5,000 executors with no
 * ordering-key tie anywhere, whose page starting at executor index 3,217 (0-based) lists the executor
 * before it again: a fault at one page boundary that no tie and no seed points the sampled walks at;
 * the sweep's offset walks cross every page boundary, so it fails at seeds 1-3, naming the executor.
 * A target that refuses a token issued under another MaxResults (legal) passes: the sweep walks the
 * parent whole at MaxResults 1 instead, and the report says so. The correct 5,000-executor parent:
 * sampled-walks-sweep-correct.test.ts and sampled-walks-sweep-seed-2/-3.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_EXECUTORS } from '../src/profiles/index.js';
import { deepExecutors, runDeep, type DeepBehaviour, type DeepEndpoint } from './helpers/deep-endpoint.js';

const PARENT = 'sess-deep';

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

/** pagination.exactly-once over `n` executors without ties; one random run: the boundary cases are the point. */
const run = (n: number, behaviour: DeepBehaviour, seed: number, path?: string) => runDeep(open, PARENT, deepExecutors(n), behaviour, { only: ['pagination.exactly-once'], seed, runs: 1, path });
describe('the boundary sweep', () => {
  it('a page starting at executor index 3,217 of 5,000 (no tie there) repeats the one before it: pagination.exactly-once fails at seeds 1-3, naming it', async () => {
    // repeatAfter is 1-based: the page that begins right after executor 3,217 (index 3,216) lists it again.
    for (const seed of [1, 2, 3]) {
      const { report } = await run(5000, { repeatAfter: 3217 }, seed);
      const p = report.properties[0];
      expect(p.status, `seed ${seed}: ${p.reason ?? ''}`).toBe('failed');
      expect(p.counterexample?.message, `seed ${seed}`).toMatch(/MaxResults 17, then 100 \(the boundary sweep.*executor "ex-03217" listed twice/);
    }
  }, 60_000);

  it('the failing case replays with its path: that case alone, failing the same way', async () => {
    const { report } = await run(5000, { repeatAfter: 3217 }, 1);
    const failed = report.properties[0].counterexample;
    const { report: replayed, endpoint } = await run(5000, { repeatAfter: 3217 }, 1, failed?.path);
    expect(replayed.properties[0].counterexample?.message).toBe(failed?.message);
    // Its basis (50 pages) and its offset walk (51), nothing of the cases before it.
    expect(endpoint.calls()).toBeLessThanOrEqual(101);
  }, 60_000);

  it('a target that refuses a token issued under another MaxResults passes: one whole walk at MaxResults 1 tests every boundary, and the report says so', async () => {
    const { report, endpoint } = await run(500, { refuseForeignTokens: true }, 1);
    const p = report.properties[0];
    expect([p.status, p.counterexample?.message]).toEqual(['passed', undefined]);
    expect(endpoint.refusals()).toBeGreaterThan(0);
    expect(p.coverage?.sweep?.[PARENT]).toEqual({ listed: 500, tested: 499, refused: LIST_EXECUTORS.pageBounds.max - 1 });
    expect(p.warnings.filter((w) => w.kind === 'tolerated').map((w) => w.message)).toEqual([expect.stringMatching(/sess-deep refused a NextToken issued under another page size \(legal\).*whole walk at the smallest page size/)]);
    expect(p.warnings.filter((w) => w.kind === 'untested')).toEqual([]);
  }, 60_000);

  it('on a target that refuses them, the whole walk still fails a fault at one deep boundary', async () => {
    const { report } = await run(500, { refuseForeignTokens: true, repeatAfter: 417 }, 1);
    expect(report.properties[0].status).toBe('failed');
    expect(report.properties[0].counterexample?.message).toMatch(/did not terminate|listed twice/);
  }, 60_000);
});
