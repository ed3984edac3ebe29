/**
 * JUnit XML of a contract run: one testcase per property, so CI systems show the catalogue as tests.
 */
import type { Report } from '../../common/results.js';

/** Escapes text for XML attributes and text nodes (control characters dropped: XML 1.0 forbids them). */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Renders the report as a JUnit XML document. */
export function renderJunit(report: Report): string {
  const suiteName = `athena-contract ${report.mode}${report.shard ? ` shard ${report.shard.index}/${report.shard.count}` : ''}`;
  const cases = report.properties.map((p) => {
    const open = `  <testcase classname="athena-contract.${report.mode}" name="${xmlEscape(p.id)}" time="${(p.durationMs / 1000).toFixed(3)}">`;
    if (p.status === 'skipped') return `${open}\n    <skipped message="${xmlEscape(p.reason ?? 'skipped')}"/>\n  </testcase>`;
    if (p.status === 'passed')
      return p.warnings.length ? `${open}\n    <system-out>${xmlEscape(p.warnings.join('\n'))}</system-out>\n  </testcase>` : `${open.slice(0, -1)}/>`;
    const ce = p.counterexample;
    const body = [ce?.message ?? 'failed', `law: ${p.law}`, ce ? `counterexample: ${JSON.stringify(ce.scenario)}` : '', p.replay ? `replay: ${p.replay}` : '', ce?.awsCli ? `by hand: ${ce.awsCli}` : '']
      .filter(Boolean)
      .join('\n');
    return `${open}\n    <failure message="${xmlEscape(ce?.message ?? 'failed')}" type="ContractViolation">${xmlEscape(body)}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="athena-contract" tests="${report.properties.length}" failures="${report.summary.failed}" skipped="${report.summary.skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `<testsuite name="${xmlEscape(suiteName)}" tests="${report.properties.length}" failures="${report.summary.failed}" skipped="${report.summary.skipped}" time="${(report.durationMs / 1000).toFixed(3)}" timestamp="${report.startedAt}">`,
    `  <properties><property name="target" value="${xmlEscape(report.target)}"/><property name="seed" value="${report.seed}"/></properties>`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
