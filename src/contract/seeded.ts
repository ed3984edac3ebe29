/**
 * Seeded runs: load a population, run the check, and drop the session again whatever happened.
 */
import type { ExecutorsSummary } from '../generated/athena.js';
import type { CheckContext } from './context.js';

/** Seeds `sessionId` with `population`, runs `fn`, then drops the session (also on failure). */
export async function withSeededSession<T>(ctx: CheckContext, sessionId: string, population: readonly ExecutorsSummary[], fn: () => Promise<T>): Promise<T> {
  const seeding = ctx.target.seeding;
  if (!seeding) throw new Error(`${ctx.target.description} has no seeding routes`);
  await seeding.put(sessionId, population);
  try {
    return await fn();
  } finally {
    await seeding.drop(sessionId).catch(() => undefined);
  }
}

/** The most pages a walk over `population` may take: one per executor, plus room for a trailing empty page. */
export function pageBound(populationSize: number): number {
  return populationSize + 2;
}
