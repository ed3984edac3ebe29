/**
 * The conformance report in Markdown, for pull requests and CI job summaries: a summary line, a table
 * of the catalogue, and for each failure its requests and answers and the command that replays it.
 */
import type { Exchange } from '../../wire/exchange.js';
import type { PropertyReport, Report } from '../../common/results.js';
import { clip } from '../text.js';

/** Escapes text for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(s: string, max = 200): string {
  const t = clip(s, max);
  return t ? `\`${cell(t).replace(/`/g, "'")}\`` : '(empty)';
}

const STATUS: Record<PropertyReport['status'], string> = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' };

function exchangeRows(exchanges: Exchange[], failing: number | null): string[] {
  // The last few exchanges tell the story; a long walk's early pages do not.
  const from = Math.max(0, (failing ?? exchanges.length - 1) - 5);
  return exchanges.slice(from, (failing ?? exchanges.length - 1) + 1).map((e, i) => {
    const target = e.request.headers['x-amz-target']?.split('.').pop() ?? `${e.request.method} ${e.request.path}`;
    const answer = e.response ? `${e.response.status} ${code(e.response.body)}` : `no answer: ${cell(e.transportError ?? '')}`;
    const mark = from + i === failing ? ' **←**' : '';
    return `| ${from + i + 1} | ${cell(target)} ${code(e.request.body)} | ${answer}${mark} |`;
  });
}

/** Renders the report as Markdown. */
export function renderMarkdown(report: Report): string {
  const { passed, failed, skipped } = report.summary;
  const verdict = failed ? `❌ **${failed} of ${report.properties.length} properties failed**` : `✅ **all ${passed} properties passed**`;
  const shard = report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : '';
  const lines = [
    '# ListExecutors conformance report',
    '',
    `${verdict} (${passed} passed, ${failed} failed, ${skipped} skipped) against ${code(report.target)} in ${report.mode} mode, seed ${report.seed}, ${report.runs} runs per property${shard}.`,
    '',
    '| property | law | status | runs | time |',
    '| --- | --- | --- | ---: | ---: |',
    ...report.properties.map((p) => `| \`${p.id}\` | ${cell(p.law)} | ${STATUS[p.status]}${p.warnings.length ? ' ⚠️' : ''} | ${p.runs} | ${(p.durationMs / 1000).toFixed(2)} s |`),
  ];
  for (const w of [...report.warnings, ...report.properties.flatMap((p) => p.warnings.map((x) => `\`${p.id}\`: ${x}`))]) lines.push('', `> ⚠️ ${w}`);
  for (const p of report.properties.filter((x) => x.status === 'failed')) {
    const ce = p.counterexample;
    lines.push('', `## ❌ \`${p.id}\``, '', `**Law:** ${p.law}`, '');
    if (ce) {
      lines.push(`**Broken:** ${ce.message}`, '', '**Counterexample** (after shrinking):', '', '```json', clip(JSON.stringify(ce.scenario, null, 2), 4000), '```', '');
      lines.push('| # | request | answer |', '| ---: | --- | --- |', ...exchangeRows(ce.exchanges, ce.failingExchange), '');
      if (ce.awsCli) lines.push('By hand:', '', '```sh', ce.awsCli, '```', '');
    }
    if (p.replay) lines.push('Replay:', '', '```sh', p.replay, '```');
  }
  return `${lines.join('\n')}\n`;
}
