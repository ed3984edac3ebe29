/**
 * The console reporter: one progress line per property as it runs (updated in place with the count
 * of runs on a TTY), then a table and each failure's counterexample and replay command.
 */
import type { RunListener, PropertyReport, Report } from '../../common/results.js';
import { clip } from '../text.js';

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
  return paint(color, 33, 'skip ');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A run listener that prints progress, and a function that prints the final summary. */
export function consoleReporter(options: ConsoleOptions): RunListener & { summary(report: Report): void } {
  const { write, live, color } = options;
  let lastPaint = 0;
  let index = 0;
  let total = 0;
  return {
    propertyStart(id, i, n) {
      index = i + 1;
      total = n;
      if (live) write(`[${index}/${total}] ${id} …`);
    },
    runDone(id, done, planned) {
      const now = performance.now();
      if (!live || now - lastPaint < 80) return;
      lastPaint = now;
      write(`\r\u001b[2K[${index}/${total}] ${id} … ${done}/${planned} runs`);
    },
    propertyEnd(p) {
      const tail = p.status === 'skipped' ? `(${p.reason})` : `${p.runs} runs, ${seconds(p.durationMs)}`;
      const line = `[${index}/${total}] ${statusMark(p, color)} ${p.id} ${tail}`;
      write(live ? `\r\u001b[2K${line}\n` : `${line}\n`);
    },
    summary(report) {
      const idWidth = Math.max(8, ...report.properties.map((p) => p.id.length));
      const rows = report.properties.map((p) => `${p.id.padEnd(idWidth)}  ${p.status.padEnd(7)}  ${String(p.runs).padStart(5)}  ${seconds(p.durationMs).padStart(8)}`);
      write(`\n${'property'.padEnd(idWidth)}  status    runs      time\n${rows.join('\n')}\n`);
      for (const p of report.properties.filter((x) => x.status === 'failed')) {
        const ce = p.counterexample;
        write(`\n${paint(color, 31, `✗ ${p.id}`)}: ${p.law}\n`);
        if (ce) {
          write(`  ${ce.message}\n`);
          write(`  counterexample: ${truncate(JSON.stringify(ce.scenario), 600)}\n`);
          const last = ce.failingExchange === null ? ce.exchanges.at(-1) : ce.exchanges[ce.failingExchange];
          if (last) {
            write(`  request:  ${last.request.method} ${last.request.path} ${truncate(last.request.body, 300)}\n`);
            write(`  answer:   ${last.response ? `${last.response.status} ${truncate(last.response.body, 300)}` : `no answer: ${last.transportError}`}\n`);
          }
          if (ce.awsCli) write(`  by hand:  ${ce.awsCli}\n`);
        }
        if (p.replay) write(`  replay:   ${p.replay}\n`);
      }
      for (const p of report.properties) for (const w of p.warnings) write(`${paint(color, 33, 'warning')} ${p.id}: ${w}\n`);
      for (const w of report.warnings) write(`${paint(color, 33, 'warning')} ${w}\n`);
      const { passed, failed, skipped } = report.summary;
      write(`\n${failed ? paint(color, 31, `${failed} failed`) : paint(color, 32, '0 failed')}, ${passed} passed, ${skipped} skipped (seed ${report.seed}, ${report.mode}, ${report.target}, ${seconds(report.durationMs)})\n`);
    },
  };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${clip(s, n)} (${s.length} chars)` : s;
}
