/**
 * The kind of a token a request carries, told apart by what the run's answers issued (never by how
 * the request was made): a walk's own token, another parent's, the same parent's with another filter,
 * one a few edits from an issued token (cut, extended, characters changed), or none of these.
 */
import type { TokenKind } from '../../common/results.js';

/** Where an issued token came from: the parent and filter of the request it answered. */
export interface TokenOrigin {
  parent: string;
  filter?: string;
}

/** The issued tokens a property's runs remember: each one's origin (oldest first), and the latest few. */
export interface IssuedTokens {
  readonly origins: Map<string, TokenOrigin>;
  /** The latest {@link RECENT} tokens issued, newest last: a tampered token is made from one just obtained. */
  readonly recent: string[];
}

/** Tokens remembered per property: enough for every walk of a run, bounded so that memory is. */
export const MAX_REMEMBERED = 5000;

/** Tokens a tampered one is compared with: the latest issued, so that telling it apart stays cheap. */
export const RECENT = 32;

/** No token issued yet. */
export function noTokens(): IssuedTokens {
  return { origins: new Map(), recent: [] };
}

/** Characters that may differ between a tampered token and the one it was made from. */
const NEAR_EDITS = 2;

/** Remembers `token` as issued for `origin`, forgetting the oldest beyond the bound. */
export function rememberToken(issued: IssuedTokens, token: string, origin: TokenOrigin): void {
  const { origins, recent } = issued;
  origins.delete(token);
  origins.set(token, origin);
  if (origins.size > MAX_REMEMBERED) origins.delete(origins.keys().next().value as string);
  recent.push(token);
  if (recent.length > RECENT) recent.shift();
}

/** Whether `a` is a few edits from `b`: one a proper prefix of the other, or as long with at most {@link NEAR_EDITS} characters changed. */
function near(a: string, b: string): boolean {
  if (a.length !== b.length) return a.length < b.length ? b.startsWith(a) : a.startsWith(b);
  let changed = 0;
  for (let i = 0; i < a.length && changed <= NEAR_EDITS; i++) if (a[i] !== b[i]) changed++;
  return changed <= NEAR_EDITS;
}

/** The kind of `token` sent for `parent` with `filter`, given the tokens issued so far (tampered: near one of the latest). */
export function tokenKind(issued: IssuedTokens, token: string, parent: unknown, filter: unknown): TokenKind {
  if (token === '') return 'empty';
  const origin = issued.origins.get(token);
  if (origin) return origin.parent !== parent ? 'foreign' : origin.filter !== (typeof filter === 'string' ? filter : undefined) ? 'other-filter' : 'issued';
  return issued.recent.some((t) => near(token, t)) ? 'tampered' : 'garbage';
}
