/**
 * JUnit XML of a contract run: one testcase per property, so CI systems show the catalogue as tests.
 * Every element goes through {@link element}, so no text or attribute reaches the XML unescaped.
 */
import type { CheckStats, PropertyReport, Report } from '../../../common/results.js';
import { coverageItems } from '../../coverage/index.js';
import { retryTotals } from './counts.js';
import { failureSections } from './failure-sections.js';
import { listExecutorsOnly, reportOperations } from './names.js';
import { operationOf } from '../summary.js';

/**
 * What XML 1.0 forbids (its `Char` production): control characters but tab, newline and carriage
 * return, lone surrogates (the `u` flag matches them as single code points), U+FFFE and U+FFFF.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML attributes and text nodes: characters XML 1.0 forbids are dropped (a strict
 * CI parser rejects the whole file for one of them), and the five markup characters become entities.
 */
export function xmlEscape(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * What an element holds: text (escaped here), or child elements already rendered, side by side or
 * one per line (`child` indents them, `own` the closing tag).
 */
export type XmlContent = { text: string } | { children: readonly string[]; lines?: { own: string; child: string } };

/** Renders one element with its attributes in order: empty (`<a/>`) when it has no content. */
export function element(name: string, attributes: Record<string, string | number>, content?: XmlContent): string {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`).join('');
  if (!content) return `<${name}${attrs}/>`;
  if ('text' in content) return `<${name}${attrs}>${xmlEscape(content.text)}</${name}>`;
  const { children, lines } = content;
  const inner = lines ? `${children.map((c) => `\n${lines.child}${c}`).join('')}\n${lines.own}` : children.join('');
  return `<${name}${attrs}>${inner}</${name}>`;
}

/** A `<property>` for each counter `checks` holds above zero: calls retried, flaky runs. */
function counterProperties(checks: Pick<CheckStats, 'retries' | 'flaky'>): string[] {
  return (['retries', 'flaky'] as const).filter((k) => checks[k] > 0).map((k) => element('property', { name: k, value: checks[k] }));
}

/** The text of a failure or an error: what happened first, then the lines that help act on it. */
function detail(first: string, lines: readonly string[]): string {
  return [first, ...lines].filter(Boolean).join('\n');
}

/**
 * What a testcase holds: nothing for a clean pass, its warnings, why it was skipped, its failure,
 * or for an inconclusive property an `<error>` (CI test reporters show errors) saying why.
 */
function caseContent(p: PropertyReport): string | undefined {
  if (p.status === 'skipped') return element('skipped', { message: p.reason ?? 'skipped' });
  if (p.status === 'passed') return p.warnings.length ? element('system-out', {}, { text: p.warnings.map((w) => w.message).join('\n') }) : undefined;
  if (p.status === 'inconclusive') {
    const reason = p.reason ?? 'inconclusive';
    return element('error', { message: reason, type: 'Inconclusive' }, { text: detail(`inconclusive: ${reason}`, [`law: ${p.law}`, ...p.warnings.map((w) => w.message)]) });
  }
  const s = failureSections(p);
  const body = [`law: ${s.law}`, s.counterexample ? `counterexample: ${s.counterexample.json}` : '', s.replay ? `replay: ${s.replay}` : '', s.byHand ? `by hand: ${s.byHand}` : ''];
  return element('failure', { message: s.message ?? 'failed', type: 'ContractViolation' }, { text: detail(s.message ?? 'failed', body) });
}

/**
 * A `<property>` per pinned coverage count and per coverage item of a property that ran:
 * `coverage.walks.total`, `coverage.walks.multiPage`, then `coverage.<item>` = `covered: detail`.
 */
function coverageProperties(report: Report, p: PropertyReport): string[] {
  const c = p.coverage;
  if (!c || p.status === 'skipped') return [];
  const items = coverageItems(c, report.mode).map((i) => element('property', { name: `coverage.${i.key}`, value: `${i.status}: ${i.detail}` }));
  return [element('property', { name: 'coverage.walks.total', value: c.walks.total }), element('property', { name: 'coverage.walks.multiPage', value: c.walks.multiPage }), ...items];
}

/**
 * A testcase's class: the run's mode, and its operation (`athena-contract.seeded.ListSessions`) unless
 * the run checked ListExecutors alone, whose testcases keep the class they had before there were
 * several operations (CI keys its test history on class and name).
 */
function classOf(report: Report, p: PropertyReport): string {
  return listExecutorsOnly(report) ? `athena-contract.${report.mode}` : `athena-contract.${report.mode}.${operationOf(p)}`;
}

function testcase(report: Report, p: PropertyReport): string {
  const counters = [...counterProperties(p.checks), ...coverageProperties(report, p)];
  const children = [...(counters.length ? [element('properties', {}, { children: counters })] : []), caseContent(p)].filter((c): c is string => c !== undefined);
  const attributes = { classname: classOf(report, p), name: p.id, time: (p.durationMs / 1000).toFixed(3) };
  return element('testcase', attributes, children.length ? { children, lines: { own: '  ', child: '    ' } } : undefined);
}

/** The testcase of a run that ended early (an error, a signal), so that CI test reporters show why. */
function runEndCase(report: Report): string | undefined {
  const message = report.error?.message ?? (report.interrupted && `interrupted by ${report.interrupted.signal}: the properties reported finished, the others did not run`);
  if (!message) return undefined;
  const error = element('error', { message, type: report.error ? 'RunError' : 'Interrupted' }, { text: message });
  return element('testcase', { classname: `athena-contract.${report.mode}`, name: 'run', time: (report.durationMs / 1000).toFixed(3) }, { children: [error], lines: { own: '  ', child: '    ' } });
}

/** Renders the report as a JUnit XML document; inconclusive properties and a run that ended early count as errors. */
export function renderJunit(report: Report): string {
  const { summary } = report;
  const ended = runEndCase(report);
  const counts = { tests: report.properties.length + (ended ? 1 : 0), failures: summary.failed, errors: summary.inconclusive + (ended ? 1 : 0), skipped: summary.skipped, time: (report.durationMs / 1000).toFixed(3) };
  const suiteName = `athena-contract ${report.mode}${report.shard ? ` shard ${report.shard.index}/${report.shard.count}` : ''}`;
  const runProperties = [element('property', { name: 'target', value: report.target }), element('property', { name: 'seed', value: report.seed }), ...(listExecutorsOnly(report) ? [] : [element('property', { name: 'operations', value: reportOperations(report).join(',') })]), ...counterProperties(retryTotals(report))];
  const properties = element('properties', {}, { children: runProperties });
  const suite = element('testsuite', { name: suiteName, ...counts, timestamp: report.startedAt }, { children: [properties, ...report.properties.map((p) => testcase(report, p)), ...(ended ? [ended] : [])], lines: { own: '', child: '  ' } });
  return ['<?xml version="1.0" encoding="UTF-8"?>', element('testsuites', { name: 'athena-contract', ...counts }, { children: [suite], lines: { own: '', child: '' } }), ''].join('\n');
}
