/**
 * Records one case of the boundary sweep (observational `pagination.exactly-once`): the parent's
 * items as its basis listed them, the page boundaries the case tested, and whether its target refused
 * a token issued under another page size, so that a reader sees which boundaries of each parent the
 * sweep tested and what a call budget or deadline left untested.
 */
import type { CoverageCollector } from './collector.js';

/** What one case of the sweep saw of `parent`. */
export interface SweptCase {
  parent: string;
  /** Items the sweep's basis listed (the parent's size as the sweep knows it). */
  listed: number;
  /** Page boundaries the case tested. */
  tested: number;
  /** Its target refused a token issued under another page size. */
  refused?: boolean;
}

/** Adds one case of the sweep to `collector`. */
export function recordSweep(collector: CoverageCollector | undefined, c: SweptCase): void {
  if (!collector) return;
  const sweep = (collector.data.sweep ??= {});
  const parent = (sweep[c.parent] ??= { listed: 0, tested: 0, refused: 0 });
  parent.listed = Math.max(parent.listed, c.listed);
  parent.tested += c.tested;
  if (c.refused) parent.refused++;
}
