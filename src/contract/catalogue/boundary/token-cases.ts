/**
 * The boundary cases of `errors.invalid-token`: parents whose ids are near misses of one another (a
 * prefix, an extension, another case, a trailing space), the ways of changing an issued token
 * (truncated, extended, its last character changed, its last part such as a signature shortened),
 * tokens no server issued, and the filters a filtered walk's token may be carried to.
 */
import type { OperationProfile } from '../../../profiles/index.js';

/** Ids a server comparing parent ids loosely would take for `id` (a case's parents.ts tokenParent): each a distinct parent. */
export function nearSessionIds(id: string): string[] {
  return [id.slice(0, -1), `${id}0`, id.toLowerCase() === id ? id.toUpperCase() : id.toLowerCase(), `${id} `];
}

/** How an issued token is changed before it is sent again. */
export type Tamper = { op: 'flip'; at: number } | { op: 'truncate' } | { op: 'append' } | { op: 'shorten' };

/** Characters {@link tamperToken}'s `shorten` takes off the token's last part. */
const SHORTENED_BY = 4;

/**
 * `token` changed by `t`: `flip` replaces the character at `at` (modulo the length, so -1 is the
 * last); `truncate` keeps the first half; `append` adds two characters; `shorten` takes characters off
 * the part after the last `.` (a signature, in the common `payload.signature` shape), or off the end.
 */
export function tamperToken(token: string, t: Tamper): string {
  if (t.op === 'truncate') return token.slice(0, Math.max(1, Math.floor(token.length / 2)));
  if (t.op === 'append') return `${token}AA`;
  if (t.op === 'shorten') {
    const dot = token.lastIndexOf('.');
    const part = token.slice(dot + 1);
    return token.slice(0, dot + 1) + part.slice(0, Math.max(1, part.length - SHORTENED_BY));
  }
  const i = ((t.at % token.length) + token.length) % token.length;
  const replacement = token[i] === 'A' ? 'B' : 'A';
  return token.slice(0, i) + replacement + token.slice(i + 1);
}

/** Every change of an issued token the boundary tries. */
export const BOUNDARY_TAMPERS: readonly Tamper[] = [{ op: 'truncate' }, { op: 'append' }, { op: 'flip', at: -1 }, { op: 'flip', at: 0 }, { op: 'shorten' }];

/** The longest token the request schema allows (2048 characters where it sets no bound): one no server issued. */
export function longestToken(profile: OperationProfile): string {
  return 'A'.repeat(Number.isFinite(profile.tokenMax) ? profile.tokenMax : 2048);
}

/** Tokens no server issued, shortest first (a failing case is reported as it is): a two-part shape with nonsense in it, base64 of an offset, a UUID, the longest allowed. */
export function boundaryGarbage(profile: OperationProfile): string[] {
  return ['AAAAAAAA.BBBBBBBB', 'eyJvZmZzZXQiOjJ9', '3f1c2b9e-7d4a-4e8b-9c0d-5a6b7c8d9e0f', longestToken(profile)].filter((t) => t.length <= profile.tokenMax);
}

/** Each filter, and where its walk's token is carried: in turn to the unfiltered walk (undefined) and to the next filter. */
export function refilters(profile: OperationProfile): { filter: string; reuse: string | undefined }[] {
  const { states } = profile;
  return states.map((filter, i) => ({ filter, reuse: i % 2 === 0 ? undefined : states[(i + 1) % states.length] }));
}
