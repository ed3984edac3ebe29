/**
 * `verify --live`: a live target, a session to read (started by the harness unless given), the run,
 * and the session's termination in every case (success, failure, error, SIGINT, SIGTERM), with the
 * session named in the report's `live` member.
 */
import { UsageError } from '../common/errors.js';
import { liveTarget, type LiveTarget, type LiveTargetOptions } from '../targets/live-target.js';
import { SessionKeeper, type LiveSessionReport } from './session.js';
import { cleanupOnSignals } from './signals.js';

/** Options of a live run. */
export interface LiveOptions {
  /** The Spark-enabled workgroup to start a session in (needed unless sessions are given). */
  workGroup?: string;
  /** Milliseconds between GetSessionStatus polls. @defaultValue 5000 */
  pollIntervalMs?: number;
  /** Milliseconds a new session may take to become IDLE. @defaultValue 300000 */
  readyTimeoutMs?: number;
}

/** What a live run adds to the report. */
export interface LiveSummary {
  endpoint: string;
  region: string;
  workGroup?: string;
  sessions: LiveSessionReport[];
}

/** What the run on live AWS gets. */
export interface LiveRun {
  target: LiveTarget;
  sessions: readonly string[];
}

/** Runs `run` on a live target and session, and ends the session whatever happens. */
export async function withLiveSession<R extends object>(
  options: LiveOptions & Pick<LiveTargetOptions, 'region' | 'timeoutMs' | 'rate' | 'retry'> & { sessionIds?: readonly string[]; log: (line: string) => void },
  run: (live: LiveRun) => Promise<R>,
): Promise<R & { live: LiveSummary }> {
  const given = options.sessionIds ?? [];
  if (!given.length && !options.workGroup)
    throw new UsageError('--live needs --workgroup NAME (a Spark-enabled workgroup to start a session in) or --session-id ID (a running session to read)');
  const target = await liveTarget({ region: options.region, timeoutMs: options.timeoutMs, rate: options.rate, retry: options.retry });
  const keeper = new SessionKeeper({ client: target.lifecycle, workGroup: options.workGroup ?? '', pollIntervalMs: options.pollIntervalMs, readyTimeoutMs: options.readyTimeoutMs, log: options.log });
  const removeHandlers = cleanupOnSignals({
    log: options.log,
    cleanup: async () => {
      const ended = await keeper.cleanup();
      return ended ? `session ${ended.sessionId}: ${ended.finalState}` : 'no session was started';
    },
  });
  try {
    const sessions = given.length ? given : [await keeper.start()];
    const report = await run({ target, sessions });
    const ended = await keeper.cleanup();
    const summaries = ended ? [ended] : await Promise.all(given.map((id) => keeper.observe(id)));
    return { ...report, live: { endpoint: target.endpoint, region: target.region, ...(options.workGroup ? { workGroup: options.workGroup } : {}), sessions: summaries } };
  } finally {
    try {
      // Idempotent: after a success this only returns what the run's end already did.
      await keeper.cleanup();
    } finally {
      removeHandlers();
      await target.close();
    }
  }
}
