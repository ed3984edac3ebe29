/**
 * Seeding as coverage sees it: read from the exchanges (every seeding PUT goes through the target's
 * exchange feed), so that population sizes are counted whatever seeded them, and a walk can tell how
 * many items were seeded into its parent while it went.
 */
import type { PopulationBucket } from '../../common/results.js';
import type { OperationProfile } from '../../profiles/index.js';
import { isObject, parseJson } from '../../schema/json.js';
import type { Exchange } from '../../wire/exchange.js';
import type { CoverageCollector } from './collector.js';

function bucketOf(size: number): PopulationBucket {
  return size === 0 ? '0' : size === 1 ? '1' : size <= 100 ? '2-100' : '101+';
}

/** The parent and size a successful seeding PUT of `profile`'s route (DESIGN.md) loaded, if `e` is one. */
function seededBy(profile: OperationProfile, e: Exchange): { parent: string; size: number } | undefined {
  const prefix = `/_contract/${profile.parent.route}/`;
  const status = e.response?.status ?? 0;
  if (e.request.method !== 'PUT' || !e.request.path.startsWith(prefix) || status < 200 || status > 299) return undefined;
  const body = parseJson(e.request.body);
  const items = isObject(body) ? body[profile.parent.seedMember] : undefined;
  return Array.isArray(items) ? { parent: decodeURIComponent(e.request.path.slice(prefix.length)), size: items.length } : undefined;
}

/** Counts the seeding PUTs among `exchanges` not read before (the newest first back to one already read). */
export function noteSeeding(collector: CoverageCollector | undefined, exchanges: readonly Exchange[]): void {
  if (!collector) return;
  const fresh: Exchange[] = [];
  for (let i = exchanges.length - 1; i >= 0 && !collector.scanned.has(exchanges[i]); i--) fresh.unshift(exchanges[i]);
  const { populations } = collector.data;
  for (const e of fresh) {
    collector.scanned.add(e);
    const seeded = seededBy(collector.profile, e);
    if (!seeded) continue;
    populations.seeded++;
    populations.sizes[bucketOf(seeded.size)]++;
    populations.largest = Math.max(populations.largest, seeded.size);
    collector.seeded.set(seeded.parent, seeded.size);
  }
}

/** Runs `fn` and resolves to how many items it seeded into `parent` beyond what it held (0 when none, or no collector). */
export async function seededDuring(collector: CoverageCollector | undefined, exchanges: readonly Exchange[], parent: string, fn: () => Promise<void>): Promise<number> {
  noteSeeding(collector, exchanges);
  const before = collector?.seeded.get(parent) ?? 0;
  await fn();
  noteSeeding(collector, exchanges);
  return Math.max(0, (collector?.seeded.get(parent) ?? 0) - before);
}
