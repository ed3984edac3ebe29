/**
 * Small calculations a live run starts beside its growth calculation when it verifies
 * ListCalculationExecutions: a fresh session has none but the growth one, so without them no walk of
 * its calculations at MaxResults 1 would ever see a second page. Each prints one line and ends by
 * itself within seconds; a session runs one calculation at a time (another starts only once it is
 * IDLE again), so each is waited for (bounded) before the next, and the growth calculation, start.
 * One still running when the run ends is stopped (with retries), whatever happens, as the growth
 * calculation is.
 */
import { randomUUID } from 'node:crypto';
import { GetCalculationExecutionStatusCommand, StartCalculationExecutionCommand, StopCalculationExecutionCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { TargetError } from '../common/errors.js';
import type { Warning } from '../common/results.js';
import { attempted, messageOf, sleep } from './calls.js';

/** How many a live run starts: with the growth calculation, a walk at MaxResults 1 has three pages. */
export const SMALL_CALCULATIONS = 2;

/** Calculation states in which it still runs. */
const RUNNING = new Set(['CREATING', 'CREATED', 'QUEUED', 'RUNNING', 'CANCELING']);

/** The PySpark code of one small calculation: one line printed, no executor asked for. */
export const SMALL_CODE = "# athena-contract verify --live: a small calculation, so that ListCalculationExecutions lists more than one\nprint('athena-contract')";

/** Options of {@link SmallCalculations}. */
export interface SmallCalculationsOptions {
  client: AthenaClient;
  /** Milliseconds between polls while a calculation ends. */
  pollIntervalMs: number;
  /** Milliseconds each may take to end by itself before it is stopped. */
  timeoutMs: number;
  /** StopCalculationExecution attempts before giving up. @defaultValue 5 */
  stopAttempts?: number;
  log?: (line: string) => void;
}

/** Starts the small calculations and always stops those still running; `stop()` may be called any number of times. */
export class SmallCalculations {
  readonly #options: SmallCalculationsOptions;
  readonly #ids: string[] = [];
  #starting: Promise<unknown> = Promise.resolve();
  #stopping: Promise<void> | undefined;

  constructor(options: SmallCalculationsOptions) {
    this.#options = options;
  }

  /** The ids of the calculations started so far. */
  get ids(): readonly string[] {
    return this.#ids;
  }

  /**
   * Runs `count` small calculations in the session, one after another, each to its end (bounded:
   * one that does not end in time is stopped, with a warning); a TargetError (exit 2) when Athena
   * refuses one.
   */
  async start(sessionId: string, count = SMALL_CALCULATIONS): Promise<Warning[]> {
    const one = async (n: number) => {
      const request = { SessionId: sessionId, CodeBlock: SMALL_CODE, Description: `athena-contract verify --live: small calculation ${n + 1} of ${count}`, ClientRequestToken: randomUUID() };
      const out = await this.#options.client.send(new StartCalculationExecutionCommand(request));
      if (out.CalculationExecutionId) this.#ids.push(out.CalculationExecutionId);
      return out.CalculationExecutionId;
    };
    const warnings: Warning[] = [];
    for (let n = 0; n < count; n++) {
      // Remembered, so that a stop while a start is in flight waits for its id before stopping.
      const starting = one(n);
      this.#starting = starting;
      let id: string | undefined;
      try {
        id = await starting;
      } catch (e) {
        throw new TargetError(`--live: StartCalculationExecution in session ${sessionId} failed (${messageOf(e)}); check that the credentials may call athena:StartCalculationExecution (see the README's IAM policy)`);
      }
      if (id === undefined || (await this.#ended(id))) continue;
      warnings.push({ kind: 'vacuous', message: `live: small calculation ${id} did not end within ${Math.round(this.#options.timeoutMs / 1000)} s (--ready-timeout) and was stopped; ListCalculationExecutions may list fewer calculations than a walk at MaxResults 1 needs for a second page` });
      await this.#stopOne(id);
    }
    this.#options.log?.(`ran ${count} small calculation(s) (${this.#ids.join(', ')}) so that ListCalculationExecutions lists more than one`);
    return warnings;
  }

  /** Waits (bounded by `timeoutMs`) until the calculation ends; whether it did. */
  async #ended(id: string): Promise<boolean> {
    const deadline = Date.now() + this.#options.timeoutMs;
    for (;;) {
      const state = await this.#state(id).catch(() => 'UNKNOWN');
      if (state !== 'UNKNOWN' && !RUNNING.has(state)) return true;
      if (Date.now() + this.#options.pollIntervalMs > deadline) return false;
      await sleep(this.#options.pollIntervalMs);
    }
  }

  /** Stops every small calculation still running (once, however often called; never rejects). */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #state(id: string): Promise<string> {
    const out = await this.#options.client.send(new GetCalculationExecutionStatusCommand({ CalculationExecutionId: id }));
    return out.Status?.State ?? 'UNKNOWN';
  }

  async #stop(): Promise<void> {
    await this.#starting.catch(() => undefined);
    for (const id of this.#ids) await this.#stopOne(id);
  }

  /** Stops one calculation if it still runs (never rejects). */
  async #stopOne(id: string): Promise<void> {
    const { client, stopAttempts = 5, pollIntervalMs } = this.#options;
    // One that ended by itself needs no stop (and Athena may refuse to stop it): ask first.
    if (!RUNNING.has(await this.#state(id).catch(() => 'RUNNING'))) return;
    const error = await attempted(() => client.send(new StopCalculationExecutionCommand({ CalculationExecutionId: id })), stopAttempts, pollIntervalMs);
    if (error !== undefined) {
      this.#options.log?.(`could not stop calculation ${id} after ${stopAttempts} attempts (${messageOf(error)}); stop it by hand: aws athena stop-calculation-execution --calculation-execution-id ${id}`);
      return;
    }
    const deadline = Date.now() + 60_000;
    let state = await this.#state(id).catch(() => 'CANCELING');
    while (RUNNING.has(state) && Date.now() + pollIntervalMs <= deadline) {
      await sleep(pollIntervalMs);
      state = await this.#state(id).catch(() => state);
    }
    this.#options.log?.(`stopped small calculation ${id}: ${state}`);
  }
}
