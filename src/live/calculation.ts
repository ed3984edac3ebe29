/**
 * The calculation that grows a live run's session: started once the session is IDLE, watched until
 * the session lists `minExecutors` executors besides its coordinator (bounded), stopped (with
 * retries) when the run ends, whatever happens: it runs while the catalogue lists, so the session
 * moves as a working one does. A fresh session holds only
 * its coordinator, so without it no walk of a live run would ever see a second page.
 */
import { randomUUID } from 'node:crypto';
import {
  GetCalculationExecutionStatusCommand,
  ListExecutorsCommand,
  StartCalculationExecutionCommand,
  StopCalculationExecutionCommand,
  type AthenaClient,
} from '@aws-sdk/client-athena';
import { TargetError } from '../common/errors.js';
import type { LiveCalculationReport, Warning } from '../common/results.js';
import { attempted, messageOf, sleep } from './calls.js';

/** Calculation states in which it still runs. */
const RUNNING = new Set(['CREATING', 'CREATED', 'QUEUED', 'RUNNING', 'CANCELING']);
/** Executor states of executors that are gone. */
const GONE = new Set(['TERMINATED', 'FAILED']);
/** Pages of ListExecutors read per sample at most (100 executors each): more than any small session holds. */
/** Pages a count of the session's executors reads at most: the most ListExecutors calls one {@link CalculationKeeper.sample} makes. */
export const SAMPLE_PAGES = 20;

/** Options of {@link CalculationKeeper}. */
export interface CalculationKeeperOptions {
  client: AthenaClient;
  /** Executors besides the coordinator to wait for. */
  minExecutors: number;
  /** Milliseconds between polls. */
  pollIntervalMs: number;
  /** Milliseconds to wait for the executors (and for a stopped calculation to end). */
  timeoutMs: number;
  /** StopCalculationExecution attempts before giving up. @defaultValue 5 */
  stopAttempts?: number;
  log?: (line: string) => void;
}

/** Starts, watches and always stops the growth calculation; `stop()` may be called any number of times. */
export class CalculationKeeper {
  readonly #options: CalculationKeeperOptions;
  #starting: Promise<string | undefined> | undefined;
  #stopping: Promise<void> | undefined;
  #sessionId = '';
  #id: string | undefined;
  #state = 'not started';
  #reached = false;
  #peak = 0;
  #listCalls = 0;
  readonly #seen = new Set<string>();

  constructor(options: CalculationKeeperOptions) {
    this.#options = options;
  }

