/**
 * The reference walk of an observational run (src/contract/catalogue/sampled-walk.ts
 * `sharedReference`): walked once per property, parent and filter, however many of the property's
 * checks run side by side in the pool, and remembered per property, so that the calls a property makes
 * are the same whatever the concurrency and whichever properties run beside it (a property's cassette
 * replays alone). Against test/helpers/deep-endpoint.ts holding 2,000 executors (sampled at every page
 * size below 100), every request body logged as the endpoint receives it; its tokens are deterministic
 * (a signature of parent, filter, page size and last item), so bodies compare whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../src/contract/run-contract.js';
import { LIST_EXECUTORS } from '../src/profiles/index.js';
import { deepExecutors, startDeepEndpoint, type DeepEndpoint } from './helpers/deep-endpoint.js';
import { inProcessTarget } from './helpers/in-process-target.js';

const PARENT = 'sess-shared';
const ITEMS = deepExecutors(2000);
const SEED = 1;
const LAW = 'ordering.newest-first';
const BESIDE = 'pagination.page-size';

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

type Body = Record<string, unknown>;

/** Runs `only` observationally at `concurrency` against a fresh correct endpoint; every list request's body, as received, and the verdicts. */
async function logged(only: string[], concurrency: number): Promise<{ bodies: Body[]; verdicts: string[] }> {
  const endpoint = await startDeepEndpoint(LIST_EXECUTORS, PARENT, ITEMS);
  open.push(endpoint);
  const bodies: Body[] = [];
  const target = inProcessTarget({
    url: endpoint.url,
    send: (request) => {
      bodies.push(JSON.parse(request.body) as Body);
      return endpoint.send(request);
    },
  });
  try {
    const report = await runContract({ target, mode: 'observational', profile: LIST_EXECUTORS, sessions: [PARENT], seed: SEED, runs: 8, only, concurrency, deadlineMs: 120_000, shrinkBudgetMs: 1 });
    return { bodies, verdicts: report.properties.map((p) => `${p.id}: ${p.status}${p.counterexample ? ` ${p.counterexample.message}` : ''}`) };
  } finally {
    await target.close();
  }
}

/** Reference walks begun: requests at MaxResults 100 with no NextToken, per filter ('-': none). */
function referenceStarts(bodies: readonly Body[]): Record<string, number> {
  const starts: Record<string, number> = {};
  for (const b of bodies) {
    if (b.MaxResults !== 100 || b.NextToken !== undefined) continue;
    const filter = typeof b.ExecutorStateFilter === 'string' ? b.ExecutorStateFilter : '-';
    starts[filter] = (starts[filter] ?? 0) + 1;
  }
  return starts;
}

/** The requests as a sorted list of canonical bodies (members in name order): a multiset, whatever order the pool sent them in. */
function multiset(bodies: readonly Body[]): string[] {
  return bodies.map((b) => JSON.stringify(Object.fromEntries(Object.entries(b).sort(([x], [y]) => x.localeCompare(y))))).sort();
}

describe(`${LAW} observationally over 2,000 executors, seed ${SEED}`, () => {
  it('at concurrency 8, each filter\'s reference walk is begun once, as at concurrency 1, and the property makes the same requests', async () => {
    const one = await logged([LAW], 1);
    const eight = await logged([LAW], 8);
    expect(one.verdicts).toEqual([`${LAW}: passed`]);
    expect(eight.verdicts).toEqual([`${LAW}: passed`]);
    const starts = referenceStarts(eight.bodies);
    // The unfiltered reference and at least one filtered one: the draws walk more than one listing.
    expect(starts['-']).toBe(1);
    expect(Object.keys(starts).length).toBeGreaterThan(1);
    expect(starts).toEqual(Object.fromEntries(Object.keys(starts).map((f) => [f, 1])));
    expect(referenceStarts(one.bodies)).toEqual(starts);
    expect(multiset(eight.bodies)).toEqual(multiset(one.bodies));
  }, 30_000);

  it(`beside ${BESIDE} at concurrency 8, each property walks its own references: the requests are those of each run alone`, async () => {
    const law = await logged([LAW], 1);
    const beside = await logged([BESIDE], 1);
    const both = await logged([BESIDE, LAW], 8);
    expect(both.verdicts).toEqual([`${BESIDE}: passed`, `${LAW}: passed`]);
    expect(referenceStarts(both.bodies)['-']).toBe(2);
    expect(multiset(both.bodies)).toEqual(multiset([...law.bodies, ...beside.bodies]));
  }, 30_000);
});
