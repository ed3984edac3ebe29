/**
 * Loops found by content. Servers with server-side cursors hand out a fresh random token per page, so
 * a walk that goes round never repeats a token: before, such a walk ran to 10,000 pages or 60 s, for
 * every run of every walking property. Here, small servers written in the test (test/helpers/
 * cursor-server.ts) page in three looping readings (restart, repeat a page, overlap by one) and one
 * that sends empty pages forever; each fails `pagination.exactly-once` with a did-not-terminate
 * message in both modes, through the real bin, and the other walking properties stop their walks
 * there instead of failing. Two legal readings (a trailing empty page; filtering after paging, with
 * empty pages mid-walk) pass in both modes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/index.js';
import { emptyStats, type CheckContext } from '../src/contract/catalogue/context.js';
import { describeIncomplete, walk, type Walk } from '../src/contract/catalogue/walk.js';
import type { ListExecutorsRequest } from '../src/generated/athena.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import type { Target } from '../src/targets/target.js';
import type { Mode, PropertyReport } from '../src/common/results.js';
import { runCli } from './helpers/cli.js';
import { executors, startCursorServer, type CursorServer, type Reading } from './helpers/cursor-server.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';
import { sharedTempDir } from './helpers/temp-dir.js';

/** The observational sessions: a small one, and one with more executors than the slack of empty pages, two of them FAILED. */
const SESSIONS = { 'obs-small': executors('a', 7, 2), 'obs-large': executors('b', 25, 2) };
const GIVEN = ['--session-id', 'obs-small', '--session-id', 'obs-large'];
const LOOPING: readonly Reading[] = ['restart', 'repeat-page', 'overlap'];
const WALKING = ['response.conforms', 'pagination.exactly-once', 'pagination.page-size', 'ordering.newest-first', 'filter.honoured', 'data.faithful', 'pagination.stable-under-inserts'] as const;
const DID_NOT_TERMINATE = /pagination did not terminate/;
/** How a walk ended by a bound instead of by what it listed: its time (60 s), or its 10,000 pages. */
const ENDED_BY_A_BOUND = /did not terminate (within \d+ ms|: more than 10000 pages \()/;

const servers = new Map<Reading, CursorServer>();
const dir = sharedTempDir('looping-endpoints-');

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  for (const reading of [...LOOPING, 'empty-forever', 'correct', 'filter-after-paging'] as const) servers.set(reading, await startCursorServer(reading, SESSIONS));
});
afterAll(async () => {
  for (const s of servers.values()) await s.close();
  nock.enableNetConnect();
});

const urlOf = (reading: Reading) => servers.get(reading)!.url;

/** A check context of one run against `target` (one WalkBounds value: one run's memory). */
function contextOf(target: Target, mode: Mode): CheckContext {
  return { target, mode, sessions: Object.keys(SESSIONS), bounds: { maxPages: 10_000, maxWalkMs: 60_000 }, stats: emptyStats(), exchanges: [] };
}

async function walkOnce(reading: Reading, mode: Mode, request: ListExecutorsRequest, maxPages = 10_000): Promise<{ w: Walk; ctx: CheckContext }> {
  const target = endpointTarget({ url: urlOf(reading), region: 'us-east-1', seeded: mode === 'seeded' });
  const ctx = contextOf(target, mode);
  const stop = target.onExchange((e) => ctx.exchanges.push(e));
  try {
    return { w: await walk(ctx, request, { maxPages }), ctx };
  } finally {
    stop();
    await target.close();
  }
}

