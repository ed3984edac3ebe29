/**
 * Where sampled walks give way to whole ones, against the endpoint of test/helpers/deep-endpoint.ts:
 * a target that refuses a token issued under another MaxResults (legal) is walked whole and passes,
 * remembering the refusal; a parent small enough is walked whole as before, sampling nothing, and a
 * fault at one of its boundaries fails as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_EXECUTORS } from '../src/profiles/index.js';
import type { Report } from '../src/common/results.js';
import { SAMPLE_ABOVE_PAGES } from '../src/contract/catalogue/sampled-walk.js';
import { deepExecutors, runDeep, type DeepBehaviour, type DeepEndpoint } from './helpers/deep-endpoint.js';

const PARENT = 'sess-deep';

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

/** pagination's walk laws `only` over a parent of `n` executors behaving as `behaviour`, observationally. */
const run = (n: number, behaviour: DeepBehaviour, only: string[], seed: number, runs: number) => runDeep(open, PARENT, deepExecutors(n), behaviour, { only, seed, runs });

const verdicts = (r: Report) => r.properties.map((p) => `${p.id}: ${p.status}${p.counterexample ? ` ${p.counterexample.message}` : ''}`);
const WALK_LAWS = ['pagination.exactly-once', 'pagination.page-size', 'ordering.newest-first'];

describe('walked whole', () => {
  it('a target that refuses a token issued under another MaxResults passes: the parent is walked whole, the refusal remembered', async () => {
    const { report, endpoint } = await run(Math.round(SAMPLE_ABOVE_PAGES * 1.5), { refuseForeignTokens: true }, WALK_LAWS, 1, 2);
    expect(verdicts(report)).toEqual(WALK_LAWS.map((id) => `${id}: passed`));
    expect(endpoint.refusals()).toBeGreaterThan(0);
    // Once per law's run at most (the parent is remembered as refusing), and once per case of the
    // boundary sweep whose offset walk changes MaxResults (every first-page size but the largest).
    expect(endpoint.refusals()).toBeLessThanOrEqual(WALK_LAWS.length + LIST_EXECUTORS.pageBounds.max - 1);
    for (const p of report.properties) expect(p.coverage?.sampled, p.id).toBeUndefined();
  }, 60_000);

  it('on a target that refuses them, a fault past the pages a sampled walk would test first still fails: the whole walk crosses it', async () => {
    const { report, endpoint } = await run(SAMPLE_ABOVE_PAGES * 3, { refuseForeignTokens: true, repeatAfter: Math.round(SAMPLE_ABOVE_PAGES * 2.5) }, ['pagination.exactly-once'], 1, 3);
    expect(endpoint.refusals()).toBeGreaterThan(0);
    expect(report.properties[0].status).toBe('failed');
    expect(report.properties[0].counterexample?.message).toMatch(/did not terminate|listed twice/);
  }, 60_000);

  it('a parent of no more than SAMPLE_ABOVE_PAGES items is walked whole at MaxResults 1: nothing sampled', async () => {
    const { report } = await run(SAMPLE_ABOVE_PAGES, {}, WALK_LAWS, 1, 3);
    expect(verdicts(report)).toEqual(WALK_LAWS.map((id) => `${id}: passed`));
    for (const p of report.properties) expect(p.coverage?.sampled, p.id).toBeUndefined();
  }, 60_000);

  it('a fault at one boundary of a parent walked whole fails as before', async () => {
    const { report } = await run(SAMPLE_ABOVE_PAGES, { repeatAfter: 40 }, ['pagination.exactly-once'], 1, 3);
    expect(report.properties[0].status).toBe('failed');
    expect(report.properties[0].counterexample?.message).not.toMatch(/sampled/);
  }, 60_000);
});
