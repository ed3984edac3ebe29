/**
 * The living mode (`serve --living RATE`, `createEmulator({ living })`): RATE times a second every
 * parent gains a newest item and one of its items takes a step along its lifecycle (living-shapes.ts),
 * as in a busy service: sessions gain executors and calculations, workgroups gain sessions, and they
 * start, run and end while a harness lists them. It is what lets the observational catalogue run
 * against a moving target offline.
 *
 * Steps are a function of the emulator's clock: step n falls at start + n / RATE seconds, and every
 * request first makes the steps due by then (each at its own instant), so a test that drives the
 * clock drives the living mode; a timer (unref'd, stopped by `stop()`) makes them between requests
 * too, so an idle server does not owe a burst. Sessions started through StartSession are not touched
 * here: their executors and calculations follow their own calculations (growth.ts), and their state
 * their own calls. The faults apply as ever: they change answers, not what the emulator holds.
 */
import type { CalculationSummary, SessionSummary } from '../generated/athena.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS, orderKeyOf, type OperationProfile } from '../profiles/index.js';
import { calculationMoves, calculationStep, executorMoves, executorStep, livingCalculation, nextSessionState, sessionStep } from './living-shapes.js';
import { livingExecutor, livingSession, type Executor } from './session-shapes.js';
import type { Sessions } from './sessions.js';

/** Items a parent holds before the living mode forgets its oldest ended one at each step (AWS, too, forgets ended sessions): a bound on memory and walks. */
export const LIVING_CAP = 1000;

/** Steps made up at most after a pause (a machine asleep, a fake clock moved far): the others are skipped. */
export const MAX_CATCH_UP = 1000;

/** How one operation's items live: the newest one at an instant, one step, whether an item can take one or has ended. */
interface Lifecycle<T> {
  profile: OperationProfile;
  /** A new item whose ordering key is `key` (in the profile's unit: epoch milliseconds or seconds). */
  newest(key: number): T;
  moves(item: T): boolean;
  /** The item a step later, at `t` (epoch milliseconds). */
  step(item: T, t: number): T;
  ended(item: T): boolean;
}

/** An ordering key at `t` (epoch milliseconds) in the profile's unit, later than every key the parent holds (so the new item is the newest). */
function newestKey(profile: OperationProfile, items: readonly object[], t: number): number {
  const seconds = profile.orderKey.unit === 'epoch-seconds';
  const tick = seconds ? 0.001 : 1;
  const latest = Math.max(-Infinity, ...items.map((i) => orderKeyOf(profile, i) ?? -Infinity));
  const key = Math.max(seconds ? t / 1000 : t, latest + tick);
  return seconds ? Math.round(key * 1000) / 1000 : Math.round(key);
}

/** The states an item ends in (the ones the cap forgets first). */
const ENDED = new Set(['TERMINATED', 'FAILED', 'COMPLETED', 'CANCELED']);

/** Moves the living mode's parents; `stop()` ends it (later requests answer on data that holds still). */
export class Living {
  readonly #sessions: Sessions;
  readonly #clock: () => number;
  readonly #periodMs: number;
  readonly #startedAt: number;
  readonly #timer: NodeJS.Timeout;
  /** BUSY turns of every session that has taken one, by SessionId. */
  readonly #turns = new Map<string, number>();
  #steps = 0;
  #stopped = false;

