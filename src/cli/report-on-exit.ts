/**
 * A report on every exit of a run: when it ends in an error (exit 2) its reports are still written,
 * with the error's line and the properties that finished; on SIGINT or SIGTERM the partial reports
 * are written (marked interrupted) through the one signal path, after a live run's cleanup, and the
 * run ends with 130 or 143. CI then shows why a job is red, not just that it is.
 */
import type { RunShape } from '../app/verify.js';
import type { PropertyReport, Report, RunListener, Warning } from '../common/results.js';
import { summarize } from '../contract/report/summary.js';
import { cleanupOnSignals, type ExitSignal } from '../live/signals.js';
import { errorLine } from './error-line.js';
import { writeRunReports, type ReportFiles } from './report-files.js';

/** What the run is given: the listener to run with (the console's, and the report-keeper's), and where to tell its shape. */
export interface RunHooks {
  listener: RunListener;
  onStart(shape: RunShape): void;
}

/** Options of {@link withExitReports}. */
export interface ExitReportOptions {
  files: ReportFiles;
  /** The console's progress: told of the run until a signal comes, and of nothing it does after. */
  listener: RunListener;
  /** Prints the partial report's summary on the console. */
  summary(report: Report): void;
  /** One line to stderr. */
  log(line: string): void;
}

/** How the run ended: with its report, or on a signal with the exit code that says which. */
export type RunEnd<R> = { report: R } | { exitCode: number };

/** The shape of a run that ended before `verify` described it: only a failure of its very first step. */
const UNDESCRIBED: RunShape = { mode: 'seeded', target: 'unknown', seed: 0, runs: 0 };

/** The run-level warning of a report cut short by `signal` after `done` of `total` properties. */
function signalWarning(signal: ExitSignal, done: number, total: number): Warning {
  const when = done ? `after ${done} of ${total} properties finished: the report holds those` : 'before any property finished';
  return { kind: 'interrupted', message: `interrupted by ${signal} ${when}` };
}

/** Everything a report of a run that ended early is made of. */
class RunSoFar {
  shape = UNDESCRIBED;
  readonly finished: PropertyReport[] = [];
  total = 0;
  signal: ExitSignal | undefined;
  readonly #startedAt = new Date().toISOString();
  readonly #started = performance.now();

  /** The report of what finished, with what ended the run. */
  report(end: { error: string } | { signal: ExitSignal }): Report {
    const { shard, ...shape } = this.shape;
    const { summary, warnings } = summarize(this.finished);
    const ending = 'error' in end ? { error: { message: end.error } } : { interrupted: { signal: end.signal } };
    const extra = 'signal' in end ? [signalWarning(end.signal, this.finished.length, this.total)] : [];
    return {
      ...shape,
      properties: [...this.finished],
      warnings: [...warnings, ...extra],
      summary,
      ...ending,
      ...(shard ? { shard } : {}),
      startedAt: this.#startedAt,
      durationMs: Math.round(performance.now() - this.#started),
    };
  }
}

/** Writes `report`'s files and says where, or says nothing when none is asked for. */
async function writePartial(report: Report, files: ReportFiles): Promise<string | undefined> {
  await writeRunReports(report, files);
  const written = Object.values(files).filter((f): f is string => !!f);
  return written.length ? `wrote the partial reports: ${written.join(', ')}` : undefined;
}

/**
 * Runs `run` so that it ends with a report whatever happens: its own on success; on an error, the
 * reports of what finished with the error's line, then the error is rethrown; on a signal, the
 * partial reports, then the signal's exit code.
 */
export async function withExitReports<R extends Report>(options: ExitReportOptions, run: (hooks: RunHooks) => Promise<R>): Promise<RunEnd<R>> {
  const so = new RunSoFar();
  let exited: (code: number) => void = () => undefined;
  const signalled = new Promise<number>((resolve) => (exited = resolve));
  const remove = cleanupOnSignals({
    log: options.log,
    // What the run still does once the signal came (failing on a terminated session) is not reported.
    halt: (signal) => (so.signal = signal),
    cleanup: async (signal) => {
      const report = so.report({ signal });
      options.summary(report);
      return writePartial(report, options.files);
    },
    exit: (code) => exited(code),
  });
  const progress = options.listener;
  const listener: RunListener = {
    propertyStart(id, index, total, operation) {
      so.total = total;
      if (so.signal === undefined) progress.propertyStart?.(id, index, total, operation);
    },
    runDone(id, done, planned, operation) {
      if (so.signal === undefined) progress.runDone?.(id, done, planned, operation);
    },
    propertyEnd(p) {
      if (so.signal !== undefined) return;
      so.finished.push(p);
      progress.propertyEnd?.(p);
    },
  };
  try {
    const end = await Promise.race([run({ listener, onStart: (shape) => (so.shape = shape) }).then((report) => ({ report })), signalled.then((exitCode) => ({ exitCode }))]);
    return so.signal === undefined ? end : { exitCode: await signalled };
  } catch (e) {
    if (so.signal !== undefined) return { exitCode: await signalled };
    await writeRunReports(so.report({ error: errorLine(e) }), options.files).catch((w: unknown) => options.log(`could not write the reports: ${(w as Error).message}`));
    throw e;
  } finally {
    remove();
  }
}
