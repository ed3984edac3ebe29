/**
 * The parents of the seeded boundary cases (src/contract/catalogue/boundary/parents.ts): no two cases of
 * the whole family's catalogue lock the same parent (so the pool spreads them over its slots, and
 * shards of one run against one endpoint never seed each other's), each is a parent id the request
 * schema takes, and the ids are stable and say what they are.
 */
import { describe, expect, it } from 'vitest';
import { boundaryParent, nearSessionIds, tokenParent } from '../src/contract/catalogue/boundary/index.js';
import { catalogueFor } from '../src/contract/catalogue/index.js';
import { lockKeysOf } from '../src/contract/engine/pool.js';
import { FAMILY, LIST_EXECUTORS, LIST_SESSIONS, validateFor } from '../src/profiles/index.js';

const seeded = { mode: 'seeded' as const, sessions: [] };

/** The parents a scenario seeds: the ids beside a population (a broken request's own parent id is named, not seeded). */
function seededParents(scenario: unknown, into: string[] = []): string[] {
  if (Array.isArray(scenario)) for (const v of scenario) seededParents(v, into);
  else if (typeof scenario === 'object' && scenario !== null) {
    const o = scenario as Record<string, unknown>;
    if (typeof o.sessionId === 'string' && Array.isArray(o.population)) into.push(o.sessionId);
    for (const v of Object.values(o)) seededParents(v, into);
  }
  return into;
}

describe('the boundary parents', () => {
  it('are never locked by two seeded boundary cases, of one property, two properties or two operations', () => {
    const owner = new Map<string, string>();
    let cases = 0;
    for (const profile of FAMILY)
      for (const property of catalogueFor(profile))
        for (const [i, scenario] of (property.boundary?.({ ...seeded, profile }) ?? []).entries()) {
          cases++;
          const where = `${profile.operation} ${property.id} #${i}`;
          for (const key of lockKeysOf(scenario, profile.parent.route)) {
            expect(owner.get(key), `${key}: ${where}`).toBeUndefined();
            owner.set(key, where);
          }
        }
    expect(cases).toBeGreaterThan(300);
  });

  it('are ids the request schema takes, near misses of the token parents apart (bar a trailing space, which no pattern takes)', () => {
    for (const profile of FAMILY)
      for (const property of catalogueFor(profile))
        for (const scenario of property.boundary?.({ ...seeded, profile }) ?? [])
          for (const id of seededParents(scenario).filter((s) => !s.endsWith(' ')))
            expect(validateFor(profile, 'request', { [profile.parent.member]: id }), `${profile.operation} ${property.id} ${id}`).toEqual({ ok: true });
  });

  it('are stable and readable: a UUID-like session id, a named workgroup, with the case index in them', () => {
    expect(boundaryParent(LIST_EXECUTORS, 'pagination.page-size', 7)).toMatch(/^b0a1d2e3-[0-9a-f]{4}-4[0-9a-f]{3}-8000-00000007b0de$/);
    expect(boundaryParent(LIST_EXECUTORS, 'pagination.page-size', 7)).toBe(boundaryParent(LIST_EXECUTORS, 'pagination.page-size', 7));
    expect(boundaryParent(LIST_EXECUTORS, 'pagination.page-size', 7)).not.toBe(boundaryParent(LIST_EXECUTORS, 'filter.honoured', 7));
    expect(boundaryParent(LIST_SESSIONS, 'pagination.page-size', 7)).toBe('boundary.ListSessions.pagination.page-size.007');
    expect(tokenParent(LIST_EXECUTORS, 12)).toBe('Boundary-ListExecutors-Token-012');
    expect(() => boundaryParent(LIST_EXECUTORS, 'pagination.page-size', 1000)).toThrow(RangeError);
  });

  it('of the token law: no near miss of one case is another case', () => {
    const parents = Array.from({ length: 100 }, (_, i) => tokenParent(LIST_EXECUTORS, i));
    const near = new Set(parents.flatMap((id) => nearSessionIds(id)));
    expect(parents.filter((id) => near.has(id))).toEqual([]);
  });
});
