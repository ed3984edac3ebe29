/**
 * The pieces of the catalogue the family's readings rest on, without an endpoint: what an unfiltered
 * ListSessions walk must list under either reading (and what it may not leave out), and populations
 * of the new operations holding edge items and timestamps a millisecond clock can store.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemPopulation } from '../src/arbitraries/index.js';
import { mustList } from '../src/contract/catalogue/scaffold/index.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, itemId, validateFor } from '../src/profiles/index.js';

const session = (id: string, state?: string) => ({ SessionId: id, Status: { StartDateTime: 1_701_234_567.891, ...(state ? { State: state } : {}) } });
const POPULATION = [session('a', 'IDLE'), session('b', 'IDLE'), session('c', 'TERMINATED'), session('d', 'FAILED'), session('e'), session('f', 'BUSY')];
const ids = (...xs: string[]) => new Set(xs);

describe('mustList: what an unfiltered walk must list', () => {
  it('every item, for a profile without the active-only reading', () => {
    const executors = [{ ExecutorId: '' }, { ExecutorId: 'x' }];
    expect([...mustList(LIST_EXECUTORS, executors, ids('x')).expected]).toEqual(['', 'x']);
  });

  it('the active sessions when no other state is listed: one without a state is in no state', () => {
    expect(mustList(LIST_SESSIONS, POPULATION, ids('a', 'b', 'f')).expected).toEqual(ids('a', 'b', 'f'));
  });

  it('every session in a state one listed session is in: some TERMINATED listed means all of them', () => {
    expect(mustList(LIST_SESSIONS, POPULATION, ids('a', 'b', 'c', 'f')).expected).toEqual(ids('a', 'b', 'c', 'f'));
  });

  it('every session once one without a state is listed (the reading that lists every session)', () => {
    expect(mustList(LIST_SESSIONS, POPULATION, ids('e')).expected).toEqual(ids('a', 'b', 'c', 'd', 'e', 'f'));
  });

  it('an IDLE session left out beside a listed one is still expected: inconsistency is a loss', () => {
    const { expected, reading } = mustList(LIST_SESSIONS, POPULATION, ids('a', 'f'));
    expect(expected.has('b')).toBe(true);
    expect(reading).toMatch(/active-only/);
  });
});

describe('populations of the new operations', () => {
  it.each([LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS])('$operation: valid items, edge items among them, every timestamp at millisecond precision within 2023..2028', (profile) => {
    const items = fc.sample(itemPopulation(profile, { minSize: 10, maxSize: 30 }), { seed: 3, numRuns: 40 }).flat();
    for (const e of items) expect(validateFor(profile, 'item', e)).toEqual({ ok: true });
    const times: number[] = [];
    JSON.stringify(items, (k, v: unknown) => (k.endsWith('DateTime') && typeof v === 'number' ? (times.push(v), v) : v));
    expect(times.length).toBeGreaterThan(items.length);
    for (const t of times) {
      expect(Math.round(t * 1000) / 1000).toBe(t);
      expect(t).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1) / 1000);
      expect(t).toBeLessThanOrEqual(Date.UTC(2028, 0, 1) / 1000);
    }
    // Edge items: without Status at all, and with the longest id the schema allows.
    expect(items.some((e) => !('Status' in e))).toBe(true);
    const max = profile === LIST_SESSIONS ? 256 : 36;
    expect(items.some((e) => [...itemId(profile, e)].length === max || itemId(profile, e).length === max)).toBe(true);
  });
});
