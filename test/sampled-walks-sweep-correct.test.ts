/**
 * The boundary sweep of observational pagination.exactly-once over a correct parent of 5,000 executors
 * (test/helpers/deep-endpoint.ts): it passes at seed 1 with every one of its 4,999 page boundaries
 * tested, at about n + 100 calls for the sweep (seeds 2 and 3: sampled-walks-sweep-seed-2/-3.test.ts, so
 * that each file stays short); under a call budget that cannot pay for the sweep, the coverage shows
 * the boundaries it left untested, and so does a warning. The faults: sampled-walks-sweep.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeepEndpoint } from './helpers/deep-endpoint.js';
import { DEEP_ITEMS, DEEP_PARENT, expectSwept, runCorrect } from './helpers/deep-sweep.js';

const open: DeepEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

describe('the boundary sweep over a correct 5,000-executor parent', () => {
  it('passes at seed 1 with every page boundary tested', () => expectSwept(open, 1), 60_000);

  it('a call budget that cannot pay for the sweep: the coverage and a warning show the boundaries left untested', async () => {
    const { report } = await runCorrect(open, 1, { maxCalls: 1500 });
    const p = report.properties[0];
    expect(p.status).toBe('passed');
    const swept = p.coverage?.sweep?.[DEEP_PARENT];
    expect(swept?.listed).toBe(DEEP_ITEMS);
    expect(swept?.tested).toBeGreaterThan(0);
    expect(swept?.tested).toBeLessThan(DEEP_ITEMS - 1);
    expect(p.warnings.map((w) => w.kind)).toContain('budget');
    expect(p.warnings.filter((w) => w.kind === 'untested').map((w) => w.message)).toEqual([
      `page boundaries untested: the boundary sweep tested ${swept?.tested} of the ${DEEP_ITEMS - 1} page boundaries of ${DEEP_PARENT} (the call budget or the deadline stopped it)`,
    ]);
  }, 60_000);
});
