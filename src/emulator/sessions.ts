/**
 * The emulator's mutable state: every session's executors (read by the model as a SessionStore) and
 * the lifecycle of sessions started through StartSession.
 */
import type { ExecutorsSummary } from '../generated/athena.js';
import type { SessionStore } from '../model/index.js';

/** Session states of the Athena API (SessionState). */
export type SessionState = 'CREATING' | 'CREATED' | 'IDLE' | 'BUSY' | 'TERMINATING' | 'TERMINATED' | 'DEGRADED' | 'FAILED';

/** A session started through StartSession. */
export interface LifecycleSession {
  state: SessionState;
  workGroup: string;
  engineConfiguration: Record<string, unknown>;
  /** Epoch seconds, as AWS JSON timestamps are. */
  startedAt: number;
  lastModifiedAt: number;
  endedAt?: number;
  statusPolls: number;
  /** Why the session reached its state, when a stage said (GetSessionStatus's StateChangeReason). */
  stateChangeReason?: string;
  /** StartSession's SessionIdleTimeoutInMinutes, when given. */
  idleTimeoutMinutes?: number;
}

/** Sessions and their executors. */
export class Sessions {
  readonly #executors = new Map<string, readonly ExecutorsSummary[]>();
  readonly #generations = new Map<string, number>();
  readonly #lifecycle = new Map<string, LifecycleSession>();
  #nextGeneration = 1;

  /** The executors of every session, as the model reads them. */
  get store(): SessionStore {
    return this.#executors;
  }

  /**
   * The session now holds exactly `executors` (in the order given, which the insertion-order fault
   * shows). A new frozen array every time: the model memoizes its ordering per array.
   */
  seed(sessionId: string, executors: readonly ExecutorsSummary[]): void {
    this.#executors.set(sessionId, Object.freeze(executors.map((e) => Object.freeze({ ...e }))));
    this.#generations.set(sessionId, this.#nextGeneration++);
  }

  /** Forgets the session: later calls find no such session. Idempotent. */
  drop(sessionId: string): void {
    this.#executors.delete(sessionId);
    this.#generations.delete(sessionId);
    this.#lifecycle.delete(sessionId);
  }

  /** A number that changes whenever the session's executors do (0 for an unknown session). */
  generation(sessionId: string): number {
    return this.#generations.get(sessionId) ?? 0;
  }

  /** Registers a session started through StartSession. */
  start(sessionId: string, session: LifecycleSession, executors: readonly ExecutorsSummary[]): void {
    this.#lifecycle.set(sessionId, session);
    this.seed(sessionId, executors);
  }

  /** The lifecycle of a session: started ones as they are, seeded ones as an IDLE session. */
  lifecycle(sessionId: string): LifecycleSession | undefined {
    const started = this.#lifecycle.get(sessionId);
    if (started || !this.#executors.has(sessionId)) return started;
    return { state: 'IDLE', workGroup: 'primary', engineConfiguration: {}, startedAt: 0, lastModifiedAt: 0, statusPolls: 0 };
  }

  /** Moves a started session to `state` (for `reason`, when given), and its executors with it. */
  transition(sessionId: string, state: SessionState, nowSeconds: number, reason?: string): void {
    const session = this.#lifecycle.get(sessionId);
    if (!session) return;
    session.state = state;
    if (reason !== undefined) session.stateChangeReason = reason;
    session.lastModifiedAt = nowSeconds;
    const executorState = EXECUTOR_STATE_OF[state];
    if (state === 'TERMINATED' || state === 'FAILED') session.endedAt = nowSeconds;
    if (!executorState) return;
    const ended = executorState === 'TERMINATED' || executorState === 'FAILED';
    this.seed(sessionId, (this.#executors.get(sessionId) ?? []).map((e) => ({
      ...e,
      ExecutorState: executorState,
      ...(ended ? { TerminationDateTime: Math.round(nowSeconds * 1000) } : {}),
    })));
  }

  /** The state of every session started through StartSession (seeded sessions have no lifecycle). */
  states(): Record<string, string> {
    return Object.fromEntries([...this.#lifecycle].map(([id, s]) => [id, s.state]));
  }
}

/** What a session's executors become when the session reaches a state (nothing for states that keep them). */
const EXECUTOR_STATE_OF: Partial<Record<SessionState, ExecutorsSummary['ExecutorState']>> = {
  IDLE: 'REGISTERED',
  TERMINATED: 'TERMINATED',
  FAILED: 'FAILED',
};
