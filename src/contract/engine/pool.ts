/**
 * What lets runs be in flight at once: a fixed number of slots shared by every property of a run (so
 * that `--concurrency N` bounds the calls in flight, whatever runs them), and locks on the sessions a
 * seeded run loads (two scenarios may draw the same session id, and one run's seeding must not
 * replace another's session under it).
 */

/** At most `size` holders at once; waiters are served first come, first served. */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    this.#free = size;
  }

  /** Resolves to true once a slot is held, or to false at `by` (a `performance.now()`) without one. */
  acquire(by = Infinity): Promise<boolean> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const take = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.#waiting.push(take);
      if (by !== Infinity)
        timer = setTimeout(() => {
          const at = this.#waiting.indexOf(take);
          if (at >= 0) this.#waiting.splice(at, 1);
          resolve(false);
        }, Math.max(0, by - performance.now()));
    });
  }

  /** Gives a held slot back, to the longest waiter if there is one. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}

/** Locks on session ids: a holder of some ids waits until none of them is held, then holds them all. */
export class SessionLocks {
  readonly #held = new Set<string>();
  #wake: (() => void)[] = [];
  readonly #queued = new Map<string, number[]>();
  #nextTicket = 0;

  /** Resolves once every id of `ids` is held by the caller; the returned function frees them. */
  async acquire(ids: readonly string[]): Promise<() => void> {
    // All at once or none: a holder never waits while holding, so no two runs can wait on each other.
    while (ids.some((id) => this.#held.has(id))) await this.changed();
    return this.#take(ids);
  }

  /**
   * A place in line for `ids`: {@link tryAcquire} with it succeeds only once no earlier place waits on
   * any of them, so that runs of one session take it in the order they were started (the order of
   * their indices, which a replay's cassettes were recorded in).
   */
  enqueue(ids: readonly string[]): number {
    const ticket = this.#nextTicket++;
    for (const id of ids) this.#queued.set(id, [...(this.#queued.get(id) ?? []), ticket]);
    return ticket;
  }

  /** Gives up the place `ticket` holds in line for `ids` (the one waiting behind it may go). */
  leave(ids: readonly string[], ticket: number): void {
    for (const id of ids) {
      const rest = (this.#queued.get(id) ?? []).filter((t) => t !== ticket);
      if (rest.length) this.#queued.set(id, rest);
      else this.#queued.delete(id);
    }
    this.#wakeAll();
  }

  /**
   * Holds every id of `ids` if none is held now and, with `ticket`, it is first in line for each (the
   * function that frees them), else nothing: for a caller that must not wait holding something else.
   */
  tryAcquire(ids: readonly string[], ticket?: number): (() => void) | undefined {
    if (ids.some((id) => this.#held.has(id))) return undefined;
    if (ticket === undefined) return this.#take(ids);
    if (ids.some((id) => (this.#queued.get(id) ?? [ticket])[0] !== ticket)) return undefined;
    const release = this.#take(ids);
    this.leave(ids, ticket);
    return release;
  }

  #wakeAll(): void {
    const woken = this.#wake;
    this.#wake = [];
    woken.forEach((wake) => wake());
  }

  /** Resolves the next time some ids are freed. */
  changed(): Promise<void> {
    return new Promise<void>((resolve) => this.#wake.push(resolve));
  }

  #take(ids: readonly string[]): () => void {
    for (const id of ids) this.#held.add(id);
    return () => {
      for (const id of ids) this.#held.delete(id);
      const woken = this.#wake;
      this.#wake = [];
      woken.forEach((wake) => wake());
    };
  }
}

/**
 * The parents a scenario names (the strings under any `sessionId` member, at any depth, the
 * harness's name for a parent whatever the operation calls it): what its seeded run loads or reads.
 * Not the wire's `SessionId`: a ListSessions item's (a session listed in a workgroup, no parent of
 * its route) or a request's (a seeded run sends the parent it loaded). Locking those held every
 * ListSessions run whose items shared an id with another's (all the boundary populations do).
 */
export function sessionIdsOf(scenario: unknown, into = new Set<string>()): string[] {
  if (Array.isArray(scenario)) for (const v of scenario) sessionIdsOf(v, into);
  else if (typeof scenario === 'object' && scenario !== null)
    for (const [k, v] of Object.entries(scenario)) {
      if (k === 'sessionId' && typeof v === 'string') into.add(v);
      else sessionIdsOf(v, into);
    }
  return [...into];
}

/** What runs in flight at once share: the slots and, in seeded mode, the session locks. */
export interface Pool {
  slots: Slots;
  /** Present in seeded mode, where runs write sessions. */
  locks?: SessionLocks;
  /** Held by whoever runs {@link alone}, one at a time. */
  readonly solo: Slots;
  /** Set when the run cannot go on (a fatal error in one property): no further run starts. */
  stopped?: boolean;
}

/** A pool of `concurrency` slots; session locks where runs seed. */
export function createPool(concurrency: number, seeded: boolean): Pool {
  return { slots: new Slots(concurrency), solo: new Slots(1), ...(seeded ? { locks: new SessionLocks() } : {}) };
}

/**
 * Runs `fn` with nothing else of the pool in flight: every slot held (one holder of many slots at a
 * time, so two never wait on each other), waiting at most until `by`. Shrinking runs so: its budget is
 * time, and steps slowed by other runs would shrink less far than with one run at a time.
 */
export async function alone<T>(pool: Pool, by: number, fn: () => Promise<T>): Promise<T> {
  const solo = await pool.solo.acquire(by);
  let held = 0;
  try {
    while (held < pool.slots.size && (await pool.slots.acquire(by))) held++;
    return await fn();
  } finally {
    for (; held > 0; held--) pool.slots.release();
    if (solo) pool.solo.release();
  }
}

/**
 * The locks a seeded run of `scenario` takes: the parents it names, under the seeding route that
 * loads them (`sessions`, `workgroups`), so that parents of two routes that share an id (every
 * operation's boundary cases seed the same one) are told apart, as the target tells them apart.
 */
export function lockKeysOf(scenario: unknown, route: string): string[] {
  return sessionIdsOf(scenario).map((id) => `${route}/${id}`);
}

/**
 * Holds a slot and the locks `keys` together, never waiting for one while holding the other: a run
 * whose parents another run holds gives its slot back until they are freed, so that the slot checks
 * some other run meanwhile (and a run waiting for a slot holds no lock a shrinking run alone in the
 * pool could wait on). Resolves to the function that frees both, or to undefined at `by` without them.
 */
export async function slotAndLocks(pool: Pool, keys: readonly string[], by: number): Promise<(() => void) | undefined> {
  const locks = pool.locks;
  // In line now, in the order the runs are started: the first await comes after.
  const ticket = locks?.enqueue(keys);
  for (;;) {
    if (!(await pool.slots.acquire(by))) {
      if (ticket !== undefined) locks?.leave(keys, ticket);
      return undefined;
    }
    const unlock = locks ? locks.tryAcquire(keys, ticket) : () => undefined;
    if (unlock)
      return () => {
        unlock();
        pool.slots.release();
      };
    const freed = locks!.changed();
    pool.slots.release();
    if (!(await freedBy(freed, by))) {
      locks!.leave(keys, ticket!);
      return undefined;
    }
  }
}

/** Whether `freed` settles before `by` (a `performance.now()`). */
async function freedBy(freed: Promise<void>, by: number): Promise<boolean> {
  if (by === Infinity) return freed.then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, by - performance.now()))));
  const ok = await Promise.race([freed.then(() => true), late]);
  clearTimeout(timer);
  return ok;
}

/** Runs `fn` holding the locks `keys` (none without locks), unless the caller already holds them (`held`). */
export async function withSessionLocks<T>(pool: Pool, keys: readonly string[], fn: () => Promise<T>, held = false): Promise<T> {
  const release = pool.locks && !held ? await pool.locks.acquire(keys) : undefined;
  try {
    return await fn();
  } finally {
    release?.();
  }
}

/**
 * Resolves once every one of `runs` has settled, or at `by` (a `performance.now()`) if some still run
 * then: a run abandoned at the end of a share is let finish (it still counts), but never past `by`.
 */
export async function settled(runs: Iterable<Promise<void>>, by: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(runs), new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, by - performance.now()))))]);
  clearTimeout(timer);
}
