/**
 * `filter.honoured` over a filtered listing too long to walk whole (src/contract/catalogue/properties/
 * filter-honoured.ts `checkSampled`), against test/helpers/deep-endpoint.ts holding 5,000 executors,
 * their six states in turn (each state's listing 833 or 834 long, sampled at every page size below
 * 84), observationally. Executors 3,601-3,612 share one StartDateTime, so each state's listing has a
 * tie between its items 601 and 602, where keyset pagination breaks and the sampled walks aim.
 * A correct endpoint passes, sampling, and so do a moving one and one that refuses a token issued under another page
 * size (legal: whole walks instead); a filtered page that skips an item, or lists one in another
 * state, deep in the listing fails at seeds 1-3: at the tie (a short walk resumed there), and at a page
 * boundary of the filtered reference (MaxResults 100: its listing, or its page, is judged).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { deepExecutors, runDeep, type DeepBehaviour, type DeepEndpoint } from './helpers/deep-endpoint.js';

const PARENT = 'sess-deep-filter';
/** The filtered position (1-based, in every state's listing) after which the tie lies. */
const TIE = 601;
/** A filtered position on a page boundary of the filtered reference (a multiple of MaxResults 100), past the first pages. */
const REFERENCE_BOUNDARY = 600;
const LAW = 'filter.honoured';

/** 5,000 executors, newest first; the six around filtered position `TIE` of each state share a StartDateTime. */
function tiedExecutors(): Record<string, unknown>[] {
  const items = deepExecutors(5000);
  // Executor 6·(TIE − 1) + s is item TIE of state s's listing, 6·TIE + s its item TIE + 1 (s = 0..5).
  const first = 6 * (TIE - 1);
  const shared = items[first].StartDateTime;
  for (let i = first; i < first + 12; i++) items[i] = { ...items[i], StartDateTime: shared };
  return items;
}
const ITEMS = tiedExecutors();

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

const run = (behaviour: DeepBehaviour, seed: number) => runDeep(open, PARENT, ITEMS, behaviour, { only: [LAW], seed, runs: 4 });
const verdict = (r: Report) => r.properties.map((p) => `${p.id}: ${p.status}${p.counterexample ? ` ${p.counterexample.message}` : ''}`).join('; ');

/** Runs `behaviour` at seeds 1-3 and expects filter.honoured to fail each time with a message matching `message`. */
async function failsAtSeeds(behaviour: DeepBehaviour, message: RegExp): Promise<void> {
  for (const seed of [1, 2, 3]) {
    const { report } = await run(behaviour, seed);
    const p = report.properties[0];
    expect(p.status, `seed ${seed}: ${verdict(report)}`).toBe('failed');
    expect(p.counterexample?.message, `seed ${seed}`).toMatch(message);
  }
}

describe(`${LAW} over a 5,000-executor parent, its filtered listings sampled`, () => {
  it('correct: passes, sampling the filtered walks', async () => {
    const { report, endpoint } = await run({}, 1);
    expect(verdict(report)).toBe(`${LAW}: passed`);
    const sampled = report.properties[0].coverage?.sampled;
    expect(sampled?.walks).toBeGreaterThan(0);
    expect(sampled?.boundaries).toBeGreaterThan(0);
    // Six filters of ~833 executors and the unfiltered reference: whole walks at the drawn sizes would be thousands of calls.
    expect(endpoint.calls()).toBeLessThan(500);
  }, 30_000);

  it('refusing a token issued under another page size (legal): passes, walking whole', async () => {
    const { report, endpoint } = await run({ refuseForeignTokens: true }, 1);
    expect(verdict(report)).toBe(`${LAW}: passed`);
    expect(endpoint.refusals()).toBeGreaterThan(0);
  }, 30_000);

  it('moving (a newest executor comes and one takes a lifecycle step every 25 calls): passes at seeds 1-6, each sampled listing walked after the unfiltered walk it is compared with', async () => {
    // The sampled listing's reference, were it the property's latest rather than one walked now, could be older than the
    // unfiltered walk before it: executors that came or moved since would look missing (7 failures in 12 runs, measured).
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { report } = await run({ moveEvery: 25 }, seed);
      expect(verdict(report), `seed ${seed}`).toBe(`${LAW}: passed`);
    }
  }, 60_000);

  it('moving faster, filtered listings drawn at MaxResults 100 among the rest: passes, the listing at 100 walked after the unfiltered walk it is compared with', async () => {
    // Seed 3 failed falsely when a walk at 100 was the property's latest filtered reference, older than the unfiltered walk before it.
    const { report } = await runDeep(open, PARENT, deepExecutors(2000), { moveEvery: 7 }, { only: [LAW], seed: 3, runs: 25 });
    expect(verdict(report)).toBe(`${LAW}: passed`);
    expect(report.properties[0].coverage?.maxResults['100']).toBeGreaterThan(0);
  }, 60_000);

  it(`a filtered page that begins right after item ${TIE} (at the tie) skips an item: fails at seeds 1-3, on a short walk resumed there`, async () => {
    await failsAtSeeds({ filterSkipAfter: TIE }, /resumed after executor \d+ \(sampled\) lists "ex-\d+" at executor \d+, where the filtered walk with MaxResults 100 lists "ex-\d+", twice in a row/);
  }, 30_000);

  it(`a filtered page that begins right after item ${REFERENCE_BOUNDARY} (a page boundary of the reference) skips an item: fails at seeds 1-3, the listing missing it`, async () => {
    await failsAtSeeds({ filterSkipAfter: REFERENCE_BOUNDARY }, /executor\(s\) of the unfiltered walk never listed: "ex-\d+"/);
  }, 30_000);

  it(`a filtered page that begins right after item ${TIE} lists an executor of another state: fails at seeds 1-3, on a short walk's page`, async () => {
    await failsAtSeeds({ filterForeignAfter: TIE }, /^with ExecutorStateFilter (\w+), page [12] lists executor "ex-\d+" in state "(?!\1")\w+"$/);
  }, 30_000);

  it(`a filtered page that begins right after item ${REFERENCE_BOUNDARY} lists an executor of another state: fails at seeds 1-3, on the reference's page`, async () => {
    await failsAtSeeds({ filterForeignAfter: REFERENCE_BOUNDARY }, /^with ExecutorStateFilter (\w+), page 7 lists executor "ex-\d+" in state "(?!\1")\w+"$/);
  }, 30_000);
});
