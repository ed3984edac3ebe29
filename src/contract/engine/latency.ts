/**
 * Where a run's time goes: the calls a property made and how long the target took to answer them
 * (mean and 95th percentile of the exchanges' durations). A target that answers slowly on every
 * call (an HTTP server without TCP_NODELAY takes ~45 ms) shows here, not only in the wall time.
 */
import type { Latency } from '../../common/results.js';

/** The latency of calls that took `durations` milliseconds each. */
export function latencyOf(durations: readonly number[]): Latency {
  if (!durations.length) return { calls: 0, meanMs: 0, p95Ms: 0 };
  const sorted = [...durations].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, d) => sum + d, 0) / sorted.length;
  const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1];
  return { calls: sorted.length, meanMs: round(mean), p95Ms: round(p95) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * The latency of several shards' calls from their summaries: calls summed, the mean weighted by
 * calls; the p95, which summaries cannot give exactly, is the largest shard's (an upper bound).
 */
export function mergedLatency(parts: readonly (Latency | undefined)[]): Latency | undefined {
  const known = parts.filter((l): l is Latency => l !== undefined);
  if (!known.length) return undefined;
  const calls = known.reduce((n, l) => n + l.calls, 0);
  const mean = calls ? known.reduce((sum, l) => sum + l.meanMs * l.calls, 0) / calls : 0;
  return { calls, meanMs: round(mean), p95Ms: Math.max(...known.map((l) => l.p95Ms)) };
}