describe('a walk ends by what its pages bring, whatever its tokens', () => {
  it.each([
    ['restart', 4, /page 4 brought nothing new after executor "a-001" was listed again \(first on page 1, again on page 3; tokens seen: "[0-9a-f-]{36}"/],
    ['repeat-page', 4, /page 4 brought nothing new after executor "a-005" was listed again \(first on page 2, again on page 3;/],
    ['overlap', 3, /page 3 brought nothing new after executor "a-004" was listed again \(first on page 1, again on page 2;/],
  ] as const)('%s: the walk goes round at page %i, and says where', async (reading, pages, message) => {
    const { w } = await walkOnce(reading, 'observational', { SessionId: 'obs-small', MaxResults: 4 });
    expect(w.outcome.kind).toBe('went-round');
    expect(w.pages).toHaveLength(pages);
    expect(new Set(w.tokens).size).toBe(w.tokens.length);
    expect(describeIncomplete(w)).toMatch(message);
  });

  it('empty pages with fresh tokens and no repeat: observational walks allow the most executors listed plus the slack', async () => {
    const { w } = await walkOnce('empty-forever', 'observational', { SessionId: 'obs-small', MaxResults: 4 });
    expect(w.outcome).toEqual({ kind: 'too-many-barren', limit: 10, known: 7 });
    expect(w.pages).toHaveLength(2 + 11);
    expect(describeIncomplete(w)).toMatch(/^pagination did not terminate: more than 10 pages brought nothing new \(at most one per page a server could read of the 7 executors a walk of this session listed, plus 3; tokens seen: /);
  });

  it('a seeded walk keeps its exact page bound', async () => {
    const { w } = await walkOnce('empty-forever', 'seeded', { SessionId: 'obs-small', MaxResults: 4 }, 9);
    expect(w.outcome).toEqual({ kind: 'too-many-pages', limit: 9 });
  });

  it('a repeated token still ends the walk as a loop, with the old message', async () => {
    const target = emulatorTarget({ region: 'us-east-1', faults: ['token-loops'] });
    const ctx = contextOf(target, 'seeded');
    target.onExchange((e) => ctx.exchanges.push(e));
    await target.seeding!.put('s-1', executors('c', 3));
    const w = await walk(ctx, { SessionId: 's-1', MaxResults: 2 }, { maxPages: 5 });
    await target.close();
    expect(w.outcome.kind).toBe('loop');
    expect(describeIncomplete(w)).toMatch(/^pagination did not terminate: token ".+" came back after 3 pages \(tokens seen: /);
  });

  it('a page that only repeats, followed by new ones, is a duplicate, not a loop: the walk goes on to its end', async () => {
    // Offset tokens, and an executor started at the front after page 1: page 2 lists page 1's executor again.
    const target = emulatorTarget({ region: 'us-east-1', faults: ['offset-tokens'] });
    const ctx = contextOf(target, 'seeded');
    target.onExchange((e) => ctx.exchanges.push(e));
    const [newer, ...population] = executors('d', 4);
    await target.seeding!.put('s-2', population);
    const w = await walk(ctx, { SessionId: 's-2', MaxResults: 1 }, { maxPages: 6, afterPage: (i) => (i === 0 ? target.seeding!.put('s-2', [newer, ...population]) : Promise.resolve()) });
    await target.close();
    expect(w.outcome.kind).toBe('complete');
    expect(w.pages.map((p) => p.items.map((e) => e.ExecutorId))).toEqual([['d-002'], ['d-002'], ['d-003'], ['d-004']]);
  });

  it('a legal trailing empty page completes the walk', async () => {
    const { w } = await walkOnce('correct', 'observational', { SessionId: 'obs-small', MaxResults: 7 });
    expect(w.outcome.kind).toBe('complete');
    expect(w.pages.map((p) => p.items.length)).toEqual([7, 0]);
  });

  it('filtering after paging: the first walk of a run, filtered, with more empty pages than the slack, completes (one unfiltered walk learns the size)', async () => {
    const { w, ctx } = await walkOnce('filter-after-paging', 'observational', { SessionId: 'obs-large', MaxResults: 1, ExecutorStateFilter: 'FAILED' });
    expect(w.outcome.kind).toBe('complete');
    expect(w.pages.filter((p) => p.items.length === 0)).toHaveLength(23);
    const unfiltered = ctx.exchanges.filter((e) => !e.request.body.includes('ExecutorStateFilter'));
    expect(unfiltered.length).toBeGreaterThan(0);
  });

  it('filtering after paging, seeded: the empty pages mid-walk fit the seeded bound', async () => {
    const { w } = await walkOnce('filter-after-paging', 'seeded', { SessionId: 'obs-large', MaxResults: 1, ExecutorStateFilter: 'FAILED' }, 25 + 2);
    expect(w.outcome.kind).toBe('complete');
  });
});

interface JsonReport {
  properties: (Pick<PropertyReport, 'id' | 'status' | 'runs'> & { counterexample?: { message: string } })[];
}

function byId(report: JsonReport): Map<string, JsonReport['properties'][number]> {
  return new Map(report.properties.map((p) => [p.id, p]));
}

async function cli(name: string, args: string[]): Promise<{ code: number; report: JsonReport }> {
  const json = join(dir, `${name}.json`);
  const r = await runCli(['verify', ...args, '--seed', '7', '--no-progress', '--json', json], { timeoutMs: LOADED_TEST_TIMEOUT_MS - 30_000 });
  return { code: r.code, report: JSON.parse(readFileSync(json, 'utf8')) as JsonReport };
}

// Before, a looping endpoint kept every walk going for 60 s (or 10,000 pages): now each ends by what
// it listed, which its message says, however long a loaded machine takes (30 s was not enough at load
// 20). The timeout, sized for that, still ends a run whose walks each took 60 s, minutes in all.
describe('a looping endpoint with fresh tokens fails pagination.exactly-once in seconds, through the bin', () => {
  for (const reading of LOOPING) {
    it(`${reading}, seeded`, { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
      const { code, report } = await cli(`${reading}-seeded`, ['--endpoint', urlOf(reading), '--seeded', '--only', 'pagination.exactly-once', '--runs', '10']);
      expect(code).toBe(1);
      const p = report.properties[0];
      expect([p.id, p.status]).toEqual(['pagination.exactly-once', 'failed']);
      expect(p.counterexample?.message).toMatch(DID_NOT_TERMINATE);
      expect(p.counterexample?.message).not.toMatch(ENDED_BY_A_BOUND);
    });

    it(`${reading}, observational: the whole run ends, exactly-once fails and the other walking properties stop their walks`, { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
      const { code, report } = await cli(`${reading}-observational`, ['--endpoint', urlOf(reading), ...GIVEN, '--runs', '5']);
      expect(code).toBe(1);
      const properties = byId(report);
      expect(properties.get('pagination.exactly-once')?.status).toBe('failed');
      expect(properties.get('pagination.exactly-once')?.counterexample?.message).toMatch(DID_NOT_TERMINATE);
      expect(properties.get('pagination.exactly-once')?.counterexample?.message).not.toMatch(ENDED_BY_A_BOUND);
      for (const id of ['response.conforms', 'pagination.page-size', 'ordering.newest-first', 'filter.honoured']) expect([id, properties.get(id)?.status]).toEqual([id, 'passed']);
    });
  }

  it('empty pages forever, observational: the bound learned from the walks ends it', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const { code, report } = await cli('empty-forever-observational', ['--endpoint', urlOf('empty-forever'), ...GIVEN, '--only', 'pagination.exactly-once', '--runs', '10']);
    expect(code).toBe(1);
    expect(report.properties[0].counterexample?.message).toMatch(/pagination did not terminate: more than \d+ pages brought nothing new/);
  });
});

describe('endpoints with fresh tokens that page legally pass every walking property, in both modes', () => {
  for (const reading of ['correct', 'filter-after-paging'] as const)
    for (const mode of ['seeded', 'observational'] as const)
      // Whole in-process runs, 30-45 s each at load 20: more than the default 60 s beside other files.
      it(`${reading}, ${mode}`, { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
        const report = await verify({ endpoint: urlOf(reading), ...(mode === 'seeded' ? { seeded: true } : { sessionIds: Object.keys(SESSIONS) }), only: [...WALKING], runs: 15, seed: 3 });
        const expected = WALKING.map((id) => [id, mode === 'observational' && (id === 'data.faithful' || id === 'pagination.stable-under-inserts') ? 'skipped' : 'passed']);
        expect(report.properties.map((p) => [p.id, p.status])).toEqual(expected);
        expect(report.properties.flatMap((p) => p.warnings)).toEqual([]);
      });
});
