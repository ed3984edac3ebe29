/**
 * The one scheduler: a run's properties in catalogue order through one pool of `concurrency` slots,
 * at most that many side by side (one property at a time is a pool of one), each within its share of
 * the time left to the deadline, and heard in catalogue order whatever order they end in. What a
 * report makes of a property's run is the caller's to say (the engine reads no report): it hands its
 * verdicts in.
 */
import type { Latency, PropertyReport, RunListener } from '../../common/results.js';
import type { ContractProperty } from '../catalogue/property.js';
import type { OperationProfile } from '../../profiles/index.js';
import { latencyOf } from './latency.js';
import { createPool, Slots } from './pool.js';
import { CallBudget } from './call-budget.js';
import { runProperty, type PropertyRun } from './property-run.js';
import { inCatalogueOrder } from './run-listeners.js';
import { parentsFor, type RunWideSettings } from './settings.js';

/** A property to run and the operation it is checked on: its scenarios and checks read that profile, and the parents of its kind. */
export interface Selected {
  property: ContractProperty;
  profile: OperationProfile;
}

/** The caller's verdicts on a property, given the settings it ran with (the ones its coverage is filed under). */
export interface Verdicts<S> {
  /** The report of a property that ran. */
  ran(property: ContractProperty, run: PropertyRun, settings: S): PropertyReport;
  /** The report of a property that does not run in the run's mode. */
  skipped(property: ContractProperty, settings: S): PropertyReport;
}

/** What the scheduler gives back: each selected property's report, in catalogue order, and the latency of all their calls. */
export interface Scheduled {
  properties: PropertyReport[];
  latency: Latency;
}

/**
 * When a property starting now must stop, with `left` properties (it included) still to start before
 * `deadline` and `lanes` of them side by side: the time left, shared so that every property gets time
 * (divided by the properties left with one lane; all of it once no more are left than lanes). One that
 * finishes early leaves the rest to those after it.
 */
function shareOf(deadline: number, left: number, lanes: number): number {
  const now = performance.now();
  return now + Math.max(0, deadline - now) * Math.min(1, lanes / Math.max(1, left));
}

/** Tells `listener` that `property` (the `index`th of `total`) starts, makes its report, and tells that it ended. */
async function told(listener: Required<RunListener>, { property, profile }: Selected, at: { index: number; total: number }, report: () => PropertyReport | Promise<PropertyReport>): Promise<PropertyReport> {
  listener.propertyStart(property.id, at.index, at.total, profile.operation);
  const done = await report();
  listener.propertyEnd(done);
  return done;
}

/**
 * Runs `selected` with `settings` (each property with its operation's profile and parents) and
 * judges each with `verdicts`. A fatal error in one property (seeding that stops working, a target
 * gone) starts no further run or property; once those in flight have stopped, it is the run's.
 */
export async function runProperties<S extends RunWideSettings>(selected: readonly Selected[], settings: S, verdicts: Verdicts<S>): Promise<Scheduled> {
  const { mode, concurrency } = settings;
  const pool = createPool(concurrency, mode === 'seeded');
  const lanes = new Slots(concurrency);
  const ordered = inCatalogueOrder(settings.listener, selected.length);
  const durations: number[] = [];
  const budget = new CallBudget(settings.maxCalls ?? Infinity);
  let left = selected.filter((s) => s.property.modes.includes(mode)).length;
  const reports = selected.map(async (one, index): Promise<PropertyReport | undefined> => {
    const { property, profile } = one;
    // Settings of its own (the coverage is filed under them): its operation, and the parents of that operation's kind.
    const own: S = { ...settings, profile, sessions: parentsFor(settings, profile), listener: ordered.for(index), pool };
    const at = { index, total: selected.length };
    if (!property.modes.includes(mode)) return told(own.listener, one, at, () => verdicts.skipped(property, own));
    await lanes.acquire();
    try {
      if (pool.stopped) return undefined;
      // Its share of the calls, as of the time: of what no property running holds, among those left.
      const share = (own.share = budget.share(left));
      const until = shareOf(settings.deadline, left--, concurrency);
      return await told(own.listener, one, at, async () => {
        try {
          const run = await runProperty(property, own, until);
          durations.push(...(run.durations ?? []));
          return { ...verdicts.ran(property, run, own), latency: latencyOf(run.durations ?? []), calls: share.calls };
        } finally {
          share.close();
        }
      });
    } catch (e) {
      pool.stopped = true;
      throw e;
    } finally {
      lanes.release();
    }
  });
  const ended = await Promise.allSettled(reports);
  const failed = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { properties: ended.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : [])), latency: latencyOf(durations) };
}
