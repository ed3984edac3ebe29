/**
 * What calculations do to the sessions they run in: before every request the emulator brings each
 * started session's executors, state (BUSY while a calculation runs, IDLE after) and listed
 * calculations to the clock's time. Seeded sessions have no started calculations and never change here.
 */
import type { CalculationSummary } from '../generated/athena.js';
import { CALCULATION_RUNNING, endedAt, stateAt, type Calculation, type Calculations, type GrowthOptions } from './calculations.js';
import { calculationSummary, dpuMillis, executorsSignature, workersAt, type Executor } from './session-shapes.js';
import type { Sessions } from './sessions.js';

/** What growth reads: the sessions, their calculations, and the pace. */
export interface GrowthContext {
  sessions: Sessions;
  calculations: Calculations;
  growth: Required<GrowthOptions>;
  /** Milliseconds since the epoch: Date.now unless a test gives its own clock. */
  clock: () => number;
}

/** Ends the calculations of a session that is being terminated (their workers end with it). */
export function endCalculations(ctx: GrowthContext, sessionId: string, t: number): void {
  for (const c of ctx.calculations.of(sessionId)) if (endedAt(c, t) === undefined) c.sessionEndedAt = t;
}

/** The executors a started session holds at `t`: its coordinator and every calculation's workers. */
function composed(ctx: GrowthContext, sessionId: string, t: number): Executor[] {
  const coordinators = (ctx.sessions.store.get(sessionId) ?? []).filter((e) => e.ExecutorType === 'COORDINATOR');
  return [...coordinators, ...ctx.calculations.of(sessionId).flatMap((c) => workersAt(c, t, ctx.growth.stepMs))];
}

/** Which calculations there are and how they stand: two lists with one signature list the same. */
function calculationsSignature(calculations: readonly CalculationSummary[]): string {
  return JSON.stringify(calculations);
}

/**
 * The calculations a started session lists at `t`: those seeded into it, then every one started in
 * it, as each stands at `t`.
 */
function listedCalculations(ctx: GrowthContext, started: readonly Calculation[], listed: readonly CalculationSummary[], t: number): CalculationSummary[] {
  const ids = new Set(started.map((c) => c.id));
  const seeded = listed.filter((c) => c.CalculationExecutionId === undefined || !ids.has(c.CalculationExecutionId));
  return [...seeded, ...started.map((c) => calculationSummary(c, t, ctx.growth.stepMs))];
}

/**
 * Brings every started session with calculations to `t`: BUSY while one runs, IDLE after, executors
 * and listed calculations as they are then (the calculations of an ended session still move on, to
 * CANCELED).
 */
export function grow(ctx: GrowthContext, t: number): void {
  if (ctx.calculations.size === 0) return;
  const sessionIds = new Set(ctx.calculations.all().map((c) => c.sessionId));
  for (const id of sessionIds) {
    if (!ctx.sessions.isStarted(id)) continue;
    const started = ctx.calculations.of(id);
    const listed = ctx.sessions.calculations.store.get(id) ?? [];
    const calculations = listedCalculations(ctx, started, listed, t);
    if (calculationsSignature(calculations) !== calculationsSignature(listed)) ctx.sessions.calculations.seed(id, calculations);
    const session = ctx.sessions.lifecycle(id);
    if (!session || (session.state !== 'IDLE' && session.state !== 'BUSY')) continue;
    const busy = started.some((c) => CALCULATION_RUNNING.has(stateAt(c, t, ctx.growth.stepMs)));
    const state = busy ? 'BUSY' : 'IDLE';
    if (session.state !== state) ctx.sessions.mark(id, state, t / 1000);
    const executors = composed(ctx, id, t);
    if (executorsSignature(executors) !== executorsSignature(ctx.sessions.store.get(id) ?? [])) ctx.sessions.seed(id, executors);
  }
}

/** The DPU milliseconds a session's executors (coordinator included) have used by `t`. */
export function sessionDpuMillis(ctx: GrowthContext, sessionId: string, t: number): number {
  return dpuMillis(ctx.sessions.store.get(sessionId) ?? [], t);
}
