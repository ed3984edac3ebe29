/**
 * The bench's items: built through the operation's profile (its id member, the ordering key's and the
 * state's paths), so that a bench names no member of the operation it measures.
 */
import type { OperationProfile } from '../profiles/index.js';

/** What a bench item is: its id, its ordering key (in the profile's wire unit), its state, and the members only its operation has. */
export interface BenchItemParts {
  id: string;
  orderKey: number;
  state: string;
  /** Members the profile does not describe (an executor's type and size), set as they are. */
  rest?: Readonly<Record<string, unknown>>;
}

/** Sets `value` at `path` in `target`, making the objects on the way. */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const step of path.slice(0, -1)) {
    const next = at[step];
    at = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (at[step] = {});
  }
  at[path[path.length - 1]] = value;
}

/** One item of `profile`'s operation: the id, then the ordering key and the state at their paths, then the rest. */
export function benchItem(profile: OperationProfile, parts: BenchItemParts): Record<string, unknown> {
  const item: Record<string, unknown> = { [profile.id]: parts.id };
  setAt(item, profile.orderKey.path, parts.orderKey);
  setAt(item, profile.filter.itemPath, parts.state);
  return Object.assign(item, parts.rest);
}
