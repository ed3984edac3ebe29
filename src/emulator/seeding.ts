/**
 * The seeding protocol of DESIGN.md, validated against schemas/session-seed.schema.json: the
 * executors a session must hold exactly, checked before the emulator takes them.
 */
import type { ExecutorsSummary } from '../generated/athena.js';
import { validate } from '../schema/validators.js';

/** The executors of a valid seed, or one line saying what is wrong and how to fix it. */
export type SeedCheck = { ok: true; executors: ExecutorsSummary[] } | { ok: false; message: string };

/** Checks a seed body `{"executors": [...]}` against the schema, and that no ExecutorId repeats. */
export function checkSeed(body: unknown): SeedCheck {
  const v = validate('session-seed.schema.json', body);
  if (!v.ok) return { ok: false, message: `seed body: ${v.errors.slice(0, 5).join('; ')}; send {"executors": [ExecutorsSummary, ...]}` };
  return checkExecutors((body as { executors: ExecutorsSummary[] }).executors);
}

/** Checks that no ExecutorId repeats (two executors with one id would make the listing ambiguous). */
function checkExecutors(executors: ExecutorsSummary[]): SeedCheck {
  const seen = new Set<string>();
  for (const e of executors) {
    if (seen.has(e.ExecutorId)) {
      return { ok: false, message: `seed body: ExecutorId ${JSON.stringify(e.ExecutorId.slice(0, 64))} appears twice; give every executor its own id` };
    }
    seen.add(e.ExecutorId);
  }
  return { ok: true, executors };
}

/** Checks executors seeded from code, throwing a one-line message when they are not valid. */
export function assertSeed(sessionId: string, executors: readonly ExecutorsSummary[]): ExecutorsSummary[] {
  const check = checkSeed({ executors });
  if (!check.ok) throw new Error(`seed(${JSON.stringify(sessionId.slice(0, 64))}): ${check.message}`);
  return check.executors;
}
