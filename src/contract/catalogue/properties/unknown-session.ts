/**
 * `errors.unknown-session`: an unknown SessionId gets a well-formed 400 client error,
 * ResourceNotFoundException or InvalidRequestException (which one real Athena sends is undocumented),
 * never a 200.
 */
import fc from 'fast-check';
import { executorPopulation, requestShape, unknownSessionId, type RequestShape } from '../../../arbitraries/index.js';
import type { ExecutorsSummary } from '../../../generated/athena.js';
import { listCall } from '../call.js';
import { defineProperty } from '../property.js';
import { seededOnly, seedingOf } from '../scaffold/index.js';
import { runVacuity } from '../vacuity-rules.js';
import { expectWellFormedError } from '../well-formed.js';

interface Scenario {
  sessionId: string;
  request: RequestShape;
  /** Seeded mode: seed the session and drop it first, so "unknown" also means "deleted". */
  dropped?: ExecutorsSummary[];
}

const CODES = ['ResourceNotFoundException', 'InvalidRequestException'];

/** The property value of `errors.unknown-session`. */
export const unknownSession = defineProperty({
  id: 'errors.unknown-session',
  law: 'An unknown SessionId gets a well-formed 400 ResourceNotFoundException or InvalidRequestException, never a 200.',
  modes: ['seeded', 'observational'],
  vacuity: runVacuity('every session id drawn was one of the given sessions'),
  scenario: (sc): fc.Arbitrary<Scenario> =>
    fc.record({
      sessionId: unknownSessionId(),
      request: requestShape(true),
      dropped: seededOnly(sc, fc.option(executorPopulation({ maxSize: 5 }), { nil: undefined })),
    }),
  async check(s: Scenario, ctx) {
    if (ctx.sessions.includes(s.sessionId)) {
      ctx.stats.vacuousRuns++;
      return;
    }
    if (s.dropped) {
      const seeding = seedingOf(ctx);
      await seeding.put(s.sessionId, s.dropped);
      await seeding.drop(s.sessionId);
    }
    const call = await listCall(ctx, { SessionId: s.sessionId, ...s.request });
    expectWellFormedError(ctx, call, CODES, 400, s.dropped ? `session ${s.sessionId} (seeded, then deleted)` : `unknown session ${s.sessionId}`);
  },
});
