/**
 * Seeding as coverage sees it: read from the exchanges (every seeding PUT goes through the target's
 * exchange feed), so that population sizes are counted whatever seeded them, and a walk can tell how
 * many executors were seeded into its session while it went.
 */
import type { PopulationBucket } from '../../common/results.js';
import { isObject, parseJson } from '../../schema/json.js';
import type { Exchange } from '../../wire/exchange.js';
import type { CoverageCollector } from './collector.js';

/** The seeding route's prefix (DESIGN.md). */
const SEED_PREFIX = '/_contract/sessions/';

function bucketOf(size: number): PopulationBucket {
  return size === 0 ? '0' : size === 1 ? '1' : size <= 100 ? '2-100' : '101+';
}

/** The session and size a successful seeding PUT loaded, if `e` is one. */
function seededBy(e: Exchange): { sessionId: string; size: number } | undefined {
  const status = e.response?.status ?? 0;
  if (e.request.method !== 'PUT' || !e.request.path.startsWith(SEED_PREFIX) || status < 200 || status > 299) return undefined;
  const body = parseJson(e.request.body);
  const executors = isObject(body) ? body.executors : undefined;
  return Array.isArray(executors) ? { sessionId: decodeURIComponent(e.request.path.slice(SEED_PREFIX.length)), size: executors.length } : undefined;
}

/** Counts the seeding PUTs among `exchanges` not read before (the newest first back to one already read). */
export function noteSeeding(collector: CoverageCollector | undefined, exchanges: readonly Exchange[]): void {
  if (!collector) return;
  const fresh: Exchange[] = [];
  for (let i = exchanges.length - 1; i >= 0 && !collector.scanned.has(exchanges[i]); i--) fresh.unshift(exchanges[i]);
  const { populations } = collector.data;
  for (const e of fresh) {
    collector.scanned.add(e);
    const seeded = seededBy(e);
    if (!seeded) continue;
    populations.seeded++;
    populations.sizes[bucketOf(seeded.size)]++;
    populations.largest = Math.max(populations.largest, seeded.size);
    collector.seeded.set(seeded.sessionId, seeded.size);
  }
}

/** Runs `fn` and resolves to how many executors it seeded into `sessionId` beyond what it held (0 when none, or no collector). */
export async function seededDuring(collector: CoverageCollector | undefined, exchanges: readonly Exchange[], sessionId: string, fn: () => Promise<void>): Promise<number> {
  noteSeeding(collector, exchanges);
  const before = collector?.seeded.get(sessionId) ?? 0;
  await fn();
  noteSeeding(collector, exchanges);
  return Math.max(0, (collector?.seeded.get(sessionId) ?? 0) - before);
}
