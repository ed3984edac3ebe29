/**
 * The agreement rule of a sampled walk's short walks with their reference (segment-agreement.ts),
 * read on data: ties in another order pass (their order is undocumented), a skipped, repeated or
 * foreign item fails where it departs, a short walk that ends early fails only when it claims the end;
 * on a parent that moved, only items that held still bind. And `coverage.sampled` sums in a merge.
 */
import { describe, expect, it } from 'vitest';
import { judgeSegment, segmentDifference } from '../src/contract/catalogue/segment-agreement.js';
import type { Segment } from '../src/contract/catalogue/sampled-walk.js';
import type { Walk } from '../src/contract/catalogue/walk.js';
import { mergeCoverage } from '../src/contract/coverage/index.js';
import { emptyCoverage } from '../src/contract/coverage/index.js';
import { LIST_EXECUTORS } from '../src/profiles/index.js';

const P = LIST_EXECUTORS;
const ex = (id: string, key: number, state = 'TERMINATED') => ({ ExecutorId: id, StartDateTime: key, ExecutorState: state });
/** a..h newest first; c and d share a key. */
const REF = [ex('a', 9), ex('b', 8), ex('c', 7), ex('d', 7), ex('e', 6), ex('f', 5), ex('g', 4), ex('h', 3)];
const pick = (...ids: string[]) => ids.map((id) => REF.find((e) => e.ExecutorId === id) ?? ex(id, 1));

describe('segmentDifference', () => {
  it('passes the same items in the same order, and tied items in either order', () => {
    expect(segmentDifference(P, REF, 1, pick('b', 'c', 'd', 'e'), false)).toBeUndefined();
    expect(segmentDifference(P, REF, 1, pick('b', 'd', 'c', 'e'), false)).toBeUndefined();
    expect(segmentDifference(P, REF, 5, pick('f', 'g', 'h'), true)).toBeUndefined();
  });

  it('fails a skipped item, a repeated one out of place and a foreign one, where it departs', () => {
    expect(segmentDifference(P, REF, 1, pick('b', 'e', 'f'), false)).toEqual({ index: 2, listed: 'e', expected: 'c' });
    expect(segmentDifference(P, REF, 4, pick('e', 'e', 'f'), false)).toEqual({ index: 5, listed: 'e', expected: 'f' });
    expect(segmentDifference(P, REF, 4, pick('e', 'zz'), false)).toEqual({ index: 5, listed: 'zz', expected: 'f' });
    expect(segmentDifference(P, REF, 7, pick('h', 'zz'), true)).toEqual({ index: 8, listed: 'zz' });
  });

  it('fails a short walk that ends before the reference does only when it reached the end', () => {
    expect(segmentDifference(P, REF, 5, pick('f', 'g'), false)).toBeUndefined();
    expect(segmentDifference(P, REF, 5, pick('f', 'g'), true)).toEqual({ index: 7, expected: 'h' });
  });
});

/** A segment whose walk (and every walk again) lists `items` as one complete page. */
function segmentListing(at: number, ...listings: Record<string, unknown>[][]): Segment {
  const walkOf = (items: Record<string, unknown>[]): Walk => ({ pages: [{ call: { input: {}, status: 200 }, request: {}, items }], outcome: { kind: 'complete' }, tokens: [], profile: P });
  let n = 0;
  return { at, limit: 4, pageSize: 1, walk: walkOf(listings[0]), again: async () => walkOf(listings[Math.min(++n, listings.length - 1)]) };
}

describe('judgeSegment', () => {
  it('on a still parent, a difference shown twice counts', async () => {
    const judged = await judgeSegment(P, segmentListing(5, pick('f', 'h')), REF, async () => REF);
    expect(judged).toEqual({ difference: { index: 6, listed: 'h', expected: 'g' }, still: true });
  });

  it('a difference the second walk does not show again does not count', async () => {
    const judged = await judgeSegment(P, segmentListing(5, pick('f', 'h'), pick('f', 'g', 'h')), REF, async () => REF);
    expect(judged.difference).toBeUndefined();
  });

  it('on a moving parent, an item that went between the references proves nothing; one that held still binds', async () => {
    // g went between the references: a short walk without it agrees with what held still.
    const after = REF.filter((e) => e.ExecutorId !== 'g');
    expect((await judgeSegment(P, segmentListing(5, pick('f', 'h')), REF, async () => after)).difference).toBeUndefined();
    // f held still: a short walk that skips it fails, twice in a row (the second bracket, nothing moving, exactly).
    const judged = await judgeSegment(P, segmentListing(5, pick('h')), REF, async () => after);
    expect(judged.difference).toMatchObject({ listed: 'h', expected: 'f' });
  });
});

it('coverage.sampled sums in a merge, and stays absent where nothing was sampled', () => {
  const a = { ...emptyCoverage(P), sampled: { walks: 2, boundaries: 30 } };
  const b = { ...emptyCoverage(P), sampled: { walks: 1, boundaries: 12 } };
  expect(mergeCoverage([a, b, emptyCoverage(P)], P).sampled).toEqual({ walks: 3, boundaries: 42 });
  expect(mergeCoverage([emptyCoverage(P)], P).sampled).toBeUndefined();
});
