/**
 * The boundary phase of a property run: its enumerated cases handed to fast-check as `examples`,
 * which fast-check runs before the random values and counts first in a counterexample's path, so a
 * failing boundary case replays with `--path` like any other. Examples take from `numRuns`, so the
 * run asks for the cases on top of the random runs, and counts each apart. A boundary case is not
 * shrunk: it is enumerated as the near miss it is, and fast-check, which has no context for an
 * example, would otherwise shrink it by guesswork (48 s spent on one 2048-character token).
 */
import fc from 'fast-check';
import type { CheckStats } from '../../common/results.js';
import type { ContractProperty, ScenarioContext } from '../catalogue/property.js';

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

/** `arbitrary`, except that the boundary cases (handed to fast-check as examples, without a context) are not shrunk. */
class Enumerated<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly arbitrary: fc.Arbitrary<T>,
    private readonly cases: ReadonlySet<unknown>,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.arbitrary.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return !this.cases.has(value) && this.arbitrary.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    // A generated value may have no context either (an integer's): only the cases themselves, known by identity, are left alone.
    return context === undefined && this.cases.has(value) ? fc.Stream.nil() : this.arbitrary.shrink(value, context);
  }
}

/** The scenarios of a property with boundary cases `examples`: the same random values and shrinks, and the cases left as they are. */
export function withBoundaryCases<T>(arbitrary: fc.Arbitrary<T>, examples: readonly [unknown][]): fc.Arbitrary<T> {
  return examples.length === 0 ? arbitrary : new Enumerated(arbitrary, new Set(examples.map(([s]) => s)));
}
