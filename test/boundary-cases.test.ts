/**
 * The boundary cases as data (src/contract/catalogue/boundary/): every constraint of the request schema is
 * broken by at least one case, each case breaks the schema and no valid edge does, the tables hold
 * the sizes, ties, filters and near misses issue 12 lists, and every property's cases are the same
 * whatever the seed (they depend on the mode and the given sessions only).
 */
import { describe, expect, it } from 'vitest';
import { constraintsOf } from '../src/arbitraries/index.js';
import { EXECUTOR_STATES } from '../src/generated/constraints.js';
import { codePointLength } from '../src/schema/json.js';
import { loadSchema } from '../src/schema/load.js';
import { validate } from '../src/schema/validators.js';
import { LIST_EXECUTORS } from '../src/profiles/index.js';
import {
  boundaryPageSizes,
  BOUNDARY_TAMPERS,
  brokenRequests as brokenRequestsOf,
  edgeWalks as edgeWalksOf,
  emptyIdWalks,
  filterWalks as filterWalksOf,
  longSessionIds as longSessionIdsOf,
  nearSessionIds,
  sizedWalks as sizedWalksOf,
  tamperToken,
  tieWalks as tieWalksOf,
  tokenParent,
} from '../src/contract/catalogue/boundary/index.js';
import { catalogue } from '../src/contract/catalogue/index.js';

// ListExecutors' boundary cases, under the names this file has always used.
const BOUNDARY_PAGE_SIZES = boundaryPageSizes(LIST_EXECUTORS);
const brokenRequests = () => brokenRequestsOf(LIST_EXECUTORS);
const sizedWalks = () => sizedWalksOf(LIST_EXECUTORS);
const tieWalks = () => tieWalksOf(LIST_EXECUTORS);
const filterWalks = () => filterWalksOf(LIST_EXECUTORS);
const edgeWalks = () => edgeWalksOf(LIST_EXECUTORS);
const emptyIdWalk = () => emptyIdWalks(LIST_EXECUTORS)[0];
const longSessionIds = () => longSessionIdsOf(LIST_EXECUTORS, 'data.faithful');
const TOKEN_SESSION = tokenParent(LIST_EXECUTORS, 0);

describe('the request near misses', () => {
  const cases = brokenRequests();

  it('break every constraint of the request schema, by its own constraint list', () => {
    const broken = new Set(cases.map((c) => c.breaks));
    expect(constraintsOf(loadSchema('list-executors-request.schema.json')).filter((label) => !broken.has(label))).toEqual([]);
  });

  it('each break the schema, and only at the member they name', () => {
    for (const c of cases) {
      const v = validate('list-executors-request.schema.json', c.value);
      expect(v.ok, `${c.breaks} ${JSON.stringify(c.value).slice(0, 60)}`).toBe(false);
      const member = c.breaks.split('/')[0];
      if (!v.ok && member !== '(root)' && !c.breaks.endsWith('/required')) expect(v.errors.every((e) => e.includes(member)), `${c.breaks}: ${v.errors.join('; ')}`).toBe(true);
    }
  });

  it('hold the canonical near misses of issue 12', () => {
    const values = (breaks: string, member: string) => cases.filter((c) => c.breaks.startsWith(breaks)).map((c) => (c.value as Record<string, unknown>)[member]);
    expect(values('MaxResults/', 'MaxResults')).toEqual(expect.arrayContaining([0, -1, 101, 1.5, '1', 2 ** 31 - 1, 2 ** 31, 2 ** 53]));
    expect(values('SessionId/', 'SessionId').map((v) => (typeof v === 'string' ? codePointLength(v) : v))).toEqual(expect.arrayContaining([0, 257, 257, 1]));
    expect(values('SessionId/maxLength', 'SessionId').some((v) => typeof v === 'string' && v.length === 2 * 257)).toBe(true);
    const filters = values('ExecutorStateFilter/enum', 'ExecutorStateFilter');
    for (const s of EXECUTOR_STATES) expect(filters).toEqual(expect.arrayContaining([s.toLowerCase(), ` ${s}`, `${s} `]));
    expect(filters).toContain('');
    expect(values('NextToken/maxLength', 'NextToken').map((v) => codePointLength(v as string))).toContain(2049);
    expect(cases.filter((c) => c.breaks === '(root)/type').length).toBeGreaterThan(0);
    expect(cases.some((c) => c.breaks === 'SessionId/required' && !('SessionId' in (c.value as object)))).toBe(true);
  });
});

