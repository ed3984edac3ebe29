/**
 * The model's total order of a session's executors: newest StartDateTime first, ties broken by the
 * SHA-256 of ExecutorId, executors without StartDateTime last. A position in this order is a small,
 * fixed-size key, which is what a keyset NextToken holds.
 */
import { createHash } from 'node:crypto';
import type { ExecutorState, ExecutorsSummary } from '../generated/athena.js';

/** A place in the order: an executor's StartDateTime (undefined sorts last) and the digest of its id. */
export interface Position {
  start: number | undefined;
  digest: string;
}

/** An executor with its sort key computed once. */
export interface OrderedExecutor extends Position {
  executor: ExecutorsSummary;
}

/** The SHA-256 of an ExecutorId, base64url: a tie-breaker of fixed size whatever the id's length. */
export function executorDigest(executorId: string): string {
  return createHash('sha256').update(executorId).digest('base64url');
}

/** Negative when `a` comes first: newer first, undefined StartDateTime last, then by digest. */
export function comparePositions(a: Position, b: Position): number {
  if (a.start !== b.start) {
    if (a.start === undefined) return 1;
    if (b.start === undefined) return -1;
    return b.start - a.start;
  }
  return a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0;
}

function keyOf(executor: ExecutorsSummary): OrderedExecutor {
  const start = typeof executor.StartDateTime === 'number' ? executor.StartDateTime : undefined;
  return { executor, start, digest: executorDigest(String(executor.ExecutorId)) };
}

/*
 * Memoized by array identity so that a session seeded once is sorted once, and filtered once per
 * state, however many pages are read from it. Pure all the same: the store's arrays are readonly, and
 * a changed session is a new array (so a new view).
 */
const sorted = new WeakMap<readonly ExecutorsSummary[], readonly OrderedExecutor[]>();
const filtered = new WeakMap<readonly OrderedExecutor[], Map<ExecutorState, readonly OrderedExecutor[]>>();

/** The executors in the order ListExecutors pages through them, with their keys (filterView narrows it to one state). */
export function orderedView(executors: readonly ExecutorsSummary[]): readonly OrderedExecutor[] {
  let view = sorted.get(executors);
  // Stryker disable next-line ConditionalExpression: memo: sorting the same readonly array again gives the same view
  if (!view) {
    view = executors.map(keyOf).sort(comparePositions);
    sorted.set(executors, view);
  }
  return view;
}

/** The executors of `view` in state `filter`, in the view's order (all of them when there is no filter). */
export function filterView(view: readonly OrderedExecutor[], filter: ExecutorState | undefined): readonly OrderedExecutor[] {
  if (filter === undefined) return view;
  const byState = filtered.get(view) ?? new Map<ExecutorState, readonly OrderedExecutor[]>();
  filtered.set(view, byState);
  let kept = byState.get(filter);
  // Stryker disable next-line ConditionalExpression: memo: filtering the same readonly view again keeps the same executors
  if (!kept) {
    kept = view.filter((e) => e.executor.ExecutorState === filter);
    byState.set(filter, kept);
  }
  return kept;
}

/** The model's total order of executors: what listExecutors pages through, newest first. */
export function orderExecutors(executors: readonly ExecutorsSummary[]): ExecutorsSummary[] {
  return orderedView(executors).map((e) => e.executor);
}

/** The index of the first executor strictly after `position` (binary search: the view is sorted). */
export function indexAfter(view: readonly OrderedExecutor[], position: Position): number {
  let lo = 0;
  let hi = view.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePositions(view[mid], position) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
