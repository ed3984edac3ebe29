/**
 * The parents the seeded boundary cases load: one of its own per case, derived from the operation,
 * the law and the case's index, so that no two cases (of one property, of two properties, of two
 * operations on one seeding route, or of two shards of one run) wait for each other's parent, and the
 * pool spreads them over its slots. A case seeds its parent whole before it walks it and drops it
 * after, so no case reads what an earlier one left: nothing orders them. The ids are stable (a report's
 * replay commands name them) and say what they are: a session's is shaped like the UUIDs real
 * Athena issues, its last group ending in the case's index and `b0de`; a parent whose id the request
 * schema patterns (a workgroup's name) is a name that spells the operation, the law and the index.
 */
import { regExpOf } from '../../../arbitraries/index.js';
import type { OperationProfile } from '../../../profiles/index.js';

/** Digits of a case's index in the ids: a fixed width, so that no id is a prefix or an extension of another's. */
const INDEX_DIGITS = 3;

/** FNV-1a of `text`, as 8 hex digits: a stable code for a law of an operation (no other use, so no cryptography). */
function code(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) hash = Math.imul(hash ^ unit, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

function indexOf(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 10 ** INDEX_DIGITS) throw new RangeError(`a boundary case's index must be 0-${10 ** INDEX_DIGITS - 1}: ${index}`);
  return String(index).padStart(INDEX_DIGITS, '0');
}

/** Whether the profile's request schema takes `id` as a parent id. */
function fits(profile: OperationProfile, id: string): boolean {
  const { pattern, maxLength, minLength } = profile.parentFacts;
  const length = [...id].length;
  return length >= (minLength ?? 0) && length <= (maxLength ?? Infinity) && (pattern === undefined || regExpOf(pattern).test(id));
}

/**
 * The parent of boundary case `index` of `law` on the profile's operation: where the schema patterns
 * the parent's id, `boundary.ListSessions.pagination.page-size.007`; else a UUID-like
 * `b0a1d2e3-5c1f-49a0-8000-00000007b0de` (its second and third groups a code of the operation and the law).
 */
export function boundaryParent(profile: OperationProfile, law: string, index: number): string {
  const n = indexOf(index);
  const name = `boundary.${profile.operation}.${law}.${n}`;
  if (profile.parentFacts.pattern !== undefined && fits(profile, name)) return name;
  const c = code(`${profile.operation}/${law}`);
  return `b0a1d2e3-${c.slice(0, 4)}-4${c.slice(4, 7)}-8000-${n.padStart(8, '0')}b0de`;
}

/**
 * The parent whose token boundary case `index` of `errors.invalid-token` carries to its near misses
 * (`Boundary-ListExecutors-Token-007`): mixed case, so that another case is another parent, and a
 * fixed-width index, so that the near misses of one case's id are no other case's.
 */
export function tokenParent(profile: OperationProfile, index: number): string {
  return `Boundary-${profile.operation}-Token-${indexOf(index)}`;
}

/** An ASCII start of the longest parent ids of `law`, so that two laws' (or operations') longest ids are different parents. */
export function longIdTag(profile: OperationProfile, law: string): string {
  return `${code(`${profile.operation}/${law}/longest`)}-`;
}
