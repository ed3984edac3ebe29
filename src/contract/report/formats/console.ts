/**
 * The console reporter: one progress line per property as it runs (updated in place with the count
 * of runs on a TTY), then a table, each failure's counterexample and replay command, and why each
 * inconclusive property reached no verdict.
 */
import type { Latency, LiveReport, RunListener, PropertyReport, Report } from '../../../common/results.js';
import { coverageLine } from '../../coverage/index.js';
import { clip } from '../../catalogue/text.js';
import { inconclusiveNote, retryNote, retryTotals } from './counts.js';
import { failureSections, type Answer, type FailureSections } from './failure-sections.js';
import { listExecutorsOnly, propertyName, reportOperations } from './names.js';

/** Options of {@link consoleReporter}. */
export interface ConsoleOptions {
  write(text: string): void;
  /** Rewrite the current line as runs complete (a TTY without `--no-progress`). */
  live: boolean;
  color: boolean;
}

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function statusMark(p: PropertyReport, color: boolean): string {
  if (p.status === 'passed') return paint(color, 32, p.warnings.length ? 'pass*' : 'pass ');
  if (p.status === 'failed') return paint(color, 31, 'FAIL ');
  if (p.status === 'inconclusive') return paint(color, 35, 'INCON');
  return paint(color, 33, 'skip ');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function answerText(answer: Answer): string {
  return 'status' in answer ? `${answer.status} ${truncate(answer.body, 300)}` : `no answer: ${answer.transportError}`;
}

/** A failure under the summary table: its sections, one indented line each, long values clipped. */
function failureText(s: FailureSections, color: boolean): string {
  const lines = [`\n${paint(color, 31, `✗ ${propertyName(s)}`)}: ${s.law}`];
  if (s.message !== undefined) lines.push(`  ${s.message}`);
  if (s.counterexample) lines.push(`  counterexample: ${truncate(s.counterexample.json, 600)}`);
  if (s.request) lines.push(`  request:  ${s.request.method} ${s.request.path} ${truncate(s.request.body, 300)}`);
  if (s.answer) lines.push(`  answer:   ${answerText(s.answer)}`);
  if (s.byHand) lines.push(`  by hand:  ${s.byHand}`);
  if (s.replay) lines.push(`  replay:   ${s.replay}`);
  // Whole, never clipped: a clipped script does not run. Bash ignores the indentation.
  if (s.reproduce) lines.push('  reproduce (a bash script; `verify --reproduce DIR` writes it to a file):', ...s.reproduce.trimEnd().split('\n').map((l) => `    ${l}`));
  return lines.map((l) => `${l}\n`).join('');
}

/** What a property that ran did: its runs and time, the calls it retried and its flaky runs. */
function runsText(p: PropertyReport): string {
  const retried = retryNote(p.checks);
  const boundary = p.boundary ? ` + ${p.boundary} boundary` : '';
  return `${p.runs} runs${boundary}, ${seconds(p.durationMs)}${retried ? `, ${retried}` : ''}`;
}

/** The summary table: one row per property, its status column as wide as the widest status. */
function tableText(report: Report): string {
  const idWidth = Math.max(8, ...report.properties.map((p) => propertyName(p).length));
  const statusWidth = Math.max(7, ...report.properties.map((p) => p.status.length));
  const rows = report.properties.map((p) => `${propertyName(p).padEnd(idWidth)}  ${p.status.padEnd(statusWidth)}  ${String(p.runs).padStart(5)}  ${seconds(p.durationMs).padStart(8)}`);
  return `\n${'property'.padEnd(idWidth)}  ${'status'.padEnd(statusWidth)}   runs      time\n${rows.join('\n')}\n`;
}

/** A live run's bill in one line: the DPUs each session used as Athena reports them, the calculation, the executors seen. */
export function liveLine(live: LiveReport): string {
  const sessions = live.sessions.map((s) => {
    const dpu = s.dpuExecutionInMillis === undefined ? 'DPU usage unknown' : `${(s.dpuExecutionInMillis / 3_600_000).toFixed(4)} DPU-hours (${s.dpuExecutionInMillis} DPU-ms)`;
    return `session ${s.sessionId} ${s.finalState}, ${dpu}`;
  });
  const c = live.calculation;
  const calc = c ? `; calculation ${c.calculationId} ${c.finalState}; executors besides the coordinator: peak ${c.executors.peak}, ${c.executors.distinct} seen (--min-executors ${c.minExecutors}${c.reached ? '' : ', not reached'})` : '; no calculation';
  return `live: ${sessions.join('; ')}${calc}\n`;
}

/** Where the time went: calls made and the target's answer times (mean / p95), per property and for the run; empty without calls. */
function latencyText(report: Report): string {
  const rows = report.properties.filter((p) => p.latency?.calls).map((p) => [propertyName(p), p.latency!] as const);
  if (!report.latency?.calls) return '';
  const width = Math.max(3, ...rows.map(([id]) => id.length));
  const row = (name: string, l: Latency) => `  ${name.padEnd(width)}  ${String(l.calls).padStart(6)}  ${l.meanMs.toFixed(1).padStart(7)} ms  ${l.p95Ms.toFixed(1).padStart(7)} ms\n`;
  const head = `  ${'answer times'.padEnd(width)}  ${'calls'.padStart(6)}  ${'mean'.padStart(10)}  ${'p95'.padStart(10)}\n`;
  return `\n${head}${rows.map(([id, l]) => row(id, l)).join('')}${row('all', report.latency)}`;
}

/** A run listener that prints progress, and a function that prints the final summary. */
export function consoleReporter(options: ConsoleOptions): RunListener & { summary(report: Report): void } {
  const { write, live, color } = options;
  let lastPaint = 0;
  let index = 0;
  let total = 0;
  return {
    propertyStart(id, i, n, operation) {
      index = i + 1;
      total = n;
      if (live) write(`[${index}/${total}] ${propertyName({ id, operation })} …`);
    },
    runDone(id, done, planned, operation) {
      const now = performance.now();
      if (!live || now - lastPaint < 80) return;
      lastPaint = now;
      write(`\r\u001b[2K[${index}/${total}] ${propertyName({ id, operation })} … ${done}/${planned} runs`);
    },
    propertyEnd(p) {
      const tail = p.status === 'skipped' ? `(${p.reason})` : runsText(p);
      const line = `[${index}/${total}] ${statusMark(p, color)} ${propertyName(p)} ${tail}`;
      write(live ? `\r\u001b[2K${line}\n` : `${line}\n`);
    },
    summary(report) {
      write(tableText(report));
      write(latencyText(report));
      for (const p of report.properties.filter((x) => x.status === 'failed')) write(failureText(failureSections(p), color));
      for (const p of report.properties.filter((x) => x.status === 'inconclusive')) write(`${paint(color, 35, 'inconclusive')} ${propertyName(p)}: ${p.reason ?? 'no verdict'}\n`);
      for (const p of report.properties.filter((x) => x.status !== 'skipped' && x.coverage)) write(`${paint(color, 36, 'coverage')} ${propertyName(p)}: ${coverageLine(p.coverage!)}\n`);
      for (const p of report.properties) for (const w of p.warnings) write(`${paint(color, 33, 'warning')} ${propertyName(p)}: ${w.message}\n`);
      for (const w of report.warnings) write(`${paint(color, 33, 'warning')} ${w.message}\n`);
      if (report.error) write(`${paint(color, 31, '✗ run error')}: ${report.error.message}\n`);
      if (report.live) write(liveLine(report.live));
      if (report.interrupted) write(`${paint(color, 31, `✗ run interrupted by ${report.interrupted.signal}`)}: the properties above finished, the others did not run\n`);
      const { passed, failed, skipped } = report.summary;
      const retried = retryNote(retryTotals(report));
      const counts = `${passed} passed, ${skipped} skipped${inconclusiveNote(report)}${retried ? `; ${retried}` : ''}`;
      const operations = listExecutorsOnly(report) ? '' : `${reportOperations(report).join(' + ')}, `;
      write(`\n${failed ? paint(color, 31, `${failed} failed`) : paint(color, 32, '0 failed')}, ${counts} (seed ${report.seed}, ${report.mode}, ${operations}${report.target}, ${seconds(report.durationMs)})\n`);
    },
  };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${clip(s, n)} (${s.length} chars)` : s;
}
