/**
 * The arbitraries, the boundary cases, the catalogue's words and coverage's pinned keys for an
 * operation that is not ListExecutors (test/helpers/widgets-profile.ts: a nested ordering key in epoch
 * seconds, a required nested state, a parent id with a pattern, no echo, its own schemas): everything
 * the harness draws or lists for it is valid for its schemas, and nothing of ListExecutors shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constraintsOf, firstPageRequest, freshParentId, growItems, itemPopulation, observedWalk, parentId, seededWalk, START_MS_MAX, START_MS_MIN, uuidParentId, type Item,
} from '../src/arbitraries/index.js';
import { brokenRequests } from '../src/contract/catalogue/boundary/index.js';
import { catalogue, catalogueFor } from '../src/contract/catalogue/index.js';
import { emptyCoverage } from '../src/contract/coverage/index.js';
import { itemId, LIST_EXECUTORS, orderKeyOf, stateOf, validateFor } from '../src/profiles/index.js';
import { assertEveryValue, assertSameSeedSameValues } from './helpers/arbitrary-laws.js';
import { LIST_WIDGETS as W } from './helpers/widgets-profile.js';

/** What is wrong with one population of widgets, by the laws every population obeys. */
function populationProblems(population: readonly Item[]): string[] {
  const problems: string[] = [];
  if (new Set(population.map((e) => itemId(W, e))).size !== population.length) problems.push('duplicate WidgetId');
  for (const e of population) {
    const v = validateFor(W, 'item', e);
    if (!v.ok) problems.push(`${JSON.stringify(e).slice(0, 80)}: ${v.errors.join('; ')}`);
    const key = orderKeyOf(W, e);
    if (key === undefined) problems.push(`${itemId(W, e)}: no Status.AddedDateTime`);
    // Growth may go up to an hour past the newest key.
    else if (key < START_MS_MIN / 1000 || key > (START_MS_MAX + 3_600_000) / 1000) problems.push(`${itemId(W, e)}: key ${key} out of range`);
    if (!W.states.includes(stateOf(W, e) as string)) problems.push(`${itemId(W, e)}: state ${String(stateOf(W, e))}`);
  }
  return problems;
}

describe('populations of a profile that is not ListExecutors', () => {
  it('every item validates against its own item schema, ids are unique, the nested key and state are set', () => {
    assertEveryValue(itemPopulation(W), populationProblems, 200);
  });

  it('ordering keys are epoch seconds with millisecond fractions, ties are frequent, every state occurs', () => {
    const populations = fc.sample(itemPopulation(W, { minSize: 10, maxSize: 40 }), { seed: 5, numRuns: 100 });
    const keys = populations.flat().map((e) => orderKeyOf(W, e) as number);
    expect(keys.every((k) => k >= START_MS_MIN / 1000 && k <= START_MS_MAX / 1000)).toBe(true);
    expect(keys.some((k) => !Number.isInteger(k))).toBe(true);
    expect(populations.filter((p) => new Set(p.map((e) => orderKeyOf(W, e))).size < p.length).length).toBeGreaterThan(populations.length / 2);
    expect(new Set(populations.flat().map((e) => stateOf(W, e)))).toEqual(new Set(W.states));
    const ids = populations.flat().map((e) => itemId(W, e));
    expect(ids.filter((id) => /^[0-9a-f-]{36}$/.test(id)).length).toBeGreaterThan(ids.length / 2);
  });

  it('growth adds new ids no older than the newest, and the union obeys the population laws', () => {
    const scenario = itemPopulation(W, { minSize: 1, maxSize: 30 }).chain((existing) => growItems(W, existing).map((added) => ({ existing, added })));
    assertEveryValue(scenario, ({ existing, added }) => {
      const newest = Math.max(...existing.map((e) => orderKeyOf(W, e) as number));
      const problems = populationProblems([...existing, ...added]);
      if (added.length < 1 || added.length > 10) problems.push(`${added.length} widgets added`);
      for (const e of added) if ((orderKeyOf(W, e) as number) < newest) problems.push(`${itemId(W, e)} is older than the newest existing widget`);
      return problems;
    }, 200);
  });

  it('the same seed gives the same values', () => {
    assertSameSeedSameValues(itemPopulation(W), 30);
  });
});

