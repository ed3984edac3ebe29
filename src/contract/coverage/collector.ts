/**
 * The coverage collector of one property's runs: the counts (a {@link Coverage}, plain data), the
 * operation they are counted for, and what recording them needs to remember (the tokens issued, the
 * sizes seeded, the exchanges already read). One collector per property, registered under the run's
 * settings, so that the report built from the same settings finds it without the run's outcome having
 * to carry it.
 */
import type { Coverage } from '../../common/results.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import { emptyCoverage } from './empty.js';
import { mergeCoverage } from './merge-coverage.js';
import { noTokens, type IssuedTokens } from './tokens.js';

/** What a property's runs exercised so far, and the memory recording it needs. */
export interface CoverageCollector {
  readonly data: Coverage;
  /** The operation whose calls, walks and seeding are counted: its members name what is read. */
  readonly profile: OperationProfile;
  readonly issued: IssuedTokens;
  /** Each seeded session's size as last seeded. */
  readonly seeded: Map<string, number>;
  /** Exchanges already read for seeding. */
  readonly scanned: WeakSet<object>;
}

/** A collector of nothing yet, for `profile`'s operation (ListExecutors by default). */
export function createCoverage(profile: OperationProfile = LIST_EXECUTORS): CoverageCollector {
  return { data: emptyCoverage(profile), profile, issued: noTokens(), seeded: new Map(), scanned: new WeakSet() };
}

/**
 * A collector for one run of a property: counts of its own, and the shared collector's memory (tokens
 * issued, sizes seeded, exchanges read), so that a run checked beside others, past the one that
 * decides the verdict, can be left out of the counts as it is left out of the verdict.
 */
export function runCoverage(shared: CoverageCollector): CoverageCollector {
  return { ...shared, data: emptyCoverage(shared.profile) };
}

/** Adds the counts of one run's collector (from {@link runCoverage}) to the shared one. */
export function foldCoverage(shared: CoverageCollector, run: CoverageCollector): void {
  Object.assign(shared.data, mergeCoverage([shared.data, run.data], shared.profile));
}

/** The collectors of each run (keyed by its settings object), by property id. */
const byRun = new WeakMap<object, Map<string, CoverageCollector>>();

/**
 * The collector of property `id` in the run of `settings`, created on first use for the settings'
 * operation (concurrent runs of one property share it).
 */
export function coverageFor(settings: { readonly profile?: OperationProfile }, id: string): CoverageCollector {
  let run = byRun.get(settings);
  if (!run) byRun.set(settings, (run = new Map()));
  let collector = run.get(id);
  if (!collector) run.set(id, (collector = createCoverage(settings.profile)));
  return collector;
}

/** The coverage of property `id` in the run of `settings`, forgetting its collector; undefined when it ran without one. */
export function takeCoverage(settings: object, id: string): Coverage | undefined {
  const run = byRun.get(settings);
  const collector = run?.get(id);
  run?.delete(id);
  return collector?.data;
}
