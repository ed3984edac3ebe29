/**
 * One section of `npm run bench`: a named group of figures measured in one run of one process, so
 * that ratios between its rows hold even when the machine's speed drifts.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, or how it was measured. */
  note?: string;
}

/** A bench section: runs its measurements and returns its figures. */
export interface BenchSection {
  title: string;
  run(): Promise<BenchFigure[]>;
}

/** Calls `fn` repeatedly for about `ms` milliseconds (after a short warm-up) and returns calls per second. */
export async function perSecond(fn: () => unknown | Promise<unknown>, ms = 1000): Promise<number> {
  const warmUntil = performance.now() + Math.min(200, ms / 4);
  while (performance.now() < warmUntil) await fn();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    await fn();
    n++;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}
