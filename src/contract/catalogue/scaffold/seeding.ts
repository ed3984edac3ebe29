/**
 * Seeded runs: the target's seeding routes, typed, and a parent loaded for one check and dropped
 * again whatever happened, on the routes of the context's profile.
 */
import type { Seeding } from '../../../targets/target.js';
import { profileOf, type CheckContext } from '../context.js';

/** A parent the harness seeds (`sessionId`, whatever the operation's parent is): its id and exactly what it holds (items as JSON objects). */
export interface SeededSession {
  sessionId: string;
  population: readonly object[];
}

/** The target's seeding routes; throws, naming the target, when it serves none (a seeded check on a read-only target). */
export function seedingOf(ctx: CheckContext): Seeding {
  const seeding = ctx.target.seeding;
  if (!seeding) throw new Error(`${ctx.target.description} has no seeding routes`);
  return seeding;
}

/** The most pages a walk over `populationSize` items may take: one per item, plus room for a trailing empty page. */
export function pageBound(populationSize: number): number {
  return populationSize + 2;
}

/**
 * Seeds `session`, runs `fn` with the most pages a walk of it may take, then drops the parent (also
 * on failure).
 */
export async function withSeededSession<T>(ctx: CheckContext, session: SeededSession, fn: (maxPages: number) => Promise<T>): Promise<T> {
  const seeding = seedingOf(ctx);
  const profile = profileOf(ctx);
  await seeding.put(session.sessionId, session.population, profile);
  try {
    return await fn(pageBound(session.population.length));
  } finally {
    await seeding.drop(session.sessionId, profile).catch(() => undefined);
  }
}
