/**
 * What the emulator's started sessions look like to Athena's calls: a session's status and summary,
 * its calculations' status and summaries, the executors it holds (its coordinator, the workers its
 * calculations start, what they become when the session settles or ends), the DPUs they use, and the
 * newest executor and session of the living mode. The
 * one emulator module that names the members of these shapes: the rest reads the list operations
 * through their profiles.
 */
import { randomUUID } from 'node:crypto';
import type { CalculationStatus, CalculationSummary, ExecutorState, ExecutorsSummary, SessionSummary } from '../generated/athena.js';
import { CALCULATION_RUNNING, endedAt, stateAt, type Calculation } from './calculations.js';

/** An executor as ListExecutors lists it. */
export type Executor = ExecutorsSummary;

/** The engine version every session of the emulator runs (GetSession's EngineVersion, ListSessions' selected and effective one). */
export const ENGINE_VERSION = 'PySpark engine version 3';

/** A session's status as GetSessionStatus and GetSession answer it (AWS JSON timestamps: epoch seconds). */
export function sessionStatus(session: { state: string; startedAt: number; lastModifiedAt: number; endedAt?: number; stateChangeReason?: string }): Record<string, unknown> {
  return {
    StartDateTime: session.startedAt,
    LastModifiedDateTime: session.lastModifiedAt,
    ...(session.endedAt === undefined ? {} : { EndDateTime: session.endedAt }),
    State: session.state,
    ...(session.stateChangeReason === undefined ? {} : { StateChangeReason: session.stateChangeReason }),
  };
}

/**
 * A started session as ListSessions lists it: its id, description, engine version and status
 * (timestamps in epoch seconds, as the status calls answer them).
 */
export function sessionSummary(id: string, session: Parameters<typeof sessionStatus>[0] & { description?: string }): SessionSummary & { SessionId: string } {
  return {
    SessionId: id,
    ...(session.description === undefined ? {} : { Description: session.description }),
    EngineVersion: { SelectedEngineVersion: ENGINE_VERSION, EffectiveEngineVersion: ENGINE_VERSION },
    Status: sessionStatus(session),
  };
}

/**
 * A calculation's status at `t` (epoch milliseconds): submitted and completed in epoch seconds, its
 * state, and why it was canceled when its session ended under it.
 */
export function calculationStatus(c: Calculation, t: number, stepMs: number): CalculationStatus {
  const state = stateAt(c, t, stepMs);
  const end = CALCULATION_RUNNING.has(state) ? undefined : endedAt(c, t);
  const reason = c.sessionEndedAt !== undefined && state === 'CANCELED' && c.stoppedAt === undefined ? { StateChangeReason: 'The session was terminated' } : {};
  return { SubmissionDateTime: c.submittedAt / 1000, ...(end === undefined ? {} : { CompletionDateTime: end / 1000 }), State: state, ...reason };
}

/** A calculation at `t` as ListCalculationExecutions lists it. */
export function calculationSummary(c: Calculation, t: number, stepMs: number): CalculationSummary {
  return { CalculationExecutionId: c.id, ...(c.description === undefined ? {} : { Description: c.description }), Status: calculationStatus(c, t, stepMs) };
}

/** The COORDINATOR executor a session starts with at `t` (epoch milliseconds), CREATING. */
export function coordinator(id: string, t: number): Executor {
  return { ExecutorId: id, ExecutorType: 'COORDINATOR', StartDateTime: Math.round(t), ExecutorState: 'CREATING', ExecutorSize: 1 };
}

/** The session's executors once they are all in `state` (ended ones terminated at `t`, epoch milliseconds). */
export function executorsIn(executors: readonly Executor[], state: ExecutorState, t: number): Executor[] {
  const ended = state === 'TERMINATED' || state === 'FAILED';
  return executors.map((e) => ({ ...e, ExecutorState: state, ...(ended ? { TerminationDateTime: Math.round(t) } : {}) }));
}

/** Which executors there are and in what state: two lists with one signature list the same. */
export function executorsSignature(executors: readonly Executor[]): string {
  return executors.map((e) => `${e.ExecutorId}:${e.ExecutorState}`).join(',');
}

/** The workers of `c` at `t`: ids derived from the calculation's, so every read lists the same executors. */
export function workersAt(c: Calculation, t: number, stepMs: number): Executor[] {
  const end = endedAt(c, t);
  const out: Executor[] = [];
  for (let i = 0; i < c.workers; i++) {
    const created = c.submittedAt + (i + 1) * stepMs;
    if (created > t || (end !== undefined && created >= end)) break;
    const state = end === undefined ? (t < created + stepMs ? 'CREATING' : 'REGISTERED') : t < end + stepMs ? 'TERMINATING' : 'TERMINATED';
    out.push({
      ExecutorId: `${c.id}-executor-${i + 1}`,
      ExecutorType: 'WORKER',
      StartDateTime: Math.round(created),
      ExecutorState: state,
      ExecutorSize: c.workerDpus,
      ...(state === 'TERMINATED' ? { TerminationDateTime: Math.round(end! + stepMs) } : {}),
    });
  }
  return out;
}

/** DPU milliseconds the executors have used by `t`: size times the time from start to termination (or `t`). */
export function dpuMillis(executors: readonly Executor[], t: number): number {
  let sum = 0;
  for (const e of executors) {
    if (e.StartDateTime === undefined) continue;
    sum += (e.ExecutorSize ?? 1) * Math.max(0, (e.TerminationDateTime ?? t) - e.StartDateTime);
  }
  return Math.round(sum);
}

/** The living mode's (living.ts) new WORKER executor started at `t` (epoch milliseconds, a whole number as the API's long is): CREATING. */
export function livingExecutor(t: number): Executor {
  return { ExecutorId: randomUUID(), ExecutorType: 'WORKER', StartDateTime: t, ExecutorState: 'CREATING', ExecutorSize: 1 };
}

/** The living mode's (living.ts) new session started at `t` (epoch seconds, as AWS JSON timestamps are): CREATING. */
export function livingSession(t: number): SessionSummary {
  return {
    SessionId: randomUUID(),
    Description: 'athena-contract serve --living: a session of a busy workgroup',
    EngineVersion: { SelectedEngineVersion: ENGINE_VERSION, EffectiveEngineVersion: ENGINE_VERSION },
    Status: { StartDateTime: t, LastModifiedDateTime: t, State: 'CREATING' },
  };
}
