/**
 * Sampled walks (src/contract/catalogue/sampled-walk.ts) against an endpoint written here
 * (test/helpers/deep-endpoint.ts) holding one parent of 5,000 executors: a correct one passes
 * pagination.page-size and ordering.newest-first observationally in far fewer calls than one whole
 * walk at MaxResults 1; a moving one passes the walk laws; a duplicate at one page boundary deep in it
 * (after executor 3,217, where two executors share a StartDateTime, where keyset pagination breaks and
 * the sampled walks aim) fails pagination.exactly-once at seeds 1-3. Where sampling gives way to whole
 * walks: sampled-walks-fallback.test.ts; the boundary sweep, which crosses every boundary of a parent
 * whatever its ties: sampled-walks-sweep*.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { deepExecutors, runDeep, type DeepBehaviour, type DeepEndpoint } from './helpers/deep-endpoint.js';

const PARENT = 'sess-deep';
/** The executor (1-based) after which the faulty page boundary lies; the next one shares its StartDateTime. */
const DEEP = 3217;

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

/** pagination's walk laws `only` over a parent of `n` executors behaving as `behaviour`, observationally. */
const run = (n: number, behaviour: DeepBehaviour, only: string[], seed: number, runs: number) => runDeep(open, PARENT, deepExecutors(n, DEEP), behaviour, { only, seed, runs });

const verdicts = (r: Report) => r.properties.map((p) => `${p.id}: ${p.status}${p.counterexample ? ` ${p.counterexample.message}` : ''}`);
const WALK_LAWS = ['pagination.exactly-once', 'pagination.page-size', 'ordering.newest-first'];

describe('a 5,000-executor parent', () => {
  it('correct: passes pagination.page-size and ordering.newest-first, sampling', async () => {
    const { report, endpoint } = await run(5000, {}, WALK_LAWS.slice(1), 1, 4);
    expect(verdicts(report)).toEqual(['pagination.page-size: passed', 'ordering.newest-first: passed']);
    for (const p of report.properties) expect(p.coverage?.sampled?.boundaries, p.id).toBeGreaterThan(0);
    expect(endpoint.calls()).toBeLessThan(2000);
  }, 60_000);

  // 1,000 executors: enough for every law to sample (more than 100 pages at MaxResults 1-9), and the sweep's walks each bracketed on a parent that always moves.
  it('moving (a newest executor comes and one takes a lifecycle step every 25 calls): passes the walk laws, sampling, with the moving note', async () => {
    const { report } = await run(1000, { moveEvery: 25 }, WALK_LAWS, 1, 3);
    expect(verdicts(report)).toEqual(WALK_LAWS.map((id) => `${id}: passed`));
    for (const p of report.properties) expect(p.coverage?.sampled?.boundaries, p.id).toBeGreaterThan(0);
    expect(report.properties.some((p) => (p.coverage?.moving?.came ?? 0) > 0)).toBe(true);
  }, 60_000);

  it('a page that begins right after executor 3,217 lists it again: pagination.exactly-once fails at seeds 1-3', async () => {
    for (const seed of [1, 2, 3]) {
      const { report } = await run(5000, { repeatAfter: DEEP }, ['pagination.exactly-once'], seed, 4);
      const p = report.properties[0];
      expect(p.status, `seed ${seed}: ${verdicts(report).join('; ')}`).toBe('failed');
      // At MaxResults 1 the repeated page hands back its own token (a loop); at a larger size the executor comes twice.
      expect(p.counterexample?.message, `seed ${seed}`).toMatch(/sampled: resumed after executor \d+ .*(ex-03217|listed twice|did not terminate)/);
    }
  }, 60_000);
});
