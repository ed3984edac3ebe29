/**
 * Deterministic derivation of per-property seeds and shard membership from the run's one seed, so that
 * `--only ID --seed S` and every shard of `--shard i/n` see exactly the runs the full run sees.
 */

/** FNV-1a over the text, as a 32-bit unsigned integer. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The fast-check seed of property `id` in a run seeded with `seed`. */
export function propertySeed(seed: number, id: string): number {
  return fnv1a(`${seed}:${id}`) | 0;
}

/** Which shard (0-based, of `count`) executes run `runIndex` of property `id`. */
export function shardOf(seed: number, id: string, runIndex: number, count: number): number {
  return fnv1a(`${seed}:${id}:${runIndex}`) % count;
}

/** A fresh seed when none is given: printed in every report so the run can be repeated. */
export function freshSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) & 0x7fffffff;
}

/** Whether run `index` of property `id` is another shard's (shrinking, and a path's replay, run in the shard that failed). */
export function otherShard(settings: { seed: number; path?: string; shard?: { index: number; count: number } }, id: string, index: number, failing: boolean): boolean {
  const { shard } = settings;
  return !!shard && !failing && !settings.path && shardOf(settings.seed, id, index, shard.count) !== shard.index - 1;
}

/**
 * The name a property's seed and shard membership are derived from: its law id for ListExecutors (so
 * that its seeds are those of runs made before several operations could run), `Operation/id` for any
 * other, so that one law's scenarios differ across operations (two operations seeding one session by
 * the same route would otherwise draw the same ids).
 */
export function propertyKey(id: string, operation?: string): string {
  return operation === undefined || operation === 'ListExecutors' ? id : `${operation}/${id}`;
}
