/**
 * Every stage the emulator runs, and how faults change them. The list stages are the model's
 * (model/stages.ts), the same for every list operation it serves (each stage is handed the
 * operation's profile); beside them sit the answer's final shaping (the wire stage) and the session
 * calls' decisions (the lifecycle stages). A fault overrides a few of them; the emulator composes the
 * overrides once, when it is created, so a fault-free emulator runs the defaults alone.
 */
import { LIST_STAGES, type ListStages, type ModelError } from '../model/index.js';
import type { OperationProfile } from '../profiles/index.js';
import type { WireResponse } from '../wire/exchange.js';
import type { SessionState } from './sessions.js';

/** What a stage may read or count beyond its arguments; the emulator keeps one per instance. */
export interface StageContext {
  /** A number that changes whenever the parent's items do (0 for an unknown parent). */
  generation(profile: OperationProfile, parent: string): number;
  /** How many TerminateSession calls have been answered, the current one included. */
  terminateCalls: number;
  /** How many StopCalculationExecution calls have been answered, the current one included. */
  stopCalls: number;
}

/** An item as the emulator answers it: the stored members, whose values a fault may have changed. */
export type AnsweredItem = Record<string, unknown>;

/** The state a CREATING session moves to, and why when that is not the usual one. */
export interface Settled {
  state: SessionState;
  reason?: string;
}

/** The session calls' decisions (the calls' validation and bookkeeping stay in lifecycle.ts). */
export interface LifecycleStages {
  /** The error to answer instead of starting a valid StartSession, or undefined to start it. */
  readonly startSession: (ctx: StageContext) => ModelError | undefined;
  /** Where a CREATING session goes on its `polls`-th status poll, or undefined to stay CREATING. */
  readonly poll: (polls: number, ctx: StageContext) => Settled | undefined;
  /** The error to answer instead of terminating (ctx.terminateCalls counts this call), or undefined. */
  readonly terminate: (ctx: StageContext) => ModelError | undefined;
  /** The error to answer instead of starting a valid StartCalculationExecution, or undefined to start it. */
  readonly startCalculation: (ctx: StageContext) => ModelError | undefined;
  /** Milliseconds after which a calculation that runs `calculationMs` completes by itself (undefined: never). */
  readonly completion: (calculationMs: number) => number | undefined;
  /** How many workers a calculation gets when the session's DPUs allow `max`. */
  readonly workers: (max: number) => number;
  /** The error to answer instead of stopping (ctx.stopCalls counts this call), or undefined. */
  readonly stopCalculation: (ctx: StageContext) => ModelError | undefined;
}

/** Every stage of the emulator: the model's list stages, the wire stage, the lifecycle stages. */
export interface EmulatorStages extends ListStages<StageContext, AnsweredItem>, LifecycleStages {
  /** The answer's final shaping, on every response (headers and body as sent). */
  readonly wire: (res: WireResponse) => WireResponse;
}

/** What a fault changes: for some stages, a function of the stage as it stands (so it can wrap it) to its replacement. */
export type StageOverrides = { readonly [K in keyof EmulatorStages]?: (base: EmulatorStages[K]) => EmulatorStages[K] };

/** How many status polls a new session stays CREATING for before it is IDLE. */
const POLLS_BEFORE_IDLE = 2;
const IDLE: Settled = { state: 'IDLE' };

/** The emulator without faults: the model's stages, an untouched answer, sessions that start, settle and end. */
export const EMULATOR_STAGES: EmulatorStages = {
  ...LIST_STAGES,
  // A stored item is a JSON object: answered as it is (the faults that change one change a copy).
  summary: (_profile, item) => item as AnsweredItem,
  wire: (res) => res,
  startSession: () => undefined,
  poll: (polls) => (polls <= POLLS_BEFORE_IDLE ? undefined : IDLE),
  terminate: () => undefined,
  startCalculation: () => undefined,
  completion: (calculationMs) => calculationMs,
  workers: (max) => max,
  stopCalculation: () => undefined,
};

function override<K extends keyof EmulatorStages>(stages: EmulatorStages, key: K, overrides: StageOverrides): EmulatorStages {
  const wrap = overrides[key];
  return wrap ? { ...stages, [key]: wrap(stages[key]) } : stages;
}

/**
 * The stages with `overrides` applied in order: each override receives a stage as the ones before it
 * left it. No overrides: EMULATOR_STAGES itself.
 */
export function composeStages(overrides: readonly StageOverrides[]): EmulatorStages {
  let stages = EMULATOR_STAGES;
  for (const o of overrides) {
    for (const key of Object.keys(o) as (keyof EmulatorStages)[]) stages = override(stages, key, o);
  }
  return stages;
}
