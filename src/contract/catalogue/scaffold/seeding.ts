/**
 * Seeded runs: the target's seeding routes, typed, and a session loaded for one check and dropped
 * again whatever happened.
 */
import type { ExecutorsSummary } from '../../../generated/athena.js';
import type { Seeding } from '../../../targets/target.js';
import type { CheckContext } from '../context.js';

/** A session the harness seeds: its id and exactly what it holds. */
export interface SeededSession {
  sessionId: string;
  population: readonly ExecutorsSummary[];
}

/** The target's seeding routes; throws, naming the target, when it serves none (a seeded check on a read-only target). */
export function seedingOf(ctx: CheckContext): Seeding {
  const seeding = ctx.target.seeding;
  if (!seeding) throw new Error(`${ctx.target.description} has no seeding routes`);
  return seeding;
}

/** The most pages a walk over `populationSize` executors may take: one per executor, plus room for a trailing empty page. */
export function pageBound(populationSize: number): number {
  return populationSize + 2;
}

/**
 * Seeds `session`, runs `fn` with the most pages a walk of it may take, then drops the session (also
 * on failure).
 */
export async function withSeededSession<T>(ctx: CheckContext, session: SeededSession, fn: (maxPages: number) => Promise<T>): Promise<T> {
  const seeding = seedingOf(ctx);
  await seeding.put(session.sessionId, session.population);
  try {
    return await fn(pageBound(session.population.length));
  } finally {
    await seeding.drop(session.sessionId).catch(() => undefined);
  }
}
