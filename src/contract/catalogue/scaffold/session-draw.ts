/**
 * Parents ("sessions") a check needs besides its scenario's own data, drawn for the run's mode:
 * parents to seed in seeded mode, picks among the given ones in observational mode. The check gets
 * them open, distinct from one another, and never has to ask which mode it runs in.
 */
import fc from 'fast-check';
import { uuidParentId, type Item } from '../../../arbitraries/index.js';
import { itemId } from '../../../profiles/index.js';
import { profileOf, type CheckContext } from '../context.js';
import type { ScenarioContext } from '../property.js';
import { withSeededSession, type SeededSession } from './seeding.js';

/** Which given session to read (observational mode): an index, taken modulo the sessions left to choose from. */
export interface PickedSession {
  pick: number;
}

/** A session as a scenario draws it: one to seed, one to pick, or both (the mode decides which is used). */
export type SessionDraw = SeededSession | PickedSession | (SeededSession & PickedSession);

/** A session open for the check: its id, and what it holds where the harness seeded it. */
export interface OpenSession {
  sessionId: string;
  population?: readonly Item[];
}

/**
 * A session drawn for the run's mode only: a UUID and `population` in seeded mode, a pick in
 * observational mode. Plain UUIDs (not the long ids of `freshParentId`, which the walks test): these
 * sessions stand for any session, and two of them shrink to two short distinct ids.
 */
export function sessionDraw(sc: ScenarioContext, population: fc.Arbitrary<object[]>): fc.Arbitrary<SessionDraw> {
  return sc.mode === 'seeded' ? fc.record({ sessionId: uuidParentId(profileOf(sc)), population }) : fc.record({ pick: fc.nat() });
}

function seededOf(draw: SessionDraw): SeededSession {
  if (!('sessionId' in draw)) throw new Error('a seeded run needs sessions drawn with an id and a population');
  return draw;
}

function pickOf(draw: SessionDraw): number {
  if (!('pick' in draw)) throw new Error('an observational run needs sessions drawn with a pick');
  return draw.pick;
}

/** Each seeded session without the items of those before it, so that what a session lists is its own; undefined when two share an id. */
function disjoint(ctx: CheckContext, draws: readonly SessionDraw[]): (SeededSession & OpenSession)[] | undefined {
  const profile = profileOf(ctx);
  const sessions = draws.map(seededOf);
  if (new Set(sessions.map((s) => s.sessionId)).size !== sessions.length) return undefined;
  const held = new Set<string>();
  return sessions.map(({ sessionId, population }) => {
    const own = (population as readonly Item[]).filter((e) => !held.has(itemId(profile, e)));
    for (const e of own) held.add(itemId(profile, e));
    return { sessionId, population: own };
  });
}

/** The given sessions the picks choose, each among those not chosen before; undefined when too few are given. */
function picked(ctx: CheckContext, draws: readonly SessionDraw[]): OpenSession[] | undefined {
  const chosen: OpenSession[] = [];
  for (const draw of draws) {
    const left = ctx.sessions.filter((id) => !chosen.some((c) => c.sessionId === id));
    if (left.length === 0) return undefined;
    chosen.push({ sessionId: left[pickOf(draw) % left.length] });
  }
  return chosen;
}

/** Seeds `sessions` in order, runs `fn`, and drops them again in reverse order (also on failure). */
function withSeeded(ctx: CheckContext, sessions: readonly SeededSession[], fn: () => Promise<void>): Promise<void> {
  return sessions.reduceRight<() => Promise<void>>((inner, s) => () => withSeededSession(ctx, s, inner), fn)();
}

/**
 * Opens the drawn sessions, runs `fn` on them, and drops the seeded ones again. Counts the run as
 * vacuous, without calling `fn`, when the sessions cannot be distinct: two drawn with one id, or
 * fewer sessions given than drawn.
 */
export async function withSessions(ctx: CheckContext, draws: readonly SessionDraw[], fn: (sessions: OpenSession[]) => Promise<void>): Promise<void> {
  if (ctx.mode === 'seeded') {
    const seeded = disjoint(ctx, draws);
    if (seeded) return withSeeded(ctx, seeded, () => fn(seeded));
  } else {
    const given = picked(ctx, draws);
    if (given) return fn(given);
  }
  ctx.stats.vacuousRuns++;
}
