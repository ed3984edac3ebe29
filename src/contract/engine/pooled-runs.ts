/**
 * The one run loop: fast-check draws a property's scenarios in its order and without any I/O, one
 * ahead of the pool (scenario-stream.ts), and the pool checks them in index order, at most as many at
 * once as it has slots. The outcome is that of the lowest run that did not pass
 * (not the first to finish), and the runs counted are those up to it, so that a seed's verdict,
 * counterexample and path are those of one run at a time, whatever the pool's size (one property at a
 * time is a pool of one); shrinking then goes on alone, in fast-check's own loop (path-replay.ts).
 * With a call budget, a run starts only when the property's share can pay for it (call-budget.ts),
 * and a run refused a call mid-check reaches no verdict: it is left out, as a skipped one is.
 */
import type { CheckStats } from '../../common/results.js';
import type { ExchangeScope } from '../../targets/exchange-scope.js';
import { emptyStats, type CheckContext } from '../catalogue/context.js';
import { lockKeysOf, settled, slotAndLocks, type Pool } from './pool.js';
import type { ContractProperty } from '../catalogue/property.js';
import { addStats, guarded, type CheckEnd } from './run-outcome.js';
import { gated, type CallShare } from './call-budget.js';
import type { ScenarioStream } from './scenario-stream.js';

/** What one run of the pool ended with. */
export interface PooledRun extends CheckEnd {
  index: number;
  scenario: unknown;
  stats: CheckStats;
  /** The run's context, whose coverage counts are folded in when the run counts. */
  ctx: CheckContext;
  /** It finished after the property's share of the deadline. */
  late: boolean;
  /** List calls it made. */
  calls: number;
  /** The call budget refused it a call: its check was cut short, and what it found is no verdict. */
  cut: boolean;
}

/** What the pool saw: the runs that count, in index order, and the first of them that did not pass. */
export interface PoolOutcome {
  runs: PooledRun[];
  first?: PooledRun;
  /** The share ended before every run was started. */
  interrupted: boolean;
  /** The share of the call budget ended before every run was done (runs refused a call, or not started). */
  budgetCut: boolean;
}

/** What running a property's scenarios in a pool needs. */
export interface PooledJob {
  property: ContractProperty;
  /** The scenarios, in index order, drawn as they are asked for (the pool closes it when it is done). */
  scenarios: ScenarioStream;
  /** A fresh context for one run: its own counters, exchanges and coverage counts (folded into the property's for the runs that count). */
  context: () => CheckContext;
  /** Folds the coverage of a run that counts into the property's. */
  countCoverage: (ctx: CheckContext) => void;
  pool: Pool;
  /** No run starts after this `performance.now()` (the property's share). */
  until: number;
  /** Runs still in flight at this `performance.now()` are abandoned. */
  deadline: number;
  /** Whether run `index` is another shard's. */
  skip: (index: number) => boolean;
  /** Told each time one more run counts, in index order. */
  runDone: (runs: number) => void;
  /** Where every run's exchange durations go. */
  durations: number[];
  /** The seeding route of the property's parents, under which its runs lock them. @defaultValue sessions */
  route?: string;
  /** The property's share of the call budget: every run's calls are counted on it. @defaultValue none: uncounted, unbounded */
  share?: CallShare;
}

/** Run `index` of the job, on `scenario`, in a context of its own; its scope is kept so that a run past the verdict can be left out. */
async function checkRun(job: PooledJob, index: number, scenario: unknown, scopes: Map<number, ExchangeScope>): Promise<PooledRun> {
  const fresh = job.context();
  const gate = job.share ? gated(fresh.target, job.share) : undefined;
  const ctx = gate ? { ...fresh, target: gate.target } : fresh;
  const scope: ExchangeScope = { property: job.property.id, run: index, exchanges: ctx.exchanges, durations: job.durations };
  scopes.set(index, scope);
  const end = await guarded(job.property, ctx, job.pool, { scenario, scope, locked: true });
  const cut = (gate?.refused ?? 0) > 0;
  if (!cut) job.share?.finished(gate?.calls ?? 0);
  // A check refused a call may have judged the refusal: only a stop (seeding gone, throttling) is still its own.
  const { failure, stop } = end;
  return { index, scenario, stats: ctx.stats, ctx, late: performance.now() > job.until, calls: gate?.calls ?? 0, cut: cut && !stop, ...(cut ? {} : failure ? { failure } : {}), ...(stop ? { stop } : {}) };
}