  /** Starts `code` in the session; a TargetError (exit 2) when Athena refuses. */
  async start(sessionId: string, code: string): Promise<string> {
    this.#sessionId = sessionId;
    const request = { SessionId: sessionId, CodeBlock: code, Description: 'athena-contract verify --live: grow the session (stopped when the run ends)', ClientRequestToken: randomUUID() };
    this.#starting = this.#options.client.send(new StartCalculationExecutionCommand(request)).then((out) => {
      this.#state = out.State ?? 'UNKNOWN';
      return (this.#id = out.CalculationExecutionId);
    });
    let id: string | undefined;
    try {
      id = await this.#starting;
    } catch (e) {
      throw new TargetError(`--live: StartCalculationExecution in session ${sessionId} failed (${messageOf(e)}); check that the credentials may call athena:StartCalculationExecution (see the IAM policy in docs/live.md)`);
    }
    if (!id) throw new TargetError(`--live: StartCalculationExecution in session ${sessionId} answered without a CalculationExecutionId`);
    this.#options.log?.(`started calculation ${id}; waiting until the session lists ${this.#options.minExecutors} executor(s) besides its coordinator`);
    return id;
  }

  /**
   * Waits (bounded) until the session lists `minExecutors` executors besides the coordinator. Not
   * reached, the run goes on with a warning: the catalogue still checks what it reads, it reads less.
   */
  async waitForExecutors(): Promise<Warning[]> {
    const { minExecutors, pollIntervalMs, timeoutMs } = this.#options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const alive = await this.sample().catch((e: unknown) => {
        throw new TargetError(`--live: ListExecutors of session ${this.#sessionId} failed while waiting for its executors (${messageOf(e)})`);
      });
      if (alive >= minExecutors) {
        this.#reached = true;
        this.#options.log?.(`session ${this.#sessionId} lists ${alive} executor(s) besides its coordinator`);
        return [];
      }
      const state = await this.#poll();
      const why = !RUNNING.has(state) ? `the calculation ended (${state}) first` : Date.now() + pollIntervalMs > deadline ? `not within ${Math.round(timeoutMs / 1000)} s (--ready-timeout)` : undefined;
      if (why) return [{ kind: 'vacuous', message: `live: session ${this.#sessionId} listed ${alive} executor(s) besides its coordinator, fewer than --min-executors ${minExecutors}: ${why}; walks of so small a session may have no second page` }];
      await sleep(pollIntervalMs);
    }
  }

  /** The ListExecutors calls its counts of the session's executors have made so far: a run's call budget pays for them too. */
  get listCalls(): number {
    return this.#listCalls;
  }

  /** Lists the session's executors once: counts those besides the coordinator not yet gone, and remembers every one seen. */
  async sample(): Promise<number> {
    let alive = 0;
    let token: string | undefined;
    for (let page = 0; page < SAMPLE_PAGES; page++) {
      this.#listCalls++;
      const out = await this.#options.client.send(new ListExecutorsCommand({ SessionId: this.#sessionId, MaxResults: 100, NextToken: token }));
      for (const e of out.ExecutorsSummary ?? []) {
        if (e.ExecutorType === 'COORDINATOR') continue;
        this.#seen.add(e.ExecutorId ?? '');
        if (!GONE.has(e.ExecutorState ?? '')) alive++;
      }
      token = out.NextToken;
      if (!token) break;
    }
    this.#peak = Math.max(this.#peak, alive);
    return alive;
  }

  async #poll(): Promise<string> {
    const out = await this.#options.client.send(new GetCalculationExecutionStatusCommand({ CalculationExecutionId: this.#id }));
    this.#state = out.Status?.State ?? 'UNKNOWN';
    return this.#state;
  }

  /** Stops the calculation (once, however often called; never rejects): its final state goes to the report. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    // A StartCalculationExecution still in flight may yet start one: wait for its answer, then stop it.
    const id = this.#id ?? (await this.#starting?.catch(() => undefined));
    if (!id) return;
    await this.sample().catch(() => 0);
    const { client, stopAttempts = 5, pollIntervalMs, timeoutMs } = this.#options;
    const error = await attempted(() => client.send(new StopCalculationExecutionCommand({ CalculationExecutionId: id })), stopAttempts, pollIntervalMs);
    if (error !== undefined) {
      this.#state = `not stopped: ${messageOf(error)}`;
      this.#options.log?.(`could not stop calculation ${id} after ${stopAttempts} attempts (${messageOf(error)}); stop it by hand: aws athena stop-calculation-execution --calculation-execution-id ${id}`);
      return;
    }
    const deadline = Date.now() + Math.min(timeoutMs, 60_000);
    let state = await this.#poll().catch(() => 'CANCELING');
    while (RUNNING.has(state) && Date.now() + pollIntervalMs <= deadline) {
      await sleep(pollIntervalMs);
      state = await this.#poll().catch(() => state);
    }
    this.#options.log?.(`stopped calculation ${id}: ${state}`);
  }

  /** What the report says of the calculation (undefined when none was started). */
  report(): LiveCalculationReport | undefined {
    if (!this.#id) return undefined;
    return { calculationId: this.#id, finalState: this.#state, minExecutors: this.#options.minExecutors, reached: this.#reached, executors: { peak: this.#peak, distinct: this.#seen.size } };
  }
}
