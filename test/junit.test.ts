/**
 * The JUnit writer: every text and attribute goes through one element helper with XML 1.0's full
 * escaping, so a message carrying a control character, a lone surrogate or U+FFFE never makes a CI
 * system reject the whole file.
 */
import { describe, expect, it } from 'vitest';
import type { PropertyReport, Report } from '../src/common/results.js';
import { element, renderJunit, xmlEscape } from '../src/contract/report/formats/junit.js';

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function reportWith(property: Partial<PropertyReport>): Report {
  const p: PropertyReport = {
    id: 'ordering.newest-first',
    law: 'StartDateTime never increases',
    status: 'failed',
    runs: 1,
    durationMs: 12,
    counterexample: null,
    replay: null,
    warnings: [],
    checks: { executorsSeen: 0, okCalls: 0, errorCalls: 0, vacuousRuns: 0, runs: 1, boundary: 0, boundarySkipped: 0, retries: 0, flaky: 0, errorNamedByCode: 0, errorNamedByHeader: 0 },
    ...property,
  };
  const summary = { passed: p.status === 'passed' ? 1 : 0, failed: p.status === 'failed' ? 1 : 0, skipped: p.status === 'skipped' ? 1 : 0, inconclusive: p.status === 'inconclusive' ? 1 : 0 };
  return { mode: 'seeded', target: 'built-in emulator (in process)', seed: 1, runs: 1, properties: [p], warnings: [], summary, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 12 };
}

describe('xmlEscape', () => {
  it('escapes the five markup characters', () => {
    expect(xmlEscape(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
  });

  it('drops the control characters XML 1.0 forbids and keeps tab, newline and carriage return', () => {
    expect(xmlEscape('a\u0000b\u0008c\u000bd\u000ce\u001ff\tg\nh\ri\u007fj')).toBe('abcdef\tg\nh\ri\u007fj');
  });

  it('drops lone surrogates, high or low, and keeps surrogate pairs', () => {
    expect(xmlEscape('x\ud800y\udc00z')).toBe('xyz');
    expect(xmlEscape('end\ud83d')).toBe('end');
    expect(xmlEscape('\ude00start')).toBe('start');
    expect(xmlEscape('smile \ud83d\ude00')).toBe('smile \ud83d\ude00');
  });

  it('drops U+FFFE and U+FFFF and keeps the characters around them', () => {
    expect(xmlEscape('a\ufffeb\uffffc\ufffdd')).toBe('abc\ufffdd');
  });
});

describe('element', () => {
  it('is empty without content, escapes attributes in order and text', () => {
    expect(element('skipped', { message: 'a "b" & c' })).toBe('<skipped message="a &quot;b&quot; &amp; c"/>');
    expect(element('system-out', {}, { text: '1 < 2' })).toBe('<system-out>1 &lt; 2</system-out>');
    expect(element('p', { b: 2, a: 1 })).toBe('<p b="2" a="1"/>');
  });

  it('holds children side by side, or one per line indented', () => {
    expect(element('ps', {}, { children: ['<p/>', '<q/>'] })).toBe('<ps><p/><q/></ps>');
    expect(element('case', { n: 1 }, { children: ['<x/>'], lines: { own: '  ', child: '    ' } })).toBe('<case n="1">\n    <x/>\n  </case>');
  });
});

describe('renderJunit', () => {
  it('a lone surrogate or a forbidden character in a failure never reaches the XML', () => {
    const message = 'expected "a\ud800" & <b>, got \u0001\uffff';
    const xml = renderJunit(reportWith({ counterexample: { message, scenario: { id: 'e\udc00' }, exchanges: [], failingExchange: null, seed: 1, path: '0' }, replay: 'npx athena-contract verify' }));
    expect(xml).not.toMatch(LONE_SURROGATE);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    // Strict UTF-8 round trip: what a CI parser reads is exactly what was written.
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml);
    expect(xml).toContain('<failure message="expected &quot;a&quot; &amp; &lt;b&gt;, got " type="ContractViolation">');
  });

  it('a passed property with warnings carries their messages in system-out; a clean pass is an empty testcase', () => {
    const warned = renderJunit(reportWith({ status: 'passed', warnings: [{ kind: 'vacuous', message: "vacuous: it's empty" }] }));
    expect(warned).toContain('    <system-out>vacuous: it&apos;s empty</system-out>\n  </testcase>');
    const clean = renderJunit(reportWith({ status: 'passed' }));
    expect(clean).toMatch(/^ {2}<testcase classname="athena-contract\.seeded" name="ordering\.newest-first" time="0\.012"\/>$/m);
  });
});