/** Runs `job`'s scenarios in index order, as many at once as the pool allows, until one does not pass or the share ends. */
export async function runPooled(job: PooledJob): Promise<PoolOutcome> {
  // Each run's scope, so that those past the first that did not pass can be marked as not counting.
  const scopes = new Map<number, ExchangeScope>();
  const results: (PooledRun | Left | undefined)[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopAt = Infinity;
  let [prefix, counted, timeUp, budgetOut] = [0, 0, false, false];
  const advance = (): void => {
    for (let r = results[prefix]; prefix <= stopAt && r !== undefined; r = results[++prefix]) {
      if (r === 'skipped' || r === 'cut') continue;
      // Only the runs up to the verdict count, in coverage as in the counters.
      job.countCoverage(r.ctx);
      if (!r.stop) job.runDone(++counted);
    }
  };
  try {
    await startRuns(job, { results, scopes, inFlight, advance, stopped: () => stopAt, stop: (i) => (stopAt = Math.min(stopAt, i)), timeUp: () => (timeUp = true), budgetOut: () => (budgetOut = true) });
  } finally {
    job.scenarios.close();
  }
  await settled(inFlight, job.deadline);
  return { ...outcomeOf(results, stopAt, timeUp, scopes), budgetCut: budgetOut || results.some((r, i) => r === 'cut' && i <= stopAt) };
}

/** A run left out of the verdict: another shard's, or one the call budget cut short. */
type Left = 'skipped' | 'cut';

/** What runPooled's loop shares with the runs it starts. */
interface PoolState {
  results: (PooledRun | Left | undefined)[];
  scopes: Map<number, ExchangeScope>;
  inFlight: Set<Promise<void>>;
  advance: () => void;
  stopped: () => number;
  stop: (index: number) => void;
  timeUp: () => void;
  /** The share of the call budget cannot pay for another run. */
  budgetOut: () => void;
}

/** Waits until the share of the call budget can pay for one more run (true), or cannot for any (false). */
async function affordable(job: PooledJob, inFlight: ReadonlySet<Promise<void>>): Promise<boolean> {
  for (;;) {
    const verdict = job.share?.affords(inFlight.size) ?? 'yes';
    if (verdict !== 'wait') return verdict === 'yes';
    await Promise.race(inFlight);
  }
}

/**
 * Starts a run per scenario, in index order, until the scenarios, the share or the property's verdict
 * ends. Each run waits for a slot and its sessions' locks on its own (pool.ts: never one while holding
 * the other), so a run whose session another run holds (every boundary case seeds the same one) does
 * not keep the runs after it, nor a slot, waiting; at most a pool's worth of runs wait at once, so
 * the scenarios are still drawn as the runs start, not all first.
 */
async function startRuns(job: PooledJob, state: PoolState): Promise<void> {
  const { results, inFlight, advance } = state;
  const waiting = new Set<Promise<void>>();
  let over = false;
  for (let i = 0; i <= state.stopped() && !over && !job.pool.stopped; i++) {
    const next = await job.scenarios.next();
    if (next === undefined) return;
    if (job.skip(i)) {
      results[i] = 'skipped';
      advance();
      continue;
    }
    if (!(await affordable(job, inFlight))) {
      if (i <= state.stopped()) state.budgetOut();
      return;
    }
    while (waiting.size >= job.pool.slots.size) await Promise.race(waiting);
    if (over || performance.now() >= job.until) {
      if (i <= state.stopped()) state.timeUp();
      return;
    }
    let roomed: () => void = () => undefined;
    const room = new Promise<void>((resolve) => (roomed = resolve));
    waiting.add(room);
    void room.then(() => waiting.delete(room));
    const run = startRun(job, state, i, next.scenario, roomed).then((started) => {
      if (!started) over = true;
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }
}

/** Run `i` of the job once it holds a slot and its locks (`roomed` is told when it does, or gives up): false when the share ended first. */
async function startRun(job: PooledJob, state: PoolState, i: number, scenario: unknown, roomed: () => void): Promise<boolean> {
  const keys = lockKeysOf(scenario, job.route ?? 'sessions');
  const free = await slotAndLocks(job.pool, keys, job.until);
  roomed();
  if (!free || performance.now() >= job.until || i > state.stopped() || job.pool.stopped) {
    free?.();
    if (i <= state.stopped()) state.timeUp();
    return false;
  }
  try {
    const r = await checkRun(job, i, scenario, state.scopes);
    state.results[i] = r.cut ? 'cut' : r;
    if (!r.cut && (r.failure || r.stop)) state.stop(i);
    state.advance();
  } finally {
    free();
  }
  return true;
}

function outcomeOf(results: readonly (PooledRun | Left | undefined)[], stopAt: number, timeUp: boolean, scopes: Map<number, ExchangeScope>): Omit<PoolOutcome, 'budgetCut'> {
  for (const [index, scope] of scopes) if (index > stopAt || results[index] === 'cut') scope.discarded = true;
  const runs = results.filter((r, i): r is PooledRun => r !== undefined && r !== 'skipped' && r !== 'cut' && i <= stopAt);
  const first = runs.find((r) => r.failure || r.stop);
  return { runs, first, interrupted: timeUp && (!first || first.late) };
}

/** The counters of `runs`, summed, with `runs` and `boundary` counting those that reached a verdict (the first `cases` indices are boundary cases). */
export function statsOf(runs: readonly PooledRun[], cases = 0): CheckStats {
  const total = runs.reduce((sum, r) => addStats(sum, r.stats), emptyStats());
  const verdicts = runs.filter((r) => !r.stop);
  total.boundary = verdicts.filter((r) => r.index < cases).length;
  total.runs = verdicts.length - total.boundary;
  return total;
}
