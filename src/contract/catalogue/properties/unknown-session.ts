/**
 * The unknown-parent law (`errors.unknown-session` for ListExecutors; the profile names it): an
 * unknown parent id gets a well-formed 400 client error, ResourceNotFoundException or
 * InvalidRequestException (which one real Athena sends is undocumented), never a 200.
 */
import fc from 'fast-check';
import { itemPopulation, requestShape, uuidParentId, type Item, type RequestShape } from '../../../arbitraries/index.js';
import { LIST_EXECUTORS, type OperationProfile } from '../../../profiles/index.js';
import { lawCoverage } from '../../coverage/index.js';
import { listCall } from '../call.js';
import { profileOf } from '../context.js';
import { defineProperty, type ContractProperty } from '../property.js';
import { seededOnly, seedingOf } from '../scaffold/index.js';
import { plural } from '../text.js';
import { runVacuity } from '../vacuity-rules.js';
import { expectWellFormedError } from '../well-formed.js';

interface Scenario {
  sessionId: string;
  request: RequestShape;
  /** Seeded mode: seed the parent and drop it first, so "unknown" also means "deleted". */
  dropped?: Item[];
}

const CODES = ['ResourceNotFoundException', 'InvalidRequestException'];

/** The unknown-parent law of `profile`, under the id its profile gives it. */
export function unknownParentFor(profile: OperationProfile): ContractProperty {
  const noun = profile.parent.noun;
  return defineProperty({
    id: profile.unknownParentLaw,
    law: `An unknown ${profile.parent.member} gets a well-formed 400 ResourceNotFoundException or InvalidRequestException, never a 200.`,
    modes: ['seeded', 'observational'],
    vacuity: runVacuity(`every ${noun} id drawn was one of the given ${plural(noun)}`),
    coverage: lawCoverage(profile, { errors: CODES }),
    scenario: (sc): fc.Arbitrary<Scenario> => {
      const p = profileOf(sc);
      return fc.record({
        sessionId: uuidParentId(p),
        request: requestShape(p, true),
        dropped: seededOnly(sc, fc.option(itemPopulation(p, { maxSize: 5 }), { nil: undefined })),
      });
    },
    async check(s: Scenario, ctx) {
      const p = profileOf(ctx);
      if (ctx.sessions.includes(s.sessionId)) {
        ctx.stats.vacuousRuns++;
        return;
      }
      if (s.dropped) {
        const seeding = seedingOf(ctx);
        await seeding.put(s.sessionId, s.dropped, p);
        await seeding.drop(s.sessionId, p);
      }
      const call = await listCall(ctx, { [p.parent.member]: s.sessionId, ...s.request });
      const what = s.dropped ? `${p.parent.noun} ${s.sessionId} (seeded, then deleted)` : `unknown ${p.parent.noun} ${s.sessionId}`;
      expectWellFormedError(ctx, call, CODES, 400, what);
    },
  });
}

/** ListExecutors' `errors.unknown-session`, typed by its id so that the catalogue's ids stay a union of literals (the catalogue test pins the value). */
export const unknownSession = unknownParentFor(LIST_EXECUTORS) as ContractProperty<'errors.unknown-session'>;
