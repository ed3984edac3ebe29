/**
 * The pool's scenarios drawn lazily: the same scenarios, in the same order, as fast-check's own run
 * (so a seed's verdict and replay path do not depend on the concurrency), and never more than one
 * ahead of what the pool asked for (so `--runs 100000` costs nothing up front).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/contract/catalogue/index.js';
import { streamScenarios, type ScenarioStream } from '../src/contract/engine/scenario-stream.js';

/** What fast-check's synchronous run checks, in order: the reference the stream must match. */
function checked(arbitrary: fc.Arbitrary<unknown>, options: fc.Parameters<[unknown]>): unknown[] {
  const seen: unknown[] = [];
  fc.check(fc.property(arbitrary, (s) => void seen.push(s)), options);
  return seen;
}

async function drain(stream: ScenarioStream): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let next = await stream.next(); next !== undefined; next = await stream.next()) out.push(next.scenario);
  return out;
}

describe('streamScenarios', () => {
  it.each(catalogue.map((p) => p.id))('draws what fast-check checks, examples first, for %s', async (id) => {
    const property = catalogue.find((p) => p.id === id)!;
    const arbitrary = property.scenario({ mode: 'seeded', sessions: [] }) as fc.Arbitrary<unknown>;
    const examples = checked(arbitrary, { seed: 7, numRuns: 2 }).map((s) => [s] as [unknown]);
    const options = { seed: 99, numRuns: 12, examples };
    expect(await drain(streamScenarios(arbitrary, options))).toEqual(checked(arbitrary, options));
  });

  it('draws at most one scenario ahead of those taken, and none after close', async () => {
    let drawn = 0;
    const counted = fc.integer().map((n) => (drawn++, n));
    const stream = streamScenarios(counted, { seed: 1, numRuns: 1_000_000 });
    for (let i = 0; i < 3; i++) expect(await stream.next()).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drawn).toBeLessThanOrEqual(4);
    stream.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drawn).toBeLessThanOrEqual(5);
    expect(await stream.next()).toBeUndefined();
  });

  it('ends after the last run', async () => {
    const stream = streamScenarios(fc.constant('x'), { seed: 1, numRuns: 2 });
    expect(await drain(stream)).toEqual(['x', 'x']);
    expect(await stream.next()).toBeUndefined();
  });
});
