/**
 * The conformance report in Markdown, for pull requests and CI job summaries: a summary line, a table
 * of the catalogue, for each failure its requests and answers and the command that replays it, and
 * for each inconclusive property why it reached no verdict, and what the run exercised (coverage).
 */
import type { Coverage, PropertyReport, Report } from '../../../common/results.js';
import { coverageItems, type ItemStatus } from '../../coverage/index.js';
import { clip } from '../../catalogue/text.js';
import { inconclusiveNote, retryNote, retryTotals } from './counts.js';
import { failureSections, type FailureSections } from './failure-sections.js';
import { propertyName, reportOperations } from './names.js';
import { operationOf } from '../summary.js';

/** Escapes text for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(s: string, max = 200): string {
  const t = clip(s, max);
  return t ? `\`${cell(t).replace(/`/g, "'")}\`` : '(empty)';
}

const STATUS: Record<PropertyReport['status'], string> = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped', inconclusive: '❔ inconclusive' };

function exchangeRows({ all, shown, culprit }: NonNullable<FailureSections['exchanges']>): string[] {
  // The last few exchanges tell the story; a long walk's early pages do not.
  const from = Math.max(0, shown - 5);
  return all.slice(from, shown + 1).map((e, i) => {
    const target = e.request.headers['x-amz-target']?.split('.').pop() ?? `${e.request.method} ${e.request.path}`;
    const answer = e.response ? `${e.response.status} ${code(e.response.body)}` : `no answer: ${cell(e.transportError ?? '')}`;
    const mark = culprit && from + i === shown ? ' **←**' : '';
    return `| ${from + i + 1} | ${cell(target)} ${code(e.request.body)} | ${answer}${mark} |`;
  });
}

/** A failure's section of the report: its law, what broke, the counterexample, the exchanges, how to see it again. */
function failureLines(s: FailureSections): string[] {
  const lines = ['', `## ❌ \`${propertyName(s)}\``, '', `**Law:** ${s.law}`, ''];
  if (s.message !== undefined && s.counterexample && s.exchanges) {
    lines.push(`**Broken:** ${s.message}`, '', '**Counterexample** (after shrinking):', '', '```json', clip(s.counterexample.pretty, 4000), '```', '');
    lines.push('| # | request | answer |', '| ---: | --- | --- |', ...exchangeRows(s.exchanges), '');
    if (s.byHand) lines.push('By hand:', '', '```sh', s.byHand, '```', '');
    if (s.reproduce) lines.push('<details><summary>Reproduce: a bash script that sends these requests again</summary>', '', '```sh', s.reproduce.trimEnd(), '```', '', '</details>', '');
  }
  if (s.replay) lines.push('Replay:', '', '```sh', s.replay, '```');
  return lines;
}

/** The verdict of a run that ended early (an error, a signal): not one of its properties'. */
function runEndVerdict(report: Report): string | undefined {
  if (report.error) return '⛔ **the run ended in an error**';
  if (report.interrupted) return `⏹️ **the run was interrupted by ${report.interrupted.signal}**`;
  return undefined;
}

/** An inconclusive property's section: its law and why its runs reached no verdict. */
function inconclusiveLines(p: PropertyReport): string[] {
  return ['', `## ❔ \`${propertyName(p)}\``, '', `**Law:** ${p.law}`, '', `**Inconclusive:** ${p.reason ?? 'no verdict'}`];
}

/** The verdict that opens the report, in bold: failures first, then inconclusive properties. */
function verdictOf(report: Report): string {
  const ended = runEndVerdict(report);
  if (ended) return ended;
  const { passed, failed, inconclusive } = report.summary;
  const total = report.properties.length;
  if (failed) return `❌ **${failed} of ${total} properties failed**`;
  return inconclusive ? `❔ **${inconclusive} of ${total} properties inconclusive**` : `✅ **all ${passed} properties passed**`;
}

/** A property's row of the table; its runs say how many calls were retried, when some were. */
function row(p: PropertyReport): string {
  const retried = p.checks.retries ? ` (${p.checks.retries} retried)` : '';
  return `| \`${p.id}\` | ${cell(p.law)} | ${STATUS[p.status]}${p.warnings.length ? ' ⚠️' : ''} | ${p.runs}${retried} | ${(p.durationMs / 1000).toFixed(2)} s |`;
}

