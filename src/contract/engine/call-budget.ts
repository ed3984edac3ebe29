/**
 * The call budget (`--max-calls N`): a bound on a run's list calls, the calls of the operations
 * checked that the properties' checks make (shrink steps included; seeding is not a list call and is
 * not counted). Each property gets a share when it starts, as with the deadline: the calls left that
 * no running property holds, divided by the properties left (it included); one that finishes early
 * leaves the rest to those after it. Unlike time, calls add up across properties side by side, so a
 * share is not multiplied by the lanes. A share is hard: a call past it is refused before it leaves
 * the process, and the run that was refused one reaches no verdict (its walk was cut short by the
 * budget, not by the target): it does not count, never fails.
 */
import type { Target } from '../../targets/target.js';

/** Thrown by a gated client instead of sending a call the share cannot pay for. */
export class CallBudgetSpent extends Error {
  constructor(limit: number) {
    super(`the property's share of the call budget (${limit} calls) is spent`);
    this.name = 'CallBudgetSpent';
  }
}

/** A run's calls, shared among its properties as they start. */
export class CallBudget {
  #spent = 0;
  readonly #open = new Set<CallShare>();

  /** `total` list calls for the whole run (Infinity: unbounded, the calls still counted). */
  constructor(readonly total: number) {}

  /** The calls made so far, every property's. */
  get spent(): number {
    return this.#spent;
  }

  /** The share of a property starting now with `left` properties (it included) still to start: closed by {@link CallShare.close}. */
  share(left: number): CallShare {
    if (this.total === Infinity) return this.#opened(Infinity);
    const held = [...this.#open].reduce((n, s) => n + Math.max(0, s.limit - s.calls), 0);
    const free = Math.max(0, this.total - this.#spent - held);
    return this.#opened(Math.floor(free / Math.max(1, left)));
  }

  #opened(limit: number): CallShare {
    const share = new CallShare(limit, {
      take: () => this.#spent < this.total && (this.#spent++, true),
      close: () => this.#open.delete(share),
    });
    this.#open.add(share);
    return share;
  }
}

/** One property's share of the budget: its calls, counted, and its limit. */
export class CallShare {
  calls = 0;
  /** Calls refused: runs that met the limit mid-check. */
  refused = 0;
  readonly #finished: number[] = [];

  constructor(
    readonly limit: number,
    private readonly budget: { take(): boolean; close(): void },
  ) {}

  /** Counts one call if the share (and the run's budget) can pay for it; false when it cannot. */
  take(): boolean {
    if (this.calls >= this.limit || !this.budget.take()) {
      this.refused++;
      return false;
    }
    this.calls++;
    return true;
  }

  /** The calls left to the share. */
  get left(): number {
    return Math.max(0, this.limit - this.calls);
  }

  /** Remembers that a run that reached its end made `calls` calls: what the next runs are expected to cost. */
  finished(calls: number): void {
    this.#finished.push(calls);
  }

  /**
   * Whether one more run may start with `inFlight` runs under way: with no bound, always; else only
   * when the calls left pay for it and for those in flight at the mean cost of the runs finished so
   * far (before any finished, one run at a time, its cost unknown), so that runs side by side do not
   * split a share none of them can finish on.
   */
  affords(inFlight: number): 'yes' | 'wait' | 'no' {
    if (this.limit === Infinity) return 'yes';
    if (this.left === 0) return 'no';
    if (!this.#finished.length) return inFlight === 0 ? 'yes' : 'wait';
    const mean = this.#finished.reduce((n, c) => n + c, 0) / this.#finished.length;
    if (this.left >= mean * (inFlight + 1)) return 'yes';
    return inFlight > 0 ? 'wait' : this.left >= mean ? 'yes' : 'no';
  }

  /** The property is done: what it did not spend goes back to the properties after it. */
  close(): void {
    this.budget.close();
  }
}

/** A run's gate on its share: the target whose client counts every call (refusing those past the share), and the calls it made or was refused. */
export interface RunGate {
  target: Target;
  readonly calls: number;
  readonly refused: number;
}

/**
 * `target` with a client that asks `share` before each send: the contract's checks send only list
 * calls through it (seeding has its own routes). A refused call throws {@link CallBudgetSpent}
 * without leaving the process.
 */
export function gated(target: Target, share: CallShare): RunGate {
  const counts = { calls: 0, refused: 0 };
  const real = target.client;
  const client = Object.create(real) as Target['client'];
  const send = real.send as (...args: unknown[]) => Promise<unknown>;
  client.send = ((...args: unknown[]) => {
    if (!share.take()) {
      counts.refused++;
      return Promise.reject(new CallBudgetSpent(share.limit));
    }
    counts.calls++;
    return send.apply(real, args);
  }) as Target['client']['send'];
  const own = Object.create(target) as Target & { client: Target['client'] };
  Object.defineProperty(own, 'client', { value: client, enumerable: true });
  return {
    target: own,
    get calls() {
      return counts.calls;
    },
    get refused() {
      return counts.refused;
    },
  };
}
