/**
 * The emulator's one request handler: a WireRequest in, a WireResponse out, pure of transport. The
 * HTTP server, the SDK request handler and the nock interceptor are thin bindings over it. Its
 * behaviour is the stages' (stages.ts): the model's, with the overrides of the faults it was given.
 */
import type { CalculationSummary, SessionSummary } from '../generated/athena.js';
import { DEFAULT_TOKEN_KEY, type Item } from '../model/index.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, type OperationProfile } from '../profiles/index.js';
import type { WireRequest, WireResponse } from '../wire/exchange.js';
import { sdkHandler, type AthenaRequestHandler } from '../wire/sdk-handler.js';
import { Calculations, stateAt, type GrowthOptions } from './calculations.js';
import { FAULT_NAMES, isFaultName, stagesWith, type FaultName } from './faults.js';
import { grow } from './growth.js';
import { Living } from './living.js';
import type { OperationContext } from './lifecycle.js';
import { listOf } from './operations.js';
import { dropParent, seedParent, type Parents } from './parents.js';
import { route } from './routes.js';
import { assertSeed } from './seeding.js';
import type { Executor } from './session-shapes.js';
import { Sessions } from './sessions.js';
import { errorResponse } from './wire.js';

/**
 * What a session holds at start, in the seeding route's words: its executors and its calculations (an
 * absent member means none).
 */
export interface SessionSeedOption {
  executors?: Executor[];
  calculations?: CalculationSummary[];
}

/** How an emulator starts: the sessions and workgroups it holds, the faults it has, the key that signs its tokens. */
export interface EmulatorOptions {
  /**
   * Sessions to seed at start, keyed by SessionId (validated like the seeding route's bodies): each its
   * executors (a list, as before), or `{ executors, calculations }`.
   */
  sessions?: Record<string, Executor[] | SessionSeedOption>;
  /** Workgroups to seed at start, keyed by WorkGroup: each its sessions as ListSessions lists them (validated like the seeding route's bodies). */
  workgroups?: Record<string, SessionSummary[]>;
  /** Deliberate deviations, for proving that the property catalogue catches them (none by default). */
  faults?: FaultName[];
  /** The HMAC key of NextTokens (default: the model's fixed DEFAULT_TOKEN_KEY, valid across instances). */
  tokenKey?: string;
  /** How fast calculations start executors and how long they run (small steps make tests fast). */
  growth?: GrowthOptions;
  /** Milliseconds since the epoch, read on every request. @defaultValue Date.now */
  clock?: () => number;
  /**
   * The living mode: this many times a second (a number > 0) every parent gains a newest item and one
   * of its items takes a step along its lifecycle, as in a busy service (living.ts). Driven by
   * `clock`; `close()` stops it. @defaultValue off
   */
  living?: number;
}

/** The emulator without a transport: answer requests, seed and drop sessions. */
export interface EmulatorCore {
  /** Answers one request; never throws (an emulator bug becomes a 500 InternalServerException). */
  handle(req: WireRequest): WireResponse;
  /** A socket-free handler for `new AthenaClient({ requestHandler })`: the fastest binding. */
  requestHandler(): AthenaRequestHandler;
  /** The session now holds exactly `executors` (created if new, with no calculations; its calculations stay otherwise); throws on an invalid seed. */
  seed(sessionId: string, executors: readonly Executor[]): void;
  /** Forgets a session: its executors and its calculations (idempotent). */
  drop(sessionId: string): void;
  /**
   * The parent now holds exactly `items` of the profile's operation (created if new; a new session
   * seeded with calculations has no executors, and the other way round); throws on an invalid seed or
   * an operation the emulator does not serve.
   */
  seedItems(profile: OperationProfile, parent: string, items: readonly object[]): void;
  /** Forgets a parent of the profile's operation, in every list of its seeding route (idempotent). */
  dropParent(profile: OperationProfile, parent: string): void;
  /** The state of every session started through StartSession, so tests can assert none is left running. */
  sessionStates(): Record<string, string>;
  /** The state of every calculation, by CalculationExecutionId, so tests can assert none is left running. */
  calculationStates(): Record<string, string>;
  readonly faults: readonly FaultName[];
  /** Stops what moves by itself (the living mode's steps and timer); requests are still answered. Idempotent. */
  close(): void;
}

/** The faults of `options`, checked against the registry (a one-line error names the known ones). */
function faultsOf(options: EmulatorOptions): Set<FaultName> {
  for (const f of options.faults ?? []) {
    if (!isFaultName(f)) throw new Error(`createEmulator: unknown fault ${JSON.stringify(f)}; use one of ${FAULT_NAMES.join(', ')}`);
  }
  return new Set(options.faults ?? []);
}

