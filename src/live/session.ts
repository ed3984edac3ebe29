/**
 * The Spark session a live run reads: started by the harness in a small configuration (or given
 * by the user), polled until usable within a bound, and terminated, with retries, in every case.
 * Sessions cost money: whatever happens, a session the harness started is terminated before it exits.
 */
import { randomUUID } from 'node:crypto';
import { GetSessionCommand, GetSessionStatusCommand, StartSessionCommand, TerminateSessionCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { TargetError } from '../common/errors.js';
import type { LiveSessionReport } from '../common/results.js';
import { attempted, messageOf, sleep } from './calls.js';

/** The smallest engine a session can have: one coordinator DPU, two concurrent DPUs, one-DPU executors. */
export const SMALLEST_ENGINE = { CoordinatorDpuSize: 1, MaxConcurrentDpus: 2, DefaultExecutorDpuSize: 1 } as const;

/** States in which a new session is still coming up. */
const COMING_UP = new Set(['CREATING', 'CREATED']);
/** States in which the session can be read. */
const USABLE = new Set(['IDLE', 'BUSY']);
/** States after which a session costs nothing. */
const ENDED = new Set(['TERMINATED', 'FAILED']);

/** Options of {@link SessionKeeper}. */
export interface SessionKeeperOptions {
  client: AthenaClient;
  workGroup: string;
  /** Milliseconds between status polls. @defaultValue 5000 */
  pollIntervalMs?: number;
  /** Milliseconds a session may take to become usable (and to end after termination). @defaultValue 300000 */
  readyTimeoutMs?: number;
  /** TerminateSession attempts before giving up. @defaultValue 5 */
  terminateAttempts?: number;
  /** One progress line (stderr in the CLI). */
  log?: (line: string) => void;
  /** MaxConcurrentDpus of the session (2..5000). @defaultValue SMALLEST_ENGINE's 2 */
  maxDpus?: number;
  /** SessionIdleTimeoutInMinutes (1..480): AWS ends the session after that long idle, even if the harness died. */
  idleTimeoutMinutes?: number;
}

/**
 * Starts, watches and always ends the session of a live run. `cleanup()` may be called any number of
 * times, from a `finally` and from a signal handler alike: the session is terminated once.
 */
export class SessionKeeper {
  readonly #options: Required<Omit<SessionKeeperOptions, 'log' | 'maxDpus' | 'idleTimeoutMinutes'>> & Pick<SessionKeeperOptions, 'log' | 'maxDpus' | 'idleTimeoutMinutes'>;
  #starting: Promise<string | undefined> | undefined;
  #cleanup: Promise<LiveSessionReport | undefined> | undefined;
  #id: string | undefined;

  constructor(options: SessionKeeperOptions) {
    this.#options = { pollIntervalMs: 5000, readyTimeoutMs: 300_000, terminateAttempts: 5, ...options };
  }

  /**
   * Starts a session and waits until it is usable. On FAILED, DEGRADED, a timeout or any error the
   * session is terminated first, and a TargetError (exit 2) says what happened and how it ended.
   */
  async start(): Promise<string> {
    const { client, workGroup, maxDpus, idleTimeoutMinutes } = this.#options;
    const engine = { ...SMALLEST_ENGINE, ...(maxDpus === undefined ? {} : { MaxConcurrentDpus: maxDpus }) };
    const idle = idleTimeoutMinutes === undefined ? {} : { SessionIdleTimeoutInMinutes: idleTimeoutMinutes };
    this.#starting = client
      .send(new StartSessionCommand({ WorkGroup: workGroup, EngineConfiguration: engine, ...idle, ClientRequestToken: randomUUID(), Description: 'athena-contract verify --live (terminated when the run ends)' }))
      .then((out) => (this.#id = out.SessionId));
    let id: string | undefined;
    try {
      id = await this.#starting;
    } catch (e) {
      throw new TargetError(`--live: StartSession in workgroup ${workGroup} failed (${messageOf(e)}); check that the workgroup exists, is Spark-enabled, and that the credentials may call athena:StartSession`);
    }
    if (!id) throw new TargetError(`--live: StartSession in workgroup ${workGroup} answered without a SessionId`);
    this.#options.log?.(`started session ${id} in workgroup ${workGroup}; waiting until it is IDLE`);
    try {
      await this.#waitUntilUsable(id);
    } catch (e) {
      const ended = await this.cleanup().catch((c: unknown) => ({ finalState: `not terminated: ${messageOf(c)}` }));
      throw new TargetError(`${(e as Error).message}; session ${id} ${ended?.finalState === 'TERMINATED' ? 'terminated' : `final state ${ended?.finalState}`}`);
    }
    return id;
  }

  async #waitUntilUsable(id: string): Promise<void> {
    const deadline = Date.now() + this.#options.readyTimeoutMs;
    for (;;) {
      const state = await this.#state(id);
      if (USABLE.has(state)) return;
      if (!COMING_UP.has(state)) throw new TargetError(`--live: session ${id} became ${state} instead of IDLE`);
      if (Date.now() + this.#options.pollIntervalMs > deadline)
        throw new TargetError(`--live: session ${id} was still ${state} after ${Math.round(this.#options.readyTimeoutMs / 1000)} s (--ready-timeout)`);
      await sleep(this.#options.pollIntervalMs);
    }
  }

  async #state(id: string): Promise<string> {
    const out = await this.#options.client.send(new GetSessionStatusCommand({ SessionId: id }));
    return out.Status?.State ?? 'UNKNOWN';
  }

  /** Terminates the session the harness started (once, however often called) and reports its final state. */
  cleanup(): Promise<LiveSessionReport | undefined> {
    this.#cleanup ??= this.#terminate();
    return this.#cleanup;
  }

  async #terminate(): Promise<LiveSessionReport | undefined> {
    // A StartSession still in flight may yet create a session: wait for its answer, then end it.
    const id = this.#id ?? (await this.#starting?.catch(() => undefined));
    if (!id) return undefined;
    const { terminateAttempts, pollIntervalMs, readyTimeoutMs } = this.#options;
    const lastError = await attempted(() => this.#options.client.send(new TerminateSessionCommand({ SessionId: id })), terminateAttempts, pollIntervalMs);
    if (lastError !== undefined)
      throw new TargetError(`--live: could not terminate session ${id} after ${terminateAttempts} attempts (${messageOf(lastError)}); terminate it by hand: aws athena terminate-session --session-id ${id}`);
    // TERMINATING is on its way; wait (bounded) to report the state it ends in.
    const deadline = Date.now() + readyTimeoutMs;
    let state = await this.#state(id).catch(() => 'TERMINATING');
    while (!ENDED.has(state) && Date.now() + pollIntervalMs <= deadline) {
      await sleep(pollIntervalMs);
      state = await this.#state(id).catch(() => state);
    }
    this.#options.log?.(`terminated session ${id}: ${state}`);
    const idle = this.#options.idleTimeoutMinutes === undefined ? {} : { idleTimeoutMinutes: this.#options.idleTimeoutMinutes };
    return { sessionId: id, startedByHarness: true, finalState: state, ...idle, ...(await this.#usage(id)) };
  }

  /** The session's DPU usage as Athena reports it (GetSession), or nothing when it cannot be read. */
  async #usage(id: string): Promise<{ dpuExecutionInMillis?: number }> {
    const out = await this.#options.client.send(new GetSessionCommand({ SessionId: id })).catch(() => undefined);
    const millis = out?.Statistics?.DpuExecutionInMillis;
    return millis === undefined ? {} : { dpuExecutionInMillis: millis };
  }

  /** The state of a session the user gave (not started, so not terminated, by the harness). */
  async observe(id: string): Promise<LiveSessionReport> {
    return { sessionId: id, startedByHarness: false, finalState: await this.#state(id).catch((e: unknown) => `unknown (${messageOf(e)})`), ...(await this.#usage(id)) };
  }
}
