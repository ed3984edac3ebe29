/**
 * Calculations in started sessions, and the executors they make a session grow (session-shapes.ts
 * makes them): a calculation asks for workers one clock step after another (each CREATING for a step,
 * then REGISTERED), up to what the session's MaxConcurrentDpus leaves beside its coordinator; when it
 * completes, is stopped or its session ends, its workers are TERMINATING for a step, then TERMINATED. Everything is a function of
 * the clock, read when a request comes: no timers, so a test makes growth fast with a small step.
 */
/** How fast calculations grow and how long they run (milliseconds of the emulator's clock). */
export interface GrowthOptions {
  /** Between one worker and the next, and from CREATING to REGISTERED (TERMINATING to TERMINATED). @defaultValue 1000 */
  stepMs?: number;
  /** How long a calculation runs before it completes by itself. @defaultValue 60000 */
  calculationMs?: number;
}

/** Calculation states of the Athena API (CalculationExecutionState). */
export type CalculationState = 'CREATING' | 'CREATED' | 'QUEUED' | 'RUNNING' | 'CANCELING' | 'CANCELED' | 'COMPLETED' | 'FAILED';

/** States in which a calculation still runs (and bills). */
export const CALCULATION_RUNNING: ReadonlySet<string> = new Set(['CREATING', 'CREATED', 'QUEUED', 'RUNNING', 'CANCELING']);

/** A calculation as started; its state and workers at any time follow from these instants. */
export interface Calculation {
  id: string;
  sessionId: string;
  description?: string;
  submittedAt: number;
  /** The most workers it gets (the session's DPUs beside its coordinator, or what a fault allows). */
  workers: number;
  /** DPUs of each worker (the session's DefaultExecutorDpuSize). */
  workerDpus: number;
  /** When it completes by itself (undefined: never). */
  completesAt?: number;
  stoppedAt?: number;
  sessionEndedAt?: number;
}

/** How one calculation ended, and when (undefined while it runs at `t`). */
function endOf(c: Calculation, t: number): { at: number; by: 'completed' | 'stopped' | 'session' } | undefined {
  const ends = [
    { at: c.completesAt, by: 'completed' as const },
    { at: c.stoppedAt, by: 'stopped' as const },
    { at: c.sessionEndedAt, by: 'session' as const },
  ].filter((e): e is { at: number; by: 'completed' | 'stopped' | 'session' } => e.at !== undefined && e.at <= t);
  return ends.sort((a, b) => a.at - b.at)[0];
}

/** The state of `c` at `t`. */
export function stateAt(c: Calculation, t: number, stepMs: number): CalculationState {
  const end = endOf(c, t);
  if (!end) return t < c.submittedAt + stepMs ? 'CREATING' : 'RUNNING';
  if (end.by === 'completed') return 'COMPLETED';
  return end.by === 'stopped' && t < end.at + stepMs ? 'CANCELING' : 'CANCELED';
}

/** When `c` ended (completion, stop or its session's end), if it had by `t`. */
export function endedAt(c: Calculation, t: number): number | undefined {
  return endOf(c, t)?.at;
}

/** Every calculation of one emulator, in the order started. */
export class Calculations {
  readonly #all = new Map<string, Calculation>();

  /** Registers a started calculation. */
  add(c: Calculation): void {
    this.#all.set(c.id, c);
  }

  get(id: string): Calculation | undefined {
    return this.#all.get(id);
  }

  /** The calculations of a session. */
  of(sessionId: string): Calculation[] {
    return [...this.#all.values()].filter((c) => c.sessionId === sessionId);
  }

  /** How many calculations were ever started (0: nothing to grow, the common case of every request). */
  get size(): number {
    return this.#all.size;
  }

  /** Every calculation. */
  all(): Calculation[] {
    return [...this.#all.values()];
  }
}
