/**
 * The coverage report (issue 12, item 2): every report carries what its runs exercised, with the
 * members pinned for outside tools, every constraint of the request schema among them (read here
 * from schemas/ on its own, not through the harness), judged from the requests themselves; shards
 * merge into the whole run's; Markdown and JUnit show it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import type { Coverage, Report } from '../src/common/results.js';
import { brokenConstraints, createCoverage, mergeCoverage, recordCall } from '../src/contract/coverage/index.js';
import { mergeReports } from '../src/contract/report/shard-merge.js';
import { renderJunit } from '../src/contract/report/formats/junit.js';
import { renderMarkdown } from '../src/contract/report/formats/markdown.js';

type Node = { type?: string; $ref?: string; required?: string[]; properties?: Record<string, Node>; minLength?: number; [k: string]: unknown };
const schema = (file: string): Node => JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8')) as Node;

/** The request schema's breakable constraints, `<Member>/<keyword>`, derived here from the JSON file alone. */
function schemaConstraints(): string[] {
  const root = schema('list-executors-request.schema.json');
  const keys = ['(root)/type', ...(root.required ?? []).map((m) => `${m}/required`)];
  for (const [member, raw] of Object.entries(root.properties ?? {})) {
    const node = raw.$ref ? schema(raw.$ref) : raw;
    for (const keyword of ['type', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum'])
      // minLength 0 cannot be broken: no string is shorter.
      if (node[keyword] !== undefined && !(keyword === 'minLength' && node.minLength === 0)) keys.push(`${member}/${keyword}`);
  }
  return keys;
}

const SCHEMA_CONSTRAINTS = schemaConstraints();

describe('the pinned coverage members', () => {
  it('the request schema has the constraints the issue names (the list this file derives is not empty or trivial)', () => {
    expect(SCHEMA_CONSTRAINTS).toEqual(expect.arrayContaining(['MaxResults/minimum', 'MaxResults/maximum', 'SessionId/required', 'SessionId/maxLength', 'ExecutorStateFilter/enum', 'NextToken/maxLength', '(root)/type']));
  });

  for (const seed of [1, 2, 3])
    it(`seed ${seed}: every constraint of the request schema is a key of coverage.constraints, tried at least once, per property and for the run`, async () => {
      const report = await verify({ seed, only: ['errors.invalid-request', 'pagination.exactly-once'] });
      expect(report.summary.failed).toBe(0);
      const run = report.coverage!;
      expect(Object.keys(run.constraints).sort()).toEqual([...SCHEMA_CONSTRAINTS].sort());
      const untried = SCHEMA_CONSTRAINTS.filter((k) => !(run.constraints[k].tried >= 1));
      expect(untried, `untried at seed ${seed}`).toEqual([]);
      const walking = report.properties.find((p) => p.id === 'pagination.exactly-once')!.coverage!;
      // A walking property breaks no constraint, yet lists every one (tried 0): present means counted.
      expect(SCHEMA_CONSTRAINTS.map((k) => walking.constraints[k].tried)).toEqual(SCHEMA_CONSTRAINTS.map(() => 0));
      expect(walking.walks.total).toBeGreaterThan(0);
      expect(walking.walks.multiPage).toBeGreaterThan(0);
      expect(walking.walks.multiPage).toBeLessThanOrEqual(walking.walks.total);
      expect(run.walks.total).toBe(walking.walks.total);
    });
});

describe('constraints are judged from the request itself', () => {
  const cases: [unknown, string[]][] = [
    [{ SessionId: 's', MaxResults: 0 }, ['MaxResults/minimum']],
    [{ SessionId: 's', MaxResults: 2 ** 31 }, ['MaxResults/maximum']],
    [{ SessionId: 's', MaxResults: '1' }, ['MaxResults/type']],
    // A wrong type breaks the type alone, not also the enum it then misses.
    [{ SessionId: 's', ExecutorStateFilter: 5 }, ['ExecutorStateFilter/type']],
    [{ SessionId: 's', ExecutorStateFilter: 'running' }, ['ExecutorStateFilter/enum']],
    [{ SessionId: 'x'.repeat(257) }, ['SessionId/maxLength']],
    // 256 astral code points are 512 UTF-16 units and 1024 bytes, and valid.
    [{ SessionId: '\u{1F600}'.repeat(256) }, []],
    [{ MaxResults: 3 }, ['SessionId/required']],
    [{ SessionId: '' }, ['SessionId/minLength']],
    [{ SessionId: 's', NextToken: 'A'.repeat(2049) }, ['NextToken/maxLength']],
    [[], ['(root)/type']],
    // AWS JSON reads a null optional member as absent: it breaks nothing.
    [{ SessionId: 's', MaxResults: null }, []],
    [{ SessionId: 's', MaxResults: 100, ExecutorStateFilter: 'FAILED', NextToken: 't' }, []],
  ];
  for (const [value, broken] of cases)
    it(`${JSON.stringify(value).slice(0, 60)} breaks ${broken.join(', ') || 'nothing'}`, () => {
      expect(brokenConstraints(value)).toEqual(broken);
    });

  it('a raw body is parsed first, and one that is not JSON breaks (root)/type', () => {
    const c = createCoverage();
    const answer = { status: 400, json: { __type: 'InvalidRequestException', Message: 'm' }, sdkFailed: true };
    recordCall(c, { input: { raw: '{"SessionId":"s","MaxResults":101}' }, ...answer });
    recordCall(c, { input: { raw: '{not json' }, status: 400, json: { __type: 'com.amazon.coral#SerializationException' }, sdkFailed: true });
    expect(c.data.constraints['MaxResults/maximum']).toEqual({ tried: 1, answers: { '400 InvalidRequestException': 1 } });
    expect(c.data.constraints['(root)/type']).toEqual({ tried: 1, answers: { '400 SerializationException': 1 } });
  });

  it("tokens are told apart by what was issued: a walk's own, another session's, another filter's, a tampered one, garbage", () => {
    const c = createCoverage();
    const ok = (NextToken?: string) => ({ status: 200, json: { SessionId: 'a', ExecutorsSummary: [], ...(NextToken ? { NextToken } : {}) }, sdkFailed: false });
    const issued = 'tok-0123456789-abcdef';
    recordCall(c, { input: { SessionId: 'a', MaxResults: 1, ExecutorStateFilter: 'FAILED' }, ...ok(issued) });
    const send = (input: Record<string, unknown>) => recordCall(c, { input, status: 400, json: { __type: 'InvalidRequestException' }, sdkFailed: true });
    recordCall(c, { input: { SessionId: 'a', ExecutorStateFilter: 'FAILED', NextToken: issued }, ...ok() });
    send({ SessionId: 'ab', NextToken: issued, ExecutorStateFilter: 'FAILED' });
    send({ SessionId: 'a', NextToken: issued });
    send({ SessionId: 'a', NextToken: issued.slice(0, 10), ExecutorStateFilter: 'FAILED' });
    send({ SessionId: 'a', NextToken: `${issued.slice(0, -1)}X`, ExecutorStateFilter: 'FAILED' });
    send({ SessionId: 'a', NextToken: 'completely-unrelated-token-text' });
    const tried = Object.fromEntries(Object.entries(c.data.tokens).map(([k, t]) => [k, t.tried]));
    expect(tried).toEqual({ issued: 1, foreign: 1, 'other-filter': 1, tampered: 2, garbage: 1, empty: 0 });
    expect(c.data.tokensIssued).toBe(1);
    // Listings started: the first request (MaxResults 1); token requests start none.
    expect(c.data.maxResults).toEqual({ '1': 1, '100': 0, absent: 0, other: 0 });
  });
});

describe('coverage across shards and formats', () => {
  it('the shards of a run merge into the whole run: counts add up, the longest walk is the longest of any', async () => {
    const only = ['pagination.exactly-once', 'errors.invalid-request'] as const;
    const shards = await Promise.all([1, 2].map((index) => verify({ seed: 4, runs: 20, only: [...only], shard: { index, count: 2 } })));
    const merged = mergeReports(shards as Report[]);
    const part = (r: Report, id: string): Coverage => r.properties.find((p) => p.id === id)!.coverage!;
    const walks = shards.map((r) => part(r, 'pagination.exactly-once').walks);
    expect(part(merged, 'pagination.exactly-once').walks.total).toBe(walks[0].total + walks[1].total);
    expect(part(merged, 'pagination.exactly-once').walks.longest).toBe(Math.max(walks[0].longest, walks[1].longest));
    const tried = (r: Report) => Object.values(part(r, 'errors.invalid-request').constraints).reduce((n, t) => n + t.tried, 0);
    expect(tried(merged)).toBe(tried(shards[0]) + tried(shards[1]));
    expect(tried(merged)).toBeGreaterThan(0);
    expect(merged.coverage!.walks.total).toBe(walks[0].total + walks[1].total);
  });

  it('merging keeps every pinned key, and the maxima as maxima', () => {
    const a = createCoverage().data;
    a.walks = { total: 2, multiPage: 1, longest: 7, complete: 2 };
    a.populations.largest = 30;
    const b = createCoverage().data;
    b.walks = { total: 3, multiPage: 0, longest: 4, complete: 3 };
    b.populations.largest = 50;
    b.constraints['MaxResults/minimum'] = { tried: 2, answers: { '400 InvalidRequestException': 2 } };
    const m = mergeCoverage([a, b, undefined]);
    expect(m.walks).toEqual({ total: 5, multiPage: 1, longest: 7, complete: 5 });
    expect(m.populations.largest).toBe(50);
    expect(m.constraints['MaxResults/minimum']).toEqual({ tried: 2, answers: { '400 InvalidRequestException': 2 } });
    expect(Object.keys(m.constraints).sort()).toEqual([...SCHEMA_CONSTRAINTS].sort());
  });

  it('Markdown marks each item covered, partly or not, and lists each constraint with its answers; JUnit carries the pinned counts', async () => {
    const report = await verify({ seed: 2, runs: 10, only: ['pagination.page-size', 'errors.invalid-request'] });
    const md = renderMarkdown(report);
    expect(md).toContain('## Coverage');
    expect(md).toMatch(/\| walks with a second page \| 🟢 covered \|/);
    // Neither property grows a session mid-walk.
    expect(md).toMatch(/\| executors inserted mid-walk \| 🔴 not covered \| 0 in 0 walk\(s\) \|/);
    for (const k of SCHEMA_CONSTRAINTS) expect(md).toContain(`| \`${k}\` |`);
    const xml = renderJunit(report);
    const pageSize = report.properties.find((p) => p.id === 'pagination.page-size')!.coverage!;
    expect(xml).toContain(`<property name="coverage.walks.total" value="${pageSize.walks.total}"/>`);
    expect(xml).toContain(`<property name="coverage.walks.multiPage" value="${pageSize.walks.multiPage}"/>`);
  });
});
