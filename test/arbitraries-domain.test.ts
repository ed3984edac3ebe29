import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXECUTOR_STATES, EXECUTOR_TYPES, START_MS_MAX, START_MS_MIN,
  executorPopulation, growPopulation, listExecutorsRequest, sessionId,
} from '../src/arbitraries/index.js';
import type { ExecutorsSummary } from '../src/generated/athena.js';
import { validate } from '../src/schema/validators.js';
import { assertEveryValue, assertSameSeedSameValues } from './helpers/arbitrary-laws.js';

/** What is wrong with one population, by the laws every population obeys. */
function populationProblems(population: ExecutorsSummary[]): string[] {
  const problems: string[] = [];
  if (new Set(population.map((e) => e.ExecutorId)).size !== population.length) problems.push('duplicate ExecutorId');
  for (const e of population) {
    const verdict = validate('executors-summary.schema.json', e);
    if (!verdict.ok) problems.push(...verdict.errors);
    if (e.StartDateTime === undefined) problems.push(`${e.ExecutorId}: no StartDateTime`);
    if (e.TerminationDateTime !== undefined && e.TerminationDateTime < (e.StartDateTime ?? Infinity)) {
      problems.push(`${e.ExecutorId}: TerminationDateTime before StartDateTime`);
    }
  }
  return problems;
}

describe('executorPopulation()', () => {
  it('every executor validates, ids are unique, every executor has a StartDateTime, none terminates before it starts', () => {
    assertEveryValue(executorPopulation(), populationProblems, 300);
  });

  it('start times lie in 2023..2027 and ties occur', () => {
    const populations = fc.sample(executorPopulation({ minSize: 10, maxSize: 40 }), 200);
    const starts = populations.flat().map((e) => e.StartDateTime as number);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(START_MS_MIN);
    expect(Math.max(...starts)).toBeLessThanOrEqual(START_MS_MAX);
    const withTies = populations.filter((p) => new Set(p.map((e) => e.StartDateTime)).size < p.length);
    expect(withTies.length).toBeGreaterThan(populations.length / 2);
  });

  it('every state and every type occurs, and terminated executors mostly carry a TerminationDateTime', () => {
    const executors = fc.sample(executorPopulation({ minSize: 20, maxSize: 20 }), 100).flat();
    expect(new Set(executors.map((e) => e.ExecutorState))).toEqual(new Set([...EXECUTOR_STATES, undefined]));
    expect(new Set(executors.map((e) => e.ExecutorType))).toEqual(new Set([...EXECUTOR_TYPES, undefined]));
    const ended = executors.filter((e) => e.ExecutorState === 'TERMINATED' || e.ExecutorState === 'FAILED');
    const withEnd = ended.filter((e) => e.TerminationDateTime !== undefined).length;
    expect(withEnd).toBeGreaterThan(ended.length / 2);
    expect(withEnd).toBeLessThan(ended.length);
    expect(executors.filter((e) => e.ExecutorSize !== undefined).length).toBeGreaterThan(executors.length / 2);
  });

  it('sizes: empty is frequent, small sizes most likely, and large ones up to maxSize occur', () => {
    const sizes = fc.sample(executorPopulation(), 1000).map((p) => p.length);
    expect(sizes.filter((n) => n === 0).length).toBeGreaterThan(100);
    expect(sizes.filter((n) => n <= 5).length).toBeGreaterThan(sizes.length / 2);
    expect(Math.max(...sizes)).toBeGreaterThan(250);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(300);
  });

  it('minSize and maxSize bound every population', () => {
    assertEveryValue(executorPopulation({ minSize: 3, maxSize: 7 }), (p) => (p.length >= 3 && p.length <= 7 ? [] : [`size ${p.length}`]), 300);
    expect(() => executorPopulation({ minSize: 5, maxSize: 2 })).toThrow('executorPopulation: expected integers 0 <= minSize <= maxSize');
  });

  it('a 300-executor population stays well under 1 MiB of JSON', () => {
    const largest = Math.max(...fc.sample(executorPopulation({ minSize: 300, maxSize: 300 }), 30).map((p) => JSON.stringify(p).length));
    expect(largest).toBeLessThan(256 * 1024);
  });

  it('the same seed gives the same values', () => {
    assertSameSeedSameValues(executorPopulation(), 50);
  });
});

describe('growPopulation(existing)', () => {
  it('adds 1..N new executors with fresh ids, starting no earlier than the newest existing one, and the union obeys the population laws', () => {
    const scenario = executorPopulation().chain((existing) => growPopulation(existing).map((added) => ({ existing, added })));
    let tiesWithNewest = 0;
    assertEveryValue(scenario, ({ existing, added }) => {
      const newest = Math.max(...existing.map((e) => e.StartDateTime as number));
      const problems = populationProblems([...existing, ...added]);
      if (added.length < 1 || added.length > 10) problems.push(`${added.length} executors added`);
      for (const e of added) {
        if (existing.length > 0 && (e.StartDateTime as number) < newest) problems.push(`${e.ExecutorId} starts before the newest existing executor`);
        if (e.StartDateTime === newest) tiesWithNewest++;
      }
      return problems;
    }, 300);
    expect(tiesWithNewest).toBeGreaterThan(0);
  });
});

describe('sessionId() and listExecutorsRequest()', () => {
  it('session ids are valid request SessionIds, mostly UUIDs, with both length ends', () => {
    const ids = fc.sample(sessionId(), 2000);
    for (const id of ids) expect(validate('list-executors-request.schema.json', { SessionId: id })).toEqual({ ok: true });
    expect(ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)).length).toBeGreaterThan(ids.length / 2);
    expect(ids.map((id) => id.length)).toEqual(expect.arrayContaining([1, 256]));
  });

  it('requests validate, carry the session id and no NextToken, and reach MaxResults 1, 2, 100, absence and every state filter', () => {
    const requests = fc.sample(listExecutorsRequest('s-1'), 2000);
    for (const r of requests) {
      expect(validate('list-executors-request.schema.json', r)).toEqual({ ok: true });
      expect(r.SessionId).toBe('s-1');
      expect(r).not.toHaveProperty('NextToken');
    }
    expect(requests.map((r) => r.MaxResults)).toEqual(expect.arrayContaining([undefined, 1, 2, 100]));
    expect(new Set(requests.map((r) => r.ExecutorStateFilter))).toEqual(new Set([...EXECUTOR_STATES, undefined]));
  });
});
