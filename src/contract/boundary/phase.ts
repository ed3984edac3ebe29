/**
 * The boundary phase of a property run: its enumerated cases handed to fast-check as `examples`,
 * which fast-check runs before the random values and counts first in a counterexample's path, so a
 * failing boundary case replays with `--path` like any other. Examples take from `numRuns`, so the
 * run asks for the cases on top of the random runs, and counts each apart.
 */
import type { CheckStats } from '../../common/results.js';
import type { ContractProperty, ScenarioContext } from '../property.js';

/** The boundary cases of `property` for the run, as fast-check examples of its one-argument predicate. */
export function boundaryExamples(property: ContractProperty, sc: ScenarioContext): [unknown][] {
  return (property.boundary?.(sc) ?? []).map((s) => [s]);
}

/**
 * The index in fast-check's stream of the run at `index`: a replay (`path`) starts at the path's
 * first index, so its runs are counted as boundary cases or random runs by where the path points.
 */
function streamIndex(index: number, path: string | undefined): number {
  const start = path ? Number.parseInt(path.split(':')[0], 10) : 0;
  return (Number.isFinite(start) ? start : 0) + index;
}

/** Counts one finished run as a boundary case (among the first `cases`) or a random run; true for a random one. */
export function countRun(stats: CheckStats, run: { index: number; path?: string }, cases: number): boolean {
  if (streamIndex(run.index, run.path) < cases) {
    stats.boundary++;
    return false;
  }
  stats.runs++;
  return true;
}
