/**
 * `verify --live`: a live target, a session to read (started by the harness unless given), grown by
 * a calculation so that it lists executors besides its coordinator, the run (the calculation keeps
 * running while the catalogue lists: the session moves as a working one does, and the laws conclude
 * only what holds of a moving target; nothing is paused to make the data hold still), and the
 * calculation's stop and the session's termination at the end in every case (success, failure,
 * error, SIGINT, SIGTERM), with the session, the calculation and the DPUs used in the report's `live`
 * member. The cost stays bounded by the calculation's hold and the session's idle timeout
 * (growth-code.ts) whatever happens to the harness. A run of ListCalculationExecutions also starts
 * small calculations in the session it grows, so that its calculations fill more than one page at
 * MaxResults 1; a run of ListSessions reads the sessions of the workgroup (read only: the harness ends
 * only the session it started). */
import { UsageError } from '../common/errors.js';
import type { LiveReport, Warning } from '../common/results.js';
import { liveTarget, type LiveTarget, type LiveTargetOptions } from '../targets/live-target.js';
import { LIST_CALCULATION_EXECUTIONS, type OperationProfile } from '../profiles/index.js';
import { CalculationKeeper, SAMPLE_PAGES } from './calculation.js';
import { SmallCalculations } from './small-calculations.js';
import { growthCode, holdSecondsFor, idleTimeoutMinutes } from './growth-code.js';
import { SessionKeeper } from './session.js';
import { cleanupOnSignals } from './signals.js';

/** Executors besides the coordinator a live run waits for unless `minExecutors` says otherwise. */
export const DEFAULT_MIN_EXECUTORS = 2;
/** MaxConcurrentDpus of a session the harness starts unless `maxDpus` says otherwise: a 1-DPU coordinator and three 1-DPU executors. */
export const DEFAULT_MAX_DPUS = 4;
/** The API's bounds of MaxConcurrentDpus. */
const MAX_DPUS_RANGE = { min: 2, max: 5000 } as const;

/** Options of a live run. */
export interface LiveOptions {
  /** The Spark-enabled workgroup to start a session in (needed unless sessions are given). */
  workGroup?: string;
  /** Milliseconds between GetSessionStatus polls. @defaultValue 5000 */
  pollIntervalMs?: number;
  /** Milliseconds a new session may take to become IDLE (and a calculation to bring its executors). @defaultValue 300000 */
  readyTimeoutMs?: number;
  /** Executors besides the coordinator to wait for before the catalogue runs. @defaultValue DEFAULT_MIN_EXECUTORS */
  minExecutors?: number;
  /** MaxConcurrentDpus of a session the harness starts (2..5000). @defaultValue DEFAULT_MAX_DPUS */
  maxDpus?: number;
  /** With given sessions: grow the first one with a calculation too (never done unasked). @defaultValue false */
  grow?: boolean;
}

/** What a live run adds to the report. */
export type LiveSummary = LiveReport;

/**
 * What the run on live AWS gets: the target, the sessions (ListExecutors and ListCalculationExecutions
 * read them), the workgroups (ListSessions reads them: the one the session was started in), and the
 * operations.
 */
export interface LiveRun {
  target: LiveTarget;
  sessions: readonly string[];
  workgroups: readonly string[];
  /** The operations the run verifies, as given. @defaultValue ListExecutors alone */
  operations?: readonly OperationProfile[];
  /**
   * The list calls the harness makes around the run and not in it: those it made waiting for executors
   * and the most its closing count may make. A call budget is the run's in all, so it pays for these first.
   */
  listCallsAround?: number;
}

/** The options of one live run, checked, with what follows from them. */
interface LivePlan {
  given: readonly string[];
  grow: boolean;
  minExecutors: number;
  maxDpus: number;
  idleTimeoutMinutes: number;
  holdSeconds: number;
}

function planOf(options: LiveOptions & { sessionIds?: readonly string[]; deadlineMs?: number }): LivePlan {
  const given = options.sessionIds ?? [];
  if (!given.length && !options.workGroup)
    throw new UsageError('--live needs --workgroup NAME (a Spark-enabled workgroup to start a session in) or --session-id ID (a running session to read)');
  if (options.grow && !given.length) throw new UsageError('--grow applies to a given session (--session-id ID): a session the harness starts is always grown');
  const maxDpus = options.maxDpus ?? DEFAULT_MAX_DPUS;
  if (!Number.isInteger(maxDpus) || maxDpus < MAX_DPUS_RANGE.min || maxDpus > MAX_DPUS_RANGE.max)
    throw new UsageError(`--max-dpus: expected an integer from ${MAX_DPUS_RANGE.min} (the API's minimum) to ${MAX_DPUS_RANGE.max}, got ${maxDpus}`);
  const minExecutors = options.minExecutors ?? DEFAULT_MIN_EXECUTORS;
  if (!Number.isInteger(minExecutors) || minExecutors < 1) throw new UsageError(`--min-executors: expected a positive integer, got ${minExecutors}`);
  if (!given.length && minExecutors > maxDpus - 1)
    throw new UsageError(`--min-executors ${minExecutors} needs --max-dpus ${minExecutors + 1} or more (a 1-DPU coordinator and 1-DPU executors), got --max-dpus ${maxDpus}`);
  const deadlineMs = options.deadlineMs ?? 600_000;
  return { given, grow: !given.length || !!options.grow, minExecutors, maxDpus, idleTimeoutMinutes: idleTimeoutMinutes(deadlineMs), holdSeconds: holdSecondsFor(deadlineMs) };
}