/** The pace of `options`, checked: steps and runs of positive milliseconds. */
function growthOf(options: EmulatorOptions): Required<GrowthOptions> {
  const growth = { stepMs: 1000, calculationMs: 60_000, ...options.growth };
  for (const [k, v] of Object.entries(growth))
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`createEmulator: growth.${k} must be a number of milliseconds > 0, got ${String(v)}`);
  return growth;
}

/** The context every operation and stage of one emulator shares: built once, never per request. */
function contextOf(faults: ReadonlySet<FaultName>, options: EmulatorOptions): OperationContext {
  const sessions = new Sessions();
  // The list operations served, each over its parents' items: a new one is a profile and its store here.
  const lists = new Map<OperationProfile, Parents>([
    [LIST_EXECUTORS, sessions],
    [LIST_SESSIONS, sessions.workgroups],
    [LIST_CALCULATION_EXECUTIONS, sessions.calculations],
  ]);
  // Each list operation's stages hold the faults of that operation, and those of none (the session calls').
  const listStages = new Map([...lists.keys()].map((p) => [p, stagesWith(faults, (f) => f.operation === null || f.operation === p.operation)]));
  return {
    sessions,
    lists,
    stages: stagesWith(faults, (f) => f.operation === null),
    listStages,
    options: { tokenKey: options.tokenKey ?? DEFAULT_TOKEN_KEY },
    generation: (profile, parent) => lists.get(profile)?.generation(parent) ?? 0,
    terminateCalls: 0,
    stopCalls: 0,
    calculations: new Calculations(),
    growth: growthOf(options),
    clock: options.clock ?? Date.now,
  };
}

/**
 * Seeds what `options` holds at start, as the seeding routes would: each session's executors and
 * calculations (an executor list alone is its executors), then each workgroup's sessions.
 */
function seedAtStart(options: EmulatorOptions, seedItems: EmulatorCore['seedItems']): void {
  for (const [id, held] of Object.entries(options.sessions ?? {})) {
    const { executors = [], calculations = [] } = Array.isArray(held) ? { executors: held } : held;
    seedItems(LIST_EXECUTORS, id, executors);
    seedItems(LIST_CALCULATION_EXECUTIONS, id, calculations);
  }
  for (const [workGroup, sessions] of Object.entries(options.workgroups ?? {})) seedItems(LIST_SESSIONS, workGroup, sessions);
}

/** Creates an emulator core; throws a one-line message on an unknown fault or an invalid seed. */
export function createEmulator(options: EmulatorOptions = {}): EmulatorCore {
  const faults = faultsOf(options);
  const ctx = contextOf(faults, options);
  const { lists } = ctx;
  const seedItems = (profile: OperationProfile, parent: string, items: readonly object[]): void => {
    if (!lists.has(profile)) throw new Error(`seedItems: the emulator does not serve ${profile.operation}; use one of ${[...lists.keys()].map((p) => p.operation).join(', ')}`);
    seedParent(lists, profile, parent, assertSeed<Item>(parent, items, profile));
  };
  seedAtStart(options, seedItems);
  // Started after the seeds, so that its first step finds the parents they hold.
  const living = options.living === undefined ? undefined : new Living(ctx.sessions, options.living, ctx.clock);

  const core: EmulatorCore = {
    handle(req) {
      // A list operation's answer is shaped by its own stages' wire stage, every other one by the session calls'.
      const list = listOf(ctx, req);
      const stages = (list && ctx.listStages.get(list)) ?? ctx.stages;
      try {
        living?.catchUp();
        if (ctx.calculations.size) grow(ctx, ctx.clock());
        return stages.wire(route(ctx, req));
      } catch (e) {
        return stages.wire(errorResponse(500, 'InternalServerException', `emulator: ${e instanceof Error ? e.message : String(e)}`));
      }
    },
    requestHandler: () => sdkHandler((request) => core.handle(request)),
    seed: (sessionId, executors) => seedItems(LIST_EXECUTORS, sessionId, executors),
    drop: (sessionId) => dropParent(lists, LIST_EXECUTORS, sessionId),
    seedItems,
    dropParent: (profile, parent) => dropParent(lists, profile, parent),
    sessionStates: () => ctx.sessions.states(),
    calculationStates: () => Object.fromEntries(ctx.calculations.all().map((c) => [c.id, stateAt(c, ctx.clock(), ctx.growth.stepMs)])),
    faults: [...faults],
    close: () => living?.stop(),
  };
  return core;
}
