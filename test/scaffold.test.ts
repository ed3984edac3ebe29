/**
 * The scaffold the properties are built on, against a target that only records its seeding: sessions
 * are seeded and dropped in seeded mode and read as given in observational mode, drawn sessions are
 * distinct and hold only their own executors, differences are confirmed by a second read, and a
 * target without seeding routes is named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyStats, type CheckContext } from '../src/contract/catalogue/context.js';
import { confirmTwice, idDifference, inSession, seedingOf, sessionDraw, sessionScenario, withSessions, type OpenSession } from '../src/contract/catalogue/scaffold/index.js';
import type { Mode } from '../src/common/results.js';
import type { ExecutorsSummary } from '../src/generated/athena.js';
import type { Target } from '../src/targets/target.js';

const executor = (id: string): ExecutorsSummary => ({ ExecutorId: id, ExecutorState: 'REGISTERED', ExecutorType: 'WORKER', StartDateTime: 1_764_000_000_000 });

/** A context whose target records each seeding call as a line, e.g. `put a [e-1,e-2]`. */
function context(mode: Mode, sessions: string[] = [], seeded = true): { ctx: CheckContext; log: string[] } {
  const log: string[] = [];
  const seeding = {
    put: async (id: string, executors: readonly ExecutorsSummary[]) => void log.push(`put ${id} [${executors.map((e) => e.ExecutorId).join(',')}]`),
    drop: async (id: string) => void log.push(`drop ${id}`),
  };
  const target = { description: 'the test target', ...(seeded ? { seeding } : {}) } as unknown as Target;
  return { ctx: { target, mode, sessions, bounds: { maxPages: 77, maxWalkMs: 1000 }, stats: emptyStats(), exchanges: [] }, log };
}

describe('inSession: seeded and dropped in seeded mode, read as given in observational mode', () => {
  it('seeds the session, gives the walk a bound of its size, and drops it even when the check throws', async () => {
    const { ctx, log } = context('seeded');
    const s = { mode: 'seeded' as const, sessionId: 'a', population: [executor('e-1'), executor('e-2')] };
    await expect(inSession(s, ctx, async (maxPages) => { log.push(`check ${maxPages}`); throw new Error('law broken'); })).rejects.toThrow('law broken');
    expect(log).toEqual(['put a [e-1,e-2]', 'check 4', 'drop a']);
  });

  it('touches no seeding in observational mode and bounds the walk by the context', async () => {
    const { ctx, log } = context('observational', ['given'], false);
    await inSession({ mode: 'observational', sessionId: 'given' }, ctx, async (maxPages) => void log.push(`check ${maxPages}`));
    expect(log).toEqual(['check 77']);
  });

  it('draws only for the run mode, tagged with it', () => {
    const draws = { seeded: () => fc.record({ sessionId: fc.constant('s'), population: fc.constant([]) }), observational: (sessions: readonly string[]) => fc.record({ sessionId: fc.constantFrom(...sessions) }) };
    expect(fc.sample(sessionScenario({ mode: 'seeded', sessions: [] }, draws), 1)).toEqual([{ mode: 'seeded', sessionId: 's', population: [] }]);
    expect(fc.sample(sessionScenario({ mode: 'observational', sessions: ['x'] }, draws), 1)).toEqual([{ mode: 'observational', sessionId: 'x' }]);
  });
});

describe('withSessions: the sessions a check needs, distinct', () => {
  it('seeded: each session holds only executors no earlier one holds, and all are dropped, innermost first', async () => {
    const { ctx, log } = context('seeded');
    let opened: OpenSession[] = [];
    const draws = [{ sessionId: 'a', population: [executor('e-1'), executor('e-2')] }, { sessionId: 'b', population: [executor('e-2'), executor('e-3')] }];
    await withSessions(ctx, draws, async (sessions) => void (opened = sessions));
    expect(opened.map((s) => [s.sessionId, s.population?.map((e) => e.ExecutorId)])).toEqual([['a', ['e-1', 'e-2']], ['b', ['e-3']]]);
    expect(log).toEqual(['put a [e-1,e-2]', 'put b [e-3]', 'drop b', 'drop a']);
    expect(ctx.stats.vacuousRuns).toBe(0);
  });

  it('seeded: two sessions drawn with one id make the run vacuous, and nothing is seeded', async () => {
    const { ctx, log } = context('seeded');
    await withSessions(ctx, [{ sessionId: 'a', population: [] }, { sessionId: 'a', population: [] }], () => Promise.reject(new Error('must not run')));
    expect(log).toEqual([]);
    expect(ctx.stats.vacuousRuns).toBe(1);
  });

  it('observational: each pick chooses among the given sessions not chosen before', async () => {
    const { ctx } = context('observational', ['s-0', 's-1', 's-2']);
    const ids: string[][] = [];
    for (const picks of [[0, 0], [1, 0], [2, 1], [5, 7]]) await withSessions(ctx, picks.map((pick) => ({ pick })), async (sessions) => void ids.push(sessions.map((s) => s.sessionId)));
    expect(ids).toEqual([['s-0', 's-1'], ['s-1', 's-0'], ['s-2', 's-1'], ['s-2', 's-1']]);
  });

  it('observational: fewer sessions given than drawn make the run vacuous', async () => {
    const { ctx } = context('observational', ['only']);
    await withSessions(ctx, [{ pick: 0 }, { pick: 1 }], () => Promise.reject(new Error('must not run')));
    expect(ctx.stats.vacuousRuns).toBe(1);
  });

  it('draws per mode: an id and a population to seed, or a pick', () => {
    const population = fc.constant<ExecutorsSummary[]>([executor('e-1')]);
    expect(Object.keys(fc.sample(sessionDraw({ mode: 'seeded', sessions: [] }, population), 1)[0])).toEqual(['sessionId', 'population']);
    expect(Object.keys(fc.sample(sessionDraw({ mode: 'observational', sessions: ['x'] }, population), 1)[0])).toEqual(['pick']);
  });
});

describe('seedingOf', () => {
  it('names the target that has no seeding routes', () => {
    expect(() => seedingOf(context('seeded', [], false).ctx)).toThrow('the test target has no seeding routes');
    expect(seedingOf(context('seeded').ctx)).toBeDefined();
  });
});

describe('idDifference', () => {
  it('is what the listed ids lack (missing) and hold beyond (extra) the expected ones, in order; none when equal', () => {
    expect(idDifference(new Set(['a', 'b', 'c']), new Set(['c', 'd', 'a']))).toEqual({ missing: ['b'], extra: ['d'] });
    expect(idDifference(new Set(['a', 'b']), new Set(['b', 'a']))).toBeUndefined();
    expect(idDifference(new Set(), new Set(['x']))).toEqual({ missing: [], extra: ['x'] });
  });
});

describe('confirmTwice: a difference counts only when a second read shows it again', () => {
  it('reads once when the first read agrees', async () => {
    const reads: boolean[] = [];
    const r = await confirmTwice(async (again) => (reads.push(again), 1), () => undefined);
    expect([reads, r]).toEqual([[false], { value: 1, difference: undefined }]);
  });

  it('reads again on a difference and keeps what the second read shows', async () => {
    const reads: boolean[] = [];
    const gone = await confirmTwice(async (again) => (reads.push(again), again ? 'same' : 'changed'), (v) => (v === 'changed' ? v : undefined));
    expect([reads, gone]).toEqual([[false, true], { value: 'same', difference: undefined }]);
    const stays = await confirmTwice(async () => 'changed', (v) => (v === 'changed' ? v : undefined));
    expect(stays).toEqual({ value: 'changed', difference: 'changed' });
  });
});
