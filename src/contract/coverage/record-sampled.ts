/**
 * Records one sampled walk (observational, a parent too large to walk whole at a small page size):
 * that it was sampled, and how many page boundaries its short walks tested, so that a reader sees how
 * much of the parent the laws saw at that size.
 */
import type { CoverageCollector } from './collector.js';

/** Adds a sampled walk that tested `boundaries` page boundaries to `collector` (nothing when there is none). */
export function recordSampled(collector: CoverageCollector | undefined, boundaries: number): void {
  if (!collector) return;
  const sampled = (collector.data.sampled ??= { walks: 0, boundaries: 0 });
  sampled.walks++;
  sampled.boundaries += boundaries;
}
