/**
 * What the round-trip bench section reads and what it measures the pool by: the physical limit of a
 * run (its calls `concurrency` at a time, or its longest chain of calls, at 40 ms a call), and the
 * pool's rule that a run waiting for a session another run holds does so without a slot, so that an
 * independent run takes the slot meanwhile; sessions of two seeding routes that share an id are
 * locked apart.
 */
import { describe, expect, it } from 'vitest';
import { physicalLimitMs } from '../src/bench/round-trip.js';
import type { PropertyReport } from '../src/common/results.js';
import { createPool, lockKeysOf, slotAndLocks } from '../src/contract/engine/pool.js';
import { within } from './helpers/wait.js';

/** A property report with `calls` exchanges whose longest walk had `longest` pages. */
function reported(calls: number, longest: number): PropertyReport {
  return { latency: { calls, meanMs: 40, p95Ms: 40 }, coverage: { walks: { total: 1, multiPage: 1, longest, complete: 1 } } } as PropertyReport;
}

describe('the round-trip bench', () => {
  it('the limit is the calls, concurrency at a time, or the longest chain, whichever is longer', () => {
    // 800 calls 8 at a time: 100 round trips; the longest walk 30 pages: the calls bound it.
    expect(physicalLimitMs({ mode: 'observational', properties: [reported(500, 30), reported(300, 12)] }, 8)).toEqual({ limitMs: 4000, calls: 800, chain: 30 });
    // A walk of 230 pages one after another outlasts 400 calls 8 at a time (50 round trips).
    expect(physicalLimitMs({ mode: 'observational', properties: [reported(400, 230)] }, 8)).toEqual({ limitMs: 230 * 40, calls: 400, chain: 230 });
    // Seeded: the seeding call comes before the walk.
    expect(physicalLimitMs({ mode: 'seeded', properties: [reported(10, 120)] }, 8).chain).toBe(121);
  });
});

describe('the pool: no slot held while waiting for a session', () => {
  it('a run whose session another run holds gives its slot back: an independent run takes it meanwhile', async () => {
    const pool = createPool(2, true);
    const shared = lockKeysOf({ sessionId: 's' }, 'sessions');
    const first = await slotAndLocks(pool, shared, Infinity);
    expect(first).toBeDefined();
    // The second run on the same session takes the other slot, finds the session held, and gives the slot back.
    const second = slotAndLocks(pool, shared, Infinity);
    await new Promise((resolve) => setImmediate(resolve));
    // So a third, independent run gets that slot while the first still holds its session.
    const third = await within(slotAndLocks(pool, lockKeysOf({ sessionId: 't' }, 'sessions'), Infinity), 'the independent run');
    expect(third).toBeDefined();
    first!();
    const freed = await within(second, 'the run on the shared session, once it is free');
    expect(freed).toBeDefined();
    third!();
    freed!();
  });

  it('runs of one session take it in the order they were started (as a replay’s cassettes hold them)', async () => {
    const pool = createPool(3, true);
    const keys = lockKeysOf({ sessionId: 's' }, 'sessions');
    const first = await slotAndLocks(pool, keys, Infinity);
    const order: string[] = [];
    const second = slotAndLocks(pool, keys, Infinity).then((free) => (order.push('second'), free));
    const third = slotAndLocks(pool, keys, Infinity).then((free) => (order.push('third'), free));
    await new Promise((resolve) => setImmediate(resolve));
    first!();
    (await within(second, 'the second run'))!();
    (await within(third, 'the third run'))!();
    expect(order).toEqual(['second', 'third']);
  });

  it('waiting for a session that stays held ends at the deadline, with no slot kept', async () => {
    const pool = createPool(2, true);
    const keys = lockKeysOf({ sessionId: 's' }, 'sessions');
    const held = await slotAndLocks(pool, keys, Infinity);
    const late = await slotAndLocks(pool, keys, performance.now() + 20);
    expect(late).toBeUndefined();
    // Both slots but the holder's are free: another run gets one at once.
    expect(await pool.slots.acquire(performance.now())).toBe(true);
    held!();
  });

  it('one id under two seeding routes is two locks (a workgroup and a session are different parents)', async () => {
    expect(lockKeysOf({ sessionId: 'x', population: [{ SessionId: 'y' }] }, 'workgroups').sort()).toEqual(['workgroups/x']);
    const pool = createPool(2, true);
    const session = await slotAndLocks(pool, lockKeysOf({ sessionId: 'x' }, 'sessions'), Infinity);
    const workgroup = await within(slotAndLocks(pool, lockKeysOf({ sessionId: 'x' }, 'workgroups'), Infinity), 'the workgroup of the same name');
    expect(workgroup).toBeDefined();
    session!();
    workgroup!();
  });
});
