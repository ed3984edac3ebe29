/**
 * The moving target of moving-target.test.ts at concurrency 1 (one check in flight: walks of one
 * property follow each other, so brackets span less motion but the run lasts longer), seeds 1-3; and
 * the same endpoint holding still, which passes with no `moving` note and `coverage.moving` all 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectMovingPass, movingNotes, startChurningEndpoint, unpassed, verifyChurning, type ChurningEndpoint } from './helpers/churning-endpoint.js';

const open: ChurningEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

describe('a service that moves while it is read, one check at a time', () => {
  it('passes every observational law of all three operations at concurrency 1, seeds 1-3, with the moving note', async () => {
    for (const seed of [1, 2, 3]) {
      const endpoint = await startChurningEndpoint({ seed });
      open.push(endpoint);
      expectMovingPass(await verifyChurning(endpoint, seed, 1), endpoint, `seed ${seed}`);
    }
  }, 120_000);

  it('the same endpoint holding still passes with no moving note and coverage.moving all 0', async () => {
    const endpoint = await startChurningEndpoint({ still: true });
    open.push(endpoint);
    const report = await verifyChurning(endpoint, 1);
    expect(unpassed(report)).toEqual([]);
    expect(endpoint.ticks()).toBe(0);
    expect(movingNotes(report)).toEqual([]);
    expect(report.warnings.filter((w) => w.kind === 'moving')).toEqual([]);
    expect(report.coverage?.moving).toEqual({ came: 0, went: 0, changed: 0 });
  }, 60_000);
});
