/**
 * The emulator's mutable state of ListExecutors: every session's executors (read by the model, and
 * written by the seeding route, as the sessions route's parents) and the lifecycle of sessions started
 * through StartSession.
 */
import type { ExecutorState } from '../generated/athena.js';
import { executorsIn, type Executor } from './session-shapes.js';
import { ParentItems, type Parents } from './parents.js';

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

/** Sessions and their executors: the parents of ListExecutors, and the sessions' lifecycle. */
export class Sessions implements Parents {
  readonly #executors = new ParentItems<Executor>();
  readonly #lifecycle = new Map<string, LifecycleSession>();

  /** The executors of every session, as the model reads them. */
  get store(): ReadonlyMap<string, readonly Executor[]> {
    return this.#executors.store;
  }

  /** The session now holds exactly `executors` (in the order given, which the insertion-order fault shows). */
  seed(sessionId: string, executors: readonly Executor[]): void {
    this.#executors.seed(sessionId, executors);
  }

  /** Forgets the session: later calls find no such session. Idempotent. */
  drop(sessionId: string): void {
    this.#executors.drop(sessionId);
    this.#lifecycle.delete(sessionId);
  }

  /** A number that changes whenever the session's executors do (0 for an unknown session). */
  generation(sessionId: string): number {
    return this.#executors.generation(sessionId);
  }

  /** Registers a session started through StartSession. */
  start(sessionId: string, session: LifecycleSession, executors: readonly Executor[]): void {
    this.#lifecycle.set(sessionId, session);
    this.seed(sessionId, executors);
  }

  /** The lifecycle of a session: started ones as they are, seeded ones as an IDLE session. */
  lifecycle(sessionId: string): LifecycleSession | undefined {
    const started = this.#lifecycle.get(sessionId);
    if (started || !this.#executors.store.has(sessionId)) return started;
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
    this.seed(sessionId, executorsIn(this.store.get(sessionId) ?? [], executorState, nowSeconds * 1000));
  }

  /** The state of every session started through StartSession (seeded sessions have no lifecycle). */
  states(): Record<string, string> {
    return Object.fromEntries([...this.#lifecycle].map(([id, s]) => [id, s.state]));
  }
}

/** What a session's executors become when the session reaches a state (nothing for states that keep them). */
const EXECUTOR_STATE_OF: Partial<Record<SessionState, ExecutorState>> = {
  IDLE: 'REGISTERED',
  TERMINATED: 'TERMINATED',
  FAILED: 'FAILED',
};
