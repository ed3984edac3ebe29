/**
 * The emulator's mutable state of the three list operations: every session's executors (ListExecutors'
 * parents) and calculations (ListCalculationExecutions'), every workgroup's sessions (ListSessions'),
 * all read by the model and written by the seeding routes, and the lifecycle of sessions started
 * through StartSession, which their workgroup lists as they are.
 */
import type { CalculationSummary, ExecutorState } from '../generated/athena.js';
import { executorsIn, sessionSummary, type Executor } from './session-shapes.js';
import { ParentItems, type Parents } from './parents.js';
import { Workgroups } from './workgroups.js';

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
  /** StartSession's Description, when given. */
  description?: string;
}

/**
 * Sessions and their executors (the parents of ListExecutors, which this class is), their calculations
 * (the parents of ListCalculationExecutions), the workgroups' sessions (ListSessions') and the
 * lifecycle of started sessions.
 */
export class Sessions implements Parents {
  readonly #executors = new ParentItems<Executor>();
  readonly #lifecycle = new Map<string, LifecycleSession>();
  /** Every session's calculations: seeded ones, and those started in a started session (kept current by growth.ts). */
  readonly calculations = new ParentItems<CalculationSummary>();
  /** Every workgroup's sessions: seeded ones, and those started in it as they are now. */
  readonly workgroups = new Workgroups();

  /** The executors of every session, as the model reads them. */
  get store(): ReadonlyMap<string, readonly Executor[]> {
    return this.#executors.store;
  }

  /** The session now holds exactly `executors` (in the order given, which the insertion-order fault shows). */
  seed(sessionId: string, executors: readonly Executor[]): void {
    this.#executors.seed(sessionId, executors);
  }

  /**
   * Forgets the session's executors and, if it was started, the session itself (its workgroup no
   * longer lists it): later calls find no such session. Idempotent. Its calculations are the other
   * list's parents (dropped with it by the seeding route).
   */
  drop(sessionId: string): void {
    this.#executors.drop(sessionId);
    const started = this.#lifecycle.get(sessionId);
    if (started) this.workgroups.hide(started.workGroup, sessionId);
    this.#lifecycle.delete(sessionId);
  }

  /** A number that changes whenever the session's executors do (0 for an unknown session). */
  generation(sessionId: string): number {
    return this.#executors.generation(sessionId);
  }

  /** Registers a session started through StartSession: it holds `executors` and no calculations, and its workgroup lists it. */
  start(sessionId: string, session: LifecycleSession, executors: readonly Executor[]): void {
    this.#lifecycle.set(sessionId, session);
    this.seed(sessionId, executors);
    this.calculations.seed(sessionId, []);
    this.#list(sessionId, session);
  }

  /** Whether the session was started through StartSession (and not dropped since). */
  isStarted(sessionId: string): boolean {
    return this.#lifecycle.has(sessionId);
  }

  /** A started session is now in `state` (its executors left as they are): the busy and idle turns of growth.ts. */
  mark(sessionId: string, state: SessionState, nowSeconds: number, reason?: string): void {
    const session = this.#lifecycle.get(sessionId);
    if (!session) return;
    session.state = state;
    if (reason !== undefined) session.stateChangeReason = reason;
    session.lastModifiedAt = nowSeconds;
    if (state === 'TERMINATED' || state === 'FAILED') session.endedAt = nowSeconds;
    this.#list(sessionId, session);
  }

  /** Its workgroup lists the session as it is now. */
  #list(sessionId: string, session: LifecycleSession): void {
    this.workgroups.show(session.workGroup, sessionSummary(sessionId, session));
  }

  /** The lifecycle of a session: started ones as they are, seeded ones as an IDLE session. */
  lifecycle(sessionId: string): LifecycleSession | undefined {
    const started = this.#lifecycle.get(sessionId);
    if (started || !this.#executors.store.has(sessionId)) return started;
    return { state: 'IDLE', workGroup: 'primary', engineConfiguration: {}, startedAt: 0, lastModifiedAt: 0, statusPolls: 0 };
  }

  /** Moves a started session to `state` (for `reason`, when given), and its executors with it. */
  transition(sessionId: string, state: SessionState, nowSeconds: number, reason?: string): void {
    if (!this.#lifecycle.has(sessionId)) return;
    this.mark(sessionId, state, nowSeconds, reason);
    const executorState = EXECUTOR_STATE_OF[state];
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