describe('the walk cases', () => {
  it('try MaxResults 1, 2, 99, 100 and absent over 0, 1, m - 1, m, m + 1 executors, and more than 100 in few cases', () => {
    const walks = sizedWalks();
    for (const m of BOUNDARY_PAGE_SIZES) {
      const sizes = walks.filter((w) => w.maxResults === m).map((w) => w.population.length);
      const wanted = m === undefined ? [0, 1] : [0, 1, m - 1, m, m + 1];
      expect(sizes, String(m)).toEqual(expect.arrayContaining(wanted));
    }
    const large = walks.filter((w) => w.population.length > 100);
    expect(large.length).toBeGreaterThan(0);
    expect(large.length).toBeLessThanOrEqual(3);
  });

  it('put ties on StartDateTime across a page boundary', () => {
    for (const w of tieWalks()) {
      const m = w.maxResults ?? 0;
      const starts = w.population.map((e) => e.StartDateTime);
      const tiedEnds = starts.filter((s, i) => i > 0 && i % m === 0 && s !== undefined && s === starts[i - 1]);
      expect(tiedEnds.length, JSON.stringify(starts)).toBeGreaterThan(0);
    }
  });

  it('try every filter with and without matches', () => {
    for (const s of EXECUTOR_STATES) {
      const matches = filterWalks()
        .filter((w) => w.filter === s)
        .map((w) => w.population.filter((e) => e.ExecutorState === s).length);
      expect(matches.some((n) => n > (filterWalks()[0].maxResults ?? 0)), s).toBe(true);
      expect(matches, s).toContain(0);
    }
  });

  it('hold valid edges only: members 0 and the largest safe long, ids of 100,000 code points, an empty id, SessionIds of 256 code points', () => {
    const executors = [...edgeWalks(), emptyIdWalk()].flatMap((w) => w.population);
    for (const w of [...edgeWalks(), emptyIdWalk()]) expect(validate('session-seed.schema.json', { executors: w.population })).toEqual({ ok: true });
    for (const m of ['StartDateTime', 'TerminationDateTime', 'ExecutorSize'] as const) {
      expect(executors.some((e) => e[m] === 0), m).toBe(true);
      expect(executors.some((e) => e[m] === Number.MAX_SAFE_INTEGER), m).toBe(true);
    }
    const longest = executors.filter((e) => codePointLength(String(e.ExecutorId)) === 100_000);
    expect(longest.length).toBe(1);
    expect(Buffer.byteLength(String(longest[0].ExecutorId))).toBeGreaterThan(100_000);
    expect(executors.some((e) => e.ExecutorId === '')).toBe(true);
    expect(emptyIdWalk().refusable).toBeDefined();
    for (const id of longSessionIds()) {
      expect(codePointLength(id)).toBe(256);
      expect(validate('list-executors-request.schema.json', { SessionId: id })).toEqual({ ok: true });
    }
    expect(longSessionIds().filter((id) => Buffer.byteLength(id) > 256 && id.length === 256).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the token cases', () => {
  it('near session ids: a prefix, an extension, a case change and a trailing-space variant, each a session of its own', () => {
    const ids = nearSessionIds(TOKEN_SESSION);
    expect(ids).toEqual([TOKEN_SESSION.slice(0, -1), `${TOKEN_SESSION}0`, TOKEN_SESSION.toLowerCase(), `${TOKEN_SESSION} `]);
    expect(new Set([TOKEN_SESSION, ...ids]).size).toBe(ids.length + 1);
  });

  it('every change of a token makes another token; shorten cuts the signature after the last dot', () => {
    const token = 'cGF5bG9hZA.c2lnbmF0dXJlLW9mLTMyLWJ5dGVz';
    for (const t of BOUNDARY_TAMPERS) expect(tamperToken(token, t), t.op).not.toBe(token);
    expect(tamperToken(token, { op: 'shorten' })).toBe('cGF5bG9hZA.c2lnbmF0dXJlLW9mLTMyLWJ5');
    expect(tamperToken(token, { op: 'flip', at: -1 })).toBe('cGF5bG9hZA.c2lnbmF0dXJlLW9mLTMyLWJ5dGVA');
    expect(tamperToken('abcdefgh', { op: 'shorten' })).toBe('abcd');
  });
});

describe("every property's boundary cases", () => {
  it('are the same for every seed and depend only on the mode and the given sessions', () => {
    for (const p of catalogue)
      for (const sc of [{ mode: 'seeded' as const, sessions: [] }, { mode: 'observational' as const, sessions: ['a', 'b'] }]) {
        const once = p.boundary?.(sc) ?? [];
        expect(p.boundary?.(sc) ?? [], p.id).toEqual(once);
      }
  });

  it('in observational mode ask only for the sessions given: none are seeded', () => {
    for (const p of catalogue.filter((q) => q.modes.includes('observational'))) {
      const cases = JSON.stringify(p.boundary?.({ mode: 'observational', sessions: ['given-1'] }) ?? []);
      expect(cases, p.id).not.toMatch(/"population":\[\{/);
    }
  });
});