/** Each coverage status's mark, green to red as TraceCov draws them. */
const COVERED: Record<ItemStatus, string> = { covered: '🟢 covered', partly: '🟡 partly', not: '🔴 not covered', 'n/a': '⚪ n/a' };

/** The run's coverage (`title`d, of one operation or all): one row per item, then each request constraint with the answers its breaking requests got. */
function coverageLines(coverage: Coverage, report: Report, title = 'Coverage'): string[] {
  const items = coverageItems(coverage, report.mode).map((i) => `| ${cell(i.title)} | ${COVERED[i.status]} | ${cell(i.detail)} |`);
  const answers = (a: Record<string, number>) => cell(Object.entries(a).map(([k, n]) => `${k} ×${n}`).join(', ')) || '—';
  const constraints = Object.entries(coverage.constraints).map(([k, t]) => `| \`${k}\` | ${t.tried ? '🟢' : '🔴'} ${t.tried} | ${answers(t.answers)} |`);
  return ['', `## ${title}`, '', '| item | covered | detail |', '| --- | --- | --- |', ...items, '', '| request constraint broken | tried | answers |', '| --- | ---: | --- |', ...constraints];
}

const TABLE_HEAD = ['| property | law | status | runs | time |', '| --- | --- | --- | ---: | ---: |'];

/**
 * The table of the catalogue: one for a run of one operation; with several, a section per operation
 * (`## ListSessions`) with its verdict counts and its table.
 */
function tableLines(report: Report, operations: readonly string[]): string[] {
  if (operations.length === 1) return ['', ...TABLE_HEAD, ...report.properties.map(row)];
  return operations.flatMap((operation) => {
    const own = report.properties.filter((p) => operationOf(p) === operation);
    const count = (status: PropertyReport['status']) => own.filter((p) => p.status === status).length;
    const counts = `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped${count('inconclusive') ? `, ${count('inconclusive')} inconclusive` : ''}`;
    return ['', `## ${operation}`, '', `${counts}.`, '', ...TABLE_HEAD, ...own.map(row)];
  });
}

/** The coverage sections: the run's, or with several operations each one's. */
function coverageSections(report: Report, operations: readonly string[]): string[] {
  const byOperation = report.coverageByOperation;
  if (operations.length > 1 && byOperation) return operations.flatMap((o) => (byOperation[o] ? coverageLines(byOperation[o], report, `Coverage: ${o}`) : []));
  return report.coverage ? coverageLines(report.coverage, report) : [];
}

/** Renders the report as Markdown: the operations run in its title (`ListExecutors` alone as ever), and a section per operation when there are several. */
export function renderMarkdown(report: Report): string {
  const { passed, failed, skipped } = report.summary;
  const shard = report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : '';
  const retried = retryNote(retryTotals(report));
  const counts = `${passed} passed, ${failed} failed, ${skipped} skipped${inconclusiveNote(report)}${retried ? `; ${retried}` : ''}`;
  const operations = reportOperations(report);
  const lines = [
    `# ${operations.join(', ')} conformance report`,
    '',
    `${verdictOf(report)} (${counts}) against ${code(report.target)} in ${report.mode} mode, seed ${report.seed}, ${report.runs} runs per property${shard}.`,
    ...(report.error ? ['', `**Error:** ${report.error.message}`] : []),
    ...tableLines(report, operations),
  ];
  for (const w of [...report.warnings.map((x) => x.message), ...report.properties.flatMap((p) => p.warnings.map((x) => `\`${propertyName(p)}\`: ${x.message}`))]) lines.push('', `> ⚠️ ${w}`);
  for (const p of report.properties.filter((x) => x.status === 'failed')) lines.push(...failureLines(failureSections(p)));
  for (const p of report.properties.filter((x) => x.status === 'inconclusive')) lines.push(...inconclusiveLines(p));
  lines.push(...coverageSections(report, operations));
  return `${lines.join('\n')}\n`;
}