type LiveRunOptions = LiveOptions &
  Pick<LiveTargetOptions, 'region' | 'timeoutMs' | 'rate' | 'retry'> & {
    sessionIds?: readonly string[];
    deadlineMs?: number;
    log: (line: string) => void;
    /** The operations verified: with ListCalculationExecutions among them, a grown session gets small calculations too. */
    operations?: readonly OperationProfile[];
  };

/** Runs `run` on a live target and session, and stops the calculation and ends the session whatever happens. */
export async function withLiveSession<R extends { warnings: Warning[] }>(options: LiveRunOptions, run: (live: LiveRun) => Promise<R>): Promise<R & { live: LiveSummary }> {
  const plan = planOf(options);
  const target = await liveTarget({ region: options.region, timeoutMs: options.timeoutMs, rate: options.rate, retry: options.retry });
  const poll = { pollIntervalMs: options.pollIntervalMs ?? 5000, readyTimeoutMs: options.readyTimeoutMs ?? 300_000 };
  const keeper = new SessionKeeper({ client: target.lifecycle, workGroup: options.workGroup ?? '', ...poll, log: options.log, maxDpus: plan.maxDpus, idleTimeoutMinutes: plan.idleTimeoutMinutes });
  const calculation = plan.grow
    ? new CalculationKeeper({ client: target.lifecycle, minExecutors: plan.minExecutors, pollIntervalMs: poll.pollIntervalMs, timeoutMs: poll.readyTimeoutMs, log: options.log })
    : undefined;
  const small = calculation && options.operations?.includes(LIST_CALCULATION_EXECUTIONS) ? new SmallCalculations({ client: target.lifecycle, pollIntervalMs: poll.pollIntervalMs, timeoutMs: poll.readyTimeoutMs, log: options.log }) : undefined;
  // The calculations first: a given session outlives the run, so its calculations must be stopped by name.
  const end = async () => {
    await Promise.all([small?.stop(), calculation?.stop()]);
    return keeper.cleanup();
  };
  const removeHandlers = cleanupOnSignals({
    log: options.log,
    cleanup: async () => {
      const ended = await end();
      const calc = calculation?.report();
      return `${calc ? `calculation ${calc.calculationId}: ${calc.finalState}; ` : ''}${ended ? `session ${ended.sessionId}: ${ended.finalState}` : 'no session was started'}`;
    },
  });
  try {
    const sessions = plan.given.length ? plan.given : [await keeper.start()];
    let warnings: Warning[] = [];
    // The small calculations first, each to its end: a session starts a calculation only when IDLE.
    if (small) warnings = await small.start(sessions[0]);
    if (calculation) {
      await calculation.start(sessions[0], growthCode({ holdSeconds: plan.holdSeconds, executors: plan.maxDpus - 1 }));
      warnings = [...warnings, ...(await calculation.waitForExecutors())];
    }
    const workgroups = options.workGroup ? [options.workGroup] : [];
    // The calculation keeps running (and growing the session) while the catalogue lists: it is stopped at the end.
    const listCallsAround = calculation ? calculation.listCalls + SAMPLE_PAGES : 0;
    const report = await run({ target, sessions, workgroups, listCallsAround, ...(options.operations ? { operations: options.operations } : {}) });
    const ended = await end();
    const summaries = ended ? [ended] : await Promise.all(plan.given.map((id) => keeper.observe(id)));
    return { ...report, warnings: [...report.warnings, ...warnings], live: liveSummary(target, options, plan, summaries, calculation) };
  } finally {
    try {
      // Idempotent: after a success this only returns what the run's end already did.
      await end();
    } finally {
      removeHandlers();
      await target.close();
    }
  }
}

function liveSummary(target: LiveTarget, options: LiveOptions, plan: LivePlan, sessions: LiveReport['sessions'], calculation: CalculationKeeper | undefined): LiveSummary {
  const calc = calculation?.report();
  return {
    endpoint: target.endpoint,
    region: target.region,
    ...(options.workGroup ? { workGroup: options.workGroup } : {}),
    sessions,
    ...(plan.given.length ? {} : { maxDpus: plan.maxDpus }),
    ...(calc ? { calculation: calc } : {}),
  };
}