  /** Starts living `rate` times a second (a number > 0) from the clock's now. */
  constructor(sessions: Sessions, rate: number, clock: () => number) {
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) throw new Error(`createEmulator: living must be a number of steps per second > 0 (e.g. 5), got ${String(rate)}`);
    this.#sessions = sessions;
    this.#clock = clock;
    this.#periodMs = 1000 / rate;
    this.#startedAt = clock();
    this.#timer = setInterval(() => {
      try {
        this.catchUp();
      } catch {
        // Not thrown out of a timer, which would end `serve`: the next request makes the same steps and answers a 500 that says why.
      }
    }, Math.max(1, this.#periodMs));
    this.#timer.unref();
  }

  /** Makes every step due by the clock's now, each at its own instant (a no-op once stopped). */
  catchUp(): void {
    if (this.#stopped) return;
    const due = Math.floor((this.#clock() - this.#startedAt) / this.#periodMs);
    if (due <= this.#steps) return;
    const first = Math.max(this.#steps + 1, due - MAX_CATCH_UP + 1);
    const instants = Array.from({ length: due - first + 1 }, (_, i) => this.#startedAt + (first + i) * this.#periodMs);
    this.#live(instants, first);
    this.#steps = due;
  }

  /** Stops the timer and the steps (idempotent). */
  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  /** Steps every parent of the three operations through `instants`, the first of them step number `first`. */
  #live(instants: readonly number[], first: number): void {
    const sessions = this.#sessions;
    const own = (id: string) => !sessions.isStarted(id);
    for (const [id, executors] of sessions.store) if (own(id)) sessions.seed(id, this.#stepped(EXECUTORS, executors, instants, first));
    for (const [id, calculations] of sessions.calculations.store) if (own(id)) sessions.calculations.seed(id, this.#stepped(CALCULATIONS, calculations, instants, first));
    const workgroups = sessions.workgroups;
    for (const name of [...workgroups.store.keys()]) workgroups.seed(name, this.#stepped(this.#sessionLifecycle, workgroups.seeded(name), instants, first));
  }

  /**
   * A parent's items after `instants`: at each, one movable item (chosen by the step's number) takes a
   * step, the newest item comes, and past LIVING_CAP the oldest ended one is forgotten.
   */
  #stepped<T extends object>(life: Lifecycle<T>, held: readonly T[], instants: readonly number[], first: number): T[] {
    const items = [...held];
    instants.forEach((t, i) => {
      const movable = items.flatMap((item, at) => (life.moves(item) ? [at] : []));
      if (movable.length) {
        // Scattered by the step's number (Fibonacci hashing), so that the parent holds items in every state.
        const at = movable[(Math.imul(first + i, 0x9e3779b1) >>> 0) % movable.length];
        items[at] = life.step(items[at], t);
      }
      items.push(life.newest(newestKey(life.profile, items, t)));
      if (items.length > LIVING_CAP) {
        const ended = items.findIndex((item) => life.ended(item));
        if (ended >= 0) items.splice(ended, 1);
      }
    });
    return items;
  }

  /** Sessions: an IDLE one turns BUSY BUSY_TURNS times before it ends, counted here. */
  readonly #sessionLifecycle: Lifecycle<SessionSummary> = {
    profile: LIST_SESSIONS,
    newest: livingSession,
    moves: (s) => nextSessionState(s.Status?.State, this.#turnsOf(s)) !== undefined,
    step: (s, t) => {
      const next = sessionStep(s, this.#turnsOf(s), t / 1000);
      const id = s.SessionId ?? '';
      if (next.Status?.State === 'BUSY') this.#turns.set(id, this.#turnsOf(s) + 1);
      // An ending session turns no more: its count would only grow the map.
      else if (next.Status?.State === 'TERMINATING') this.#turns.delete(id);
      return next;
    },
    ended: (s) => ENDED.has(s.Status?.State ?? ''),
  };

  #turnsOf(s: SessionSummary): number {
    return this.#turns.get(s.SessionId ?? '') ?? 0;
  }
}

/** Executors: a WORKER comes CREATING, registers, and terminates. */
const EXECUTORS: Lifecycle<Executor> = {
  profile: LIST_EXECUTORS,
  newest: livingExecutor,
  moves: executorMoves,
  step: (e, t) => executorStep(e, Math.round(t)),
  ended: (e) => ENDED.has(e.ExecutorState ?? ''),
};

/** Calculations: one comes CREATING, is queued, runs and completes. */
const CALCULATIONS: Lifecycle<CalculationSummary> = {
  profile: LIST_CALCULATION_EXECUTIONS,
  newest: livingCalculation,
  moves: calculationMoves,
  step: (c, t) => calculationStep(c, t / 1000),
  ended: (c) => ENDED.has(c.Status?.State ?? ''),
};
