/**
 * Noticing that a parent moves while a run reads it: each complete unfiltered walk of a parent in
 * observational mode is set against the last one of the same operation, parent and page size in the
 * run, and the items that came, went or changed state are counted, each change once per run (by the
 * walk that first sees it), so that the report can say which conclusions were limited. Only walks of
 * the same page size are set side by side: a target that lists differently by page size is at fault
 * (the laws judge it), not moving. Seeded parents are left out: the harness itself reloads them.
 */
import type { OperationProfile } from '../../profiles/index.js';
import type { WalkBounds } from './context.js';
import { snapshotOf, type Snapshot } from './scaffold/bracket.js';

/** Items that came, went and changed state: distinct changes, each first seen by the walk that counts it. */
export interface Moved {
  came: number;
  went: number;
  changed: number;
}

/** What a run remembers: the last complete unfiltered walk of each operation, parent and page size, and the changes already counted. */
interface RunMemory {
  last: Map<string, Snapshot>;
  counted: Set<string>;
}

/** Per run (the runner hands one WalkBounds to every check of a run). */
const byRun = new WeakMap<WalkBounds, RunMemory>();

/**
 * Sets the items of a complete unfiltered walk of `parent` with page size `pageSize` against the
 * last such walk of the run, remembers this one instead, and returns the changes not counted before.
 */
export function noticeMoves(bounds: WalkBounds, profile: OperationProfile, parent: string, pageSize: number | undefined, items: readonly Record<string, unknown>[]): Moved {
  let run = byRun.get(bounds);
  if (!run) byRun.set(bounds, (run = { last: new Map(), counted: new Set() }));
  const where = JSON.stringify([profile.operation, parent]);
  const key = `${where}/${pageSize ?? 'absent'}`;
  const now = snapshotOf(profile, items);
  const before = run.last.get(key);
  run.last.set(key, now);
  const moved: Moved = { came: 0, went: 0, changed: 0 };
  if (!before) return moved;
  const count = (what: keyof Moved, change: string) => {
    const id = `${where}/${what}/${change}`;
    if (run.counted.has(id)) return;
    run.counted.add(id);
    moved[what]++;
  };
  for (const [id, seen] of now) {
    const was = before.get(id);
    if (!was) count('came', id);
    else if (was.state !== seen.state) count('changed', JSON.stringify([id, seen.state]));
  }
  for (const id of before.keys()) if (!now.has(id)) count('went', id);
  return moved;
}
