/**
 * Issue 11: every medium shows the new verdict and counters the same way. An inconclusive property is
 * counted in the summary lines and says why (console, Markdown) and is a JUnit `<error>`; calls retried
 * after throttling and flaky runs show in the console summary, the Markdown and JUnit properties; a
 * property with flaky runs warns, per property and for the run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { PropertyReport, Report } from '../src/common/results.js';
import { emptyStats } from '../src/contract/catalogue/context.js';
import { mergeReports } from '../src/contract/report/shard-merge.js';
import type { PropertyRun } from '../src/contract/engine/property-run.js';
import { propertyReport } from '../src/contract/report/property-report.js';
import { summarize } from '../src/contract/report/summary.js';
import { consoleReporter } from '../src/contract/report/formats/console.js';
import { renderJunit } from '../src/contract/report/formats/junit.js';
import { renderMarkdown } from '../src/contract/report/formats/markdown.js';
import { catalogue } from '../src/contract/catalogue/index.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';

const REASON = 'ListExecutors throttled past the retry budget';

function property(id: string, status: PropertyReport['status'], checks: Partial<PropertyReport['checks']> = {}): PropertyReport {
  return {
    id,
    law: 'a law',
    status,
    runs: 5,
    durationMs: 10,
    counterexample: null,
    replay: null,
    ...(status === 'inconclusive' ? { reason: REASON } : {}),
    warnings: [],
    checks: { ...emptyStats(), executorsSeen: 3, okCalls: 5, runs: 5, ...checks },
  };
}

function report(properties: PropertyReport[]): Report {
  return { mode: 'seeded', target: 'http://127.0.0.1:9', seed: 4, runs: 5, properties, ...summarize(properties), startedAt: '2026-01-01T00:00:00.000Z', durationMs: 20 };
}

const mixed = report([property('a.passes', 'passed', { retries: 12, flaky: 1 }), property('b.stuck', 'inconclusive', { retries: 40 })]);

function consoleText(r: Report): string {
  let text = '';
  consoleReporter({ write: (t) => void (text += t), live: false, color: false }).summary(r);
  return text;
}

describe('an inconclusive property in every medium', () => {
  it('console: counted in the summary line, and its reason said', () => {
    const text = consoleText(mixed);
    expect(text).toContain('inconclusive b.stuck: ListExecutors throttled past the retry budget\n');
    expect(text).toMatch(/^0 failed, 1 passed, 0 skipped, 1 inconclusive; 52 calls retried after throttling or a 5xx, 1 flaky run \(seed 4, seeded, /m);
    expect(text).toMatch(/^b\.stuck {3}inconclusive {6}5 /m);
  });

  it('Markdown: the verdict, the count, the status cell and a section that says why', () => {
    const md = renderMarkdown(mixed);
    expect(md).toContain('❔ **1 of 2 properties inconclusive** (1 passed, 0 failed, 0 skipped, 1 inconclusive; 52 calls retried after throttling or a 5xx, 1 flaky run) against');
    expect(md).toContain('| `b.stuck` | a law | ❔ inconclusive | 5 (40 retried) |');
    expect(md).toContain('## ❔ `b.stuck`\n\n**Law:** a law\n\n**Inconclusive:** ListExecutors throttled past the retry budget');
  });

  it('JUnit: an <error> CI test reporters show, counted in errors; retries and flaky runs as properties', () => {
    const xml = renderJunit(mixed);
    expect(xml).toContain('<testsuite name="athena-contract seeded" tests="2" failures="0" errors="1" skipped="0"');
    expect(xml).toContain('<error message="ListExecutors throttled past the retry budget" type="Inconclusive">inconclusive: ListExecutors throttled past the retry budget\nlaw: a law</error>');
    expect(xml).toContain('<properties><property name="retries" value="12"/><property name="flaky" value="1"/></properties>');
    expect(xml).toContain('<property name="retries" value="52"/>');
  });

  it('a run with nothing retried and nothing inconclusive says neither', () => {
    const clean = report([property('a.passes', 'passed')]);
    expect(consoleText(clean)).toMatch(/^0 failed, 1 passed, 0 skipped \(seed 4/m);
    expect(renderMarkdown(clean)).toContain('✅ **all 1 properties passed** (1 passed, 0 failed, 0 skipped) against');
    expect(renderJunit(clean)).not.toMatch(/retries|flaky|<error/);
  });
});

describe('flaky runs and tolerated answers warn, whatever the verdict', () => {
  const run = (stats: Partial<PropertyRun['stats']>, failure: PropertyRun['failure'] = null): PropertyRun => ({
    stats: { ...emptyStats(), executorsSeen: 4, okCalls: 4, runs: 4, ...stats },
    durationMs: 1,
    failure,
    interrupted: false,
    shareMs: 1000,
    shrinkCut: false,
    unshrunk: false,
    noVerdict: null,
  });
  const target = emulatorTarget({ region: 'us-east-1' });
  afterAll(() => target.close());
  const settings = { target, seed: 1, runs: 4, shrinkBudgetMs: 1000 };
  const [responseConforms] = catalogue;

  it('a pass with flaky runs warns with kind "flaky", and the run says which properties had them', () => {
    const p = propertyReport(responseConforms, run({ flaky: 2, retries: 2 }), settings);
    expect(p.status).toBe('passed');
    expect(p.warnings).toEqual([{ kind: 'flaky', message: 'flaky: 2 run(s) got a 5xx to a valid request that went away when sent again' }]);
    expect(summarize([p]).warnings).toEqual([{ kind: 'flaky', message: '1 of 1 properties had flaky runs (response.conforms): a 5xx to a valid request went away when sent again' }]);
  });

  it('merging shards sums the counters and warns from the sums', () => {
    const part = (index: number, flaky: number) => ({ ...report([{ ...property('response.conforms', 'passed', { flaky }) }]), shard: { index, count: 2 } });
    const merged = mergeReports([part(1, 1), part(2, 2)]);
    expect(merged.properties[0].checks.flaky).toBe(3);
    expect(merged.properties[0].warnings).toEqual([{ kind: 'flaky', message: 'flaky: 3 run(s) got a 5xx to a valid request that went away when sent again' }]);
  });
});
