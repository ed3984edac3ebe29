/**
 * What the living mode (living.ts) does to one item of each list operation: the newest item a busy
 * parent gains (at its first state, started now) and the next step of an item along its lifecycle, as
 * the Athena API documents them (API.md): executors CREATING, CREATED, REGISTERED, TERMINATING,
 * TERMINATED; sessions CREATING, CREATED, IDLE, BUSY, IDLE (and BUSY again), TERMINATING, TERMINATED;
 * calculations CREATING, CREATED, QUEUED, RUNNING, COMPLETED. Ended states, and those the lifecycle
 * does not pass through (FAILED, DEGRADED, CANCELED...), take no step: a seeded item in one holds still.
 */
import { randomUUID } from 'node:crypto';
import type { CalculationExecutionState, CalculationSummary, ExecutorState, SessionState, SessionSummary } from '../generated/athena.js';
import type { Executor } from './session-shapes.js';

/** How many times a session of the living mode turns BUSY before it ends (IDLE, BUSY, IDLE, BUSY, IDLE, TERMINATING). */
export const BUSY_TURNS = 2;

/** The next state of an executor, or undefined when it takes no step. */
const EXECUTOR_NEXT: Readonly<Partial<Record<string, ExecutorState>>> = { CREATING: 'CREATED', CREATED: 'REGISTERED', REGISTERED: 'TERMINATING', TERMINATING: 'TERMINATED' };
/** The next state of a calculation, or undefined when it takes no step. */
const CALCULATION_NEXT: Readonly<Partial<Record<string, CalculationExecutionState>>> = { CREATING: 'CREATED', CREATED: 'QUEUED', QUEUED: 'RUNNING', RUNNING: 'COMPLETED' };

/** The next state of a session other than IDLE (whose next depends on its BUSY turns). */
const SESSION_NEXT: Readonly<Partial<Record<string, SessionState>>> = { CREATING: 'CREATED', CREATED: 'IDLE', BUSY: 'IDLE', TERMINATING: 'TERMINATED' };

/**
 * The next state of a session that has been BUSY `turns` times, or undefined when it takes no step:
 * an IDLE one turns BUSY until it has BUSY_TURNS times, then ends.
 */
export function nextSessionState(state: string | undefined, turns: number): SessionState | undefined {
  if (state === 'IDLE') return turns < BUSY_TURNS ? 'BUSY' : 'TERMINATING';
  return SESSION_NEXT[state ?? ''];
}

/** Whether an executor takes a step from its state. */
export const executorMoves = (e: Executor): boolean => EXECUTOR_NEXT[e.ExecutorState ?? ''] !== undefined;
/** Whether a calculation takes a step from its state. */
export const calculationMoves = (c: CalculationSummary): boolean => CALCULATION_NEXT[c.Status?.State ?? ''] !== undefined;

/** The executor a step later, at `t` (epoch milliseconds): a TERMINATED one says when. */
export function executorStep(e: Executor, t: number): Executor {
  const state = EXECUTOR_NEXT[e.ExecutorState ?? ''];
  if (state === undefined) return e;
  return { ...e, ExecutorState: state, ...(state === 'TERMINATED' ? { TerminationDateTime: t } : {}) };
}

/** The session a step later, at `t` (epoch seconds), after `turns` BUSY turns: modified then, a TERMINATED one ended then. */
export function sessionStep(s: SessionSummary, turns: number, t: number): SessionSummary {
  const state = nextSessionState(s.Status?.State, turns);
  if (state === undefined) return s;
  return { ...s, Status: { ...s.Status, State: state, LastModifiedDateTime: t, ...(state === 'TERMINATED' ? { EndDateTime: t } : {}) } };
}

/** A new calculation submitted at `t` (epoch seconds): CREATING. */
export function livingCalculation(t: number): CalculationSummary {
  return { CalculationExecutionId: randomUUID(), Description: 'athena-contract serve --living: a calculation of a busy session', Status: { SubmissionDateTime: t, State: 'CREATING' } };
}

/** The calculation a step later, at `t` (epoch seconds): a COMPLETED one says when. */
export function calculationStep(c: CalculationSummary, t: number): CalculationSummary {
  const state = CALCULATION_NEXT[c.Status?.State ?? ''];
  if (state === undefined) return c;
  return { ...c, Status: { ...c.Status, State: state, ...(state === 'COMPLETED' ? { CompletionDateTime: t } : {}) } };
}
