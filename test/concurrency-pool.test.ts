/**
 * The pieces runs in flight at once share: slots (first come, first served, with a time limit), locks
 * on the sessions a seeded run loads (never two holders of one id), the session ids a scenario names,
 * and listeners that hear properties in catalogue order whatever order they end in.
 */
import { describe, expect, it } from 'vitest';
import { SessionLocks, Slots, sessionIdsOf } from '../src/contract/engine/pool.js';
import { inCatalogueOrder } from '../src/contract/engine/run-listeners.js';
import type { PropertyReport, RunListener } from '../src/common/results.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('pool', () => {
  it('slots: at most size holders, waiters served in order, a waiter gives up at its limit', async () => {
    const slots = new Slots(2);
    expect(await slots.acquire()).toBe(true);
    expect(await slots.acquire()).toBe(true);
    const order: number[] = [];
    const first = slots.acquire().then((ok) => order.push(ok ? 1 : -1));
    const second = slots.acquire().then((ok) => order.push(ok ? 2 : -2));
    expect(await slots.acquire(performance.now() + 10)).toBe(false);
    slots.release();
    slots.release();
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2]);
  });

  it('session locks: a run waits for another holding any of its ids, and never holds while waiting', async () => {
    const locks = new SessionLocks();
    const inside = new Set<string>();
    const clashes: string[] = [];
    const run = async (ids: string[]) => {
      const release = await locks.acquire(ids);
      for (const id of ids) if (inside.has(id)) clashes.push(id);
      ids.forEach((id) => inside.add(id));
      await tick();
      ids.forEach((id) => inside.delete(id));
      release();
    };
    await Promise.all([run(['a', 'b']), run(['b', 'c']), run(['c', 'a']), run(['d']), run(['a'])]);
    expect(clashes).toEqual([]);
  });

  it("sessionIdsOf: every sessionId member at any depth, once each; not the wire's SessionId (a listed session's, a request's)", () => {
    const scenario = { mode: 'seeded', sessionId: 's1', session: { sessionId: 's2', population: [{ SessionId: 's4' }] }, other: [{ sessionId: 's1' }], SessionId: 's3', pick: 2 };
    expect(sessionIdsOf(scenario).sort()).toEqual(['s1', 's2']);
    expect(sessionIdsOf({ pick: 1 })).toEqual([]);
  });

  it('inCatalogueOrder: a later property that ends first is heard after the earlier ones', () => {
    const heard: string[] = [];
    const listener: Required<RunListener> = {
      propertyStart: (id) => heard.push(`start ${id}`),
      runDone: (id, n) => heard.push(`run ${id} ${n}`),
      propertyEnd: (r) => heard.push(`end ${r.id}`),
    };
    const ordered = inCatalogueOrder(listener, 3);
    const [a, b, c] = [0, 1, 2].map((i) => ordered.for(i));
    const end = (id: string) => ({ id }) as PropertyReport;
    a.propertyStart('a', 0, 3);
    b.propertyStart('b', 1, 3);
    c.propertyStart('c', 2, 3);
    c.runDone('c', 1, 1);
    c.propertyEnd(end('c'));
    b.runDone('b', 1, 1);
    expect(heard).toEqual(['start a']);
    a.runDone('a', 1, 1);
    a.propertyEnd(end('a'));
    expect(heard).toEqual(['start a', 'run a 1', 'end a', 'start b', 'run b 1']);
    b.propertyEnd(end('b'));
    expect(heard).toEqual(['start a', 'run a 1', 'end a', 'start b', 'run b 1', 'end b', 'start c', 'run c 1', 'end c']);
  });
});
