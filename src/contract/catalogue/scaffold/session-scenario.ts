/**
 * Scenarios that read one session, in either mode: seeded mode draws a session to seed and the check
 * runs while it is loaded; observational mode names one of the given sessions and the check reads it
 * as it is. Properties declare what each mode draws and checks; the split itself lives here.
 */
import fc from 'fast-check';
import type { CheckContext } from '../context.js';
import type { ScenarioContext } from '../property.js';
import { withSeededSession, type SeededSession } from './seeding.js';

/** What an observational scenario names: one of the given sessions. */
export interface ObservedSession {
  sessionId: string;
}

/** A scenario of either mode, tagged with it: seeded ones carry the session to seed. */
export type SessionScenario<S extends SeededSession, O extends ObservedSession> = ({ mode: 'seeded' } & S) | ({ mode: 'observational' } & O);

/** What each mode draws: `observational` gets the given sessions (and is only called in that mode, so it may draw from them). */
export interface SessionDraws<S extends SeededSession, O extends ObservedSession> {
  seeded: () => fc.Arbitrary<S>;
  observational: (sessions: readonly string[]) => fc.Arbitrary<O>;
}

/** The scenarios of the run's mode, tagged with it. */
export function sessionScenario<S extends SeededSession, O extends ObservedSession>(sc: ScenarioContext, draws: SessionDraws<S, O>): fc.Arbitrary<SessionScenario<S, O>> {
  return sc.mode === 'seeded'
    ? draws.seeded().map((s) => ({ mode: 'seeded' as const, ...s }))
    : draws.observational(sc.sessions).map((s) => ({ mode: 'observational' as const, ...s }));
}

/** `arbitrary` in seeded mode, always `undefined` in observational mode: for what only a seeded run can do. */
export function seededOnly<T>(sc: ScenarioContext, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return sc.mode === 'seeded' ? arbitrary : fc.constant(undefined);
}

/**
 * Runs `fn` on the scenario's session with the most pages a walk of it may take: a seeded session is
 * loaded first and dropped after (also on failure); a given one is read as it is, within the bounds.
 */
export function inSession<T>(s: SessionScenario<SeededSession, ObservedSession>, ctx: CheckContext, fn: (maxPages: number) => Promise<T>): Promise<T> {
  return s.mode === 'seeded' ? withSeededSession(ctx, s, fn) : fn(ctx.bounds.maxPages);
}

/** A check for each mode, for laws that are judged differently when the harness knows what the session holds. */
export interface ModeChecks<S extends SeededSession, O extends ObservedSession> {
  /** Runs while the seeded session is loaded. */
  seeded(s: S, ctx: CheckContext, maxPages: number): Promise<void>;
  observational(s: O, ctx: CheckContext, maxPages: number): Promise<void>;
}

/** One check of a session scenario from the check of each mode, run {@link inSession}. */
export function perMode<S extends SeededSession, O extends ObservedSession>(checks: ModeChecks<S, O>): (s: SessionScenario<S, O>, ctx: CheckContext) => Promise<void> {
  return (s, ctx) => inSession(s, ctx, (maxPages) => (s.mode === 'seeded' ? checks.seeded(s, ctx, maxPages) : checks.observational(s, ctx, maxPages)));
}