describe('requests and parents of a profile that is not ListExecutors', () => {
  it('parent ids (any, fresh, UUID) fit the parent member: bounds and pattern', () => {
    for (const arbitrary of [parentId(W), freshParentId(W), uuidParentId(W)])
      for (const id of fc.sample(arbitrary, { seed: 3, numRuns: 300 })) expect(validateFor(W, 'request', { ShelfId: id }), id).toEqual({ ok: true });
    expect(fc.sample(freshParentId(W), { seed: 3, numRuns: 300 }).some((id) => id.length === 64)).toBe(true);
  });

  it('first-page requests validate and use the profile members, page sizes within its bounds', () => {
    const requests = fc.sample(firstPageRequest(W, 'shelf-1'), { seed: 4, numRuns: 500 });
    for (const r of requests) expect(validateFor(W, 'request', r), JSON.stringify(r)).toEqual({ ok: true });
    expect(requests.map((r) => r.MaxResults)).toEqual(expect.arrayContaining([undefined, 1, 2, 50]));
    expect(new Set(requests.map((r) => r.StateFilter))).toEqual(new Set([...W.states, undefined]));
  });

  it('seeded and observed walks draw shapes under the profile members', () => {
    for (const w of fc.sample(seededWalk(W, true, 20), { seed: 6, numRuns: 100 })) {
      expect(validateFor(W, 'request', { ShelfId: w.sessionId, ...w.request })).toEqual({ ok: true });
      expect(Object.keys(w.request).every((k) => k === 'MaxResults' || k === 'StateFilter')).toBe(true);
      expect(populationProblems(w.population)).toEqual([]);
    }
    for (const w of fc.sample(observedWalk(W, ['a', 'b']), { seed: 6, numRuns: 100 })) for (const size of w.pageSizes) expect(size === undefined || (size >= 1 && size <= 50)).toBe(true);
  });
});

describe('the catalogue of a profile that is not ListExecutors', () => {
  const properties = catalogueFor(W);

  it('is the same laws in its words, its unknown-parent law under its own id; ListExecutors keeps its catalogue', () => {
    expect(catalogueFor(LIST_EXECUTORS)).toBe(catalogue);
    expect(catalogueFor(W)).toBe(properties);
    expect(properties.map((p) => p.id)).toEqual(catalogue.map((p) => (p.id === 'errors.unknown-session' ? 'errors.unknown-shelf' : p.id)));
    const words = JSON.stringify(properties.map((p) => [p.law, p.skipReason]));
    expect(words).not.toMatch(/xecutor|Session|StartDateTime/);
    expect(properties.find((p) => p.id === 'ordering.newest-first')?.law).toBe('Across the whole walk, Status.AddedDateTime never increases (ties in any order).');
    expect(properties.find((p) => p.id === 'response.conforms')?.law).toBe('Every 200 body validates against the response schema.');
    expect(properties.find((p) => p.id === 'errors.unknown-shelf')?.coverage?.errors).toEqual(['ResourceNotFoundException', 'InvalidRequestException']);
  });

  it('boundary cases seed valid widgets under valid shelf ids, and ask nothing of ListExecutors', () => {
    for (const p of properties) {
      const cases = p.boundary?.({ mode: 'seeded', sessions: [], profile: W }) ?? [];
      const text = JSON.stringify(cases);
      expect(text, p.id).not.toMatch(/Executor|StartDateTime|"SessionId"/);
      for (const c of cases as { population?: Item[]; grown?: Item[]; sessionId?: string }[]) {
        for (const e of [...(c.population ?? []), ...(c.grown ?? [])]) expect(validateFor(W, 'item', e), `${p.id}: ${JSON.stringify(e).slice(0, 100)}`).toEqual({ ok: true });
      }
    }
  });

  it('the request near misses break every constraint of its request schema, each one the schema refuses', () => {
    const cases = brokenRequests(W);
    const broken = new Set(cases.map((c) => c.breaks));
    expect(constraintsOf(W.schemas.request, W.schemaById).filter((label) => !broken.has(label))).toEqual([]);
    for (const c of cases) expect(validateFor(W, 'request', c.value).ok, c.breaks).toBe(false);
  });

  it('coverage pins its own constraints, states and optional members', () => {
    const c = emptyCoverage(W);
    expect(Object.keys(c.constraints)).toEqual(constraintsOf(W.schemas.request, W.schemaById));
    expect(Object.keys(c.filters)).toEqual(['NEW', 'READY', 'RETIRED']);
    expect(Object.keys(c.executors.lacking)).toEqual(['Name', 'Size']);
  });
});
