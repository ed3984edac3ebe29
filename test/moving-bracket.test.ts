/**
 * The bracket rule of scaffold/bracket.ts on its own: when nothing moved between the reference walks
 * the comparison is exact; when something did, an item that held still binds the compared walk, one
 * that came, went or changed state proves nothing, and one neither reference lists that is older than
 * an item that held still is extra. And the run's change count (catalogue/moving.ts): walks of the
 * same page size only, each change once per run.
 */
import { describe, expect, it } from 'vitest';
import { bracketDifference, snapshotOf } from '../src/contract/catalogue/scaffold/index.js';
import { noticeMoves } from '../src/contract/catalogue/moving.js';
import { LIST_EXECUTORS, LIST_SESSIONS } from '../src/profiles/index.js';

const P = LIST_EXECUTORS;
/** An executor: id, StartDateTime in epoch millis, state. */
const ex = (id: string, at: number, state = 'REGISTERED') => ({ ExecutorId: id, StartDateTime: at, ExecutorState: state });
const snap = (...items: ReturnType<typeof ex>[]) => snapshotOf(P, items);
const all = () => true;

describe('a walk compared across time binds only what held still between its references', () => {
  const before = snap(ex('c', 3000), ex('b', 2000), ex('a', 1000));

  it('nothing moved: exactly the references set, either way', () => {
    expect(bracketDifference(before, before, snap(ex('c', 3000), ex('b', 2000), ex('a', 1000)), all)).toBeUndefined();
    expect(bracketDifference(before, before, snap(ex('c', 3000), ex('a', 1000)), all)).toEqual({ missing: ['b'], extra: [] });
    // A newest item that neither still reference lists is extra too: nothing moved, so nothing came.
    expect(bracketDifference(before, before, snap(ex('d', 4000), ex('c', 3000), ex('b', 2000), ex('a', 1000)), all)).toEqual({ missing: [], extra: ['d'] });
  });

  it('something moved: an item that held still and is left out is missing', () => {
    const after = snap(ex('d', 4000), ex('c', 3000), ex('b', 2000), ex('a', 1000));
    expect(bracketDifference(before, after, snap(ex('d', 4000), ex('c', 3000), ex('a', 1000)), all)).toEqual({ missing: ['b'], extra: [] });
  });

  it('an item that came, went or changed state between the references proves nothing either way', () => {
    const after = snap(ex('e', 5000), ex('c', 3000, 'TERMINATED'), ex('b', 2000));
    // d came and went, e came (listed or not), c changed state (left out), a went (listed).
    expect(bracketDifference(before, after, snap(ex('d', 4000), ex('b', 2000), ex('a', 1000)), all)).toBeUndefined();
    // Only b held still, in REGISTERED: a filter on REGISTERED must list it, one on TERMINATED need not.
    const registered = (s: { state: string | undefined }) => s.state === JSON.stringify('REGISTERED');
    expect(bracketDifference(before, after, snap(ex('e', 5000)), registered)).toEqual({ missing: ['b'], extra: [] });
    expect(bracketDifference(before, after, snap(), (s) => s.state === JSON.stringify('TERMINATED'))).toBeUndefined();
  });

  it('an item neither reference lists, older than one that held still, is extra; a newer one is not', () => {
    const after = snap(ex('d', 4000), ex('c', 3000), ex('b', 2000), ex('a', 1000));
    expect(bracketDifference(before, after, snap(ex('d', 4000), ex('c', 3000), ex('b', 2000), ex('x', 2500), ex('a', 1000)), all)).toEqual({ missing: [], extra: ['x'] });
    expect(bracketDifference(before, after, snap(ex('y', 4500), ex('d', 4000), ex('c', 3000), ex('b', 2000), ex('a', 1000)), all)).toBeUndefined();
  });
});

describe('the run notices change between complete unfiltered walks of one parent and page size', () => {
  it('counts what came, went and changed state once per run, and not across page sizes', () => {
    const bounds = { maxPages: 10, maxWalkMs: 1000 };
    expect(noticeMoves(bounds, P, 's', 1, [ex('b', 2000), ex('a', 1000)])).toEqual({ came: 0, went: 0, changed: 0 });
    // Another page size listing less is not motion (the laws judge such a target).
    expect(noticeMoves(bounds, P, 's', 100, [ex('b', 2000)])).toEqual({ came: 0, went: 0, changed: 0 });
    expect(noticeMoves(bounds, P, 's', 1, [ex('c', 3000), ex('b', 2000, 'TERMINATED')])).toEqual({ came: 1, went: 1, changed: 1 });
    // Seen again by another walk: already counted.
    expect(noticeMoves(bounds, P, 's', 100, [ex('c', 3000), ex('b', 2000, 'TERMINATED')])).toEqual({ came: 0, went: 0, changed: 0 });
    // Another operation's parent of the same name is another parent.
    expect(noticeMoves(bounds, LIST_SESSIONS, 's', 1, [{ SessionId: 'z' }])).toEqual({ came: 0, went: 0, changed: 0 });
  });
});
