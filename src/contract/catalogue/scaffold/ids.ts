/**
 * ExecutorIds as set members: how a listed executor is keyed, and what one set of ids lacks or holds
 * beyond another (the missing and extra executors of the pagination and filter laws).
 */
import type { ExecutorsSummary } from '../../../generated/athena.js';

/** An executor's ExecutorId as a string key (a non-string id rendered with JSON, so it still keys). */
export function idOf(e: Record<string, unknown> | ExecutorsSummary): string {
  const id = (e as { ExecutorId?: unknown }).ExecutorId;
  return typeof id === 'string' ? id : JSON.stringify(id);
}

/** How a listed set of ids departs from the expected one, each list in its set's order. */
export interface IdDifference {
  /** Expected, never listed. */
  missing: string[];
  /** Listed, never expected. */
  extra: string[];
}

/** What `listed` lacks of `expected` and holds beyond it; undefined when the two hold the same ids. */
export function idDifference(expected: ReadonlySet<string>, listed: ReadonlySet<string>): IdDifference | undefined {
  const missing = [...expected].filter((id) => !listed.has(id));
  const extra = [...listed].filter((id) => !expected.has(id));
  return missing.length || extra.length ? { missing, extra } : undefined;
}
