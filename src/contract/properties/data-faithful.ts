/**
 * `data.faithful` (seeded): every executor listed equals the one seeded, member by member.
 */
import type fc from 'fast-check';
import { seededWalk, type SeededWalk } from '../../arbitraries/index.js';
import type { ExecutorsSummary } from '../../generated/athena.js';
import { EXECUTOR_MEMBERS } from '../../schema/members.js';
import { defineProperty } from '../property.js';
import { idOf, withSeededSession } from '../scaffold/index.js';
import { walkVacuity } from '../vacuity.js';
import { ContractViolation } from '../violation.js';
import { walk, walkedExecutors } from '../walk.js';

/** The property value of `data.faithful`. */
export const dataFaithful = defineProperty({
  id: 'data.faithful',
  law: 'Every executor listed equals the one seeded, member by member.',
  modes: ['seeded'],
  skipReason: 'needs seeding: the harness must know what the session holds',
  vacuity: walkVacuity,
  scenario: (): fc.Arbitrary<SeededWalk> => seededWalk(false),
  async check(s: SeededWalk, ctx) {
    const seeded = new Map<string, ExecutorsSummary>(s.population.map((e) => [idOf(e), e]));
    await withSeededSession(ctx, s, async (maxPages) => {
      const w = await walk(ctx, { SessionId: s.sessionId, ...s.request }, { maxPages });
      for (const listed of walkedExecutors(w)) {
        const original = seeded.get(idOf(listed)) as Record<string, unknown> | undefined;
        if (!original) continue;
        // Only the modelled members: others (added by AWS later) are not compared.
        for (const m of EXECUTOR_MEMBERS)
          // AWS JSON reads null as absent, so a null member is compared as an absent one.
          if (!Object.is(listed[m] ?? undefined, original[m] ?? undefined))
            throw new ContractViolation(
              `executor ${JSON.stringify(idOf(listed))}: ${m} is ${m in listed ? JSON.stringify(listed[m]) : '(absent)'}, seeded ${m in original ? JSON.stringify(original[m]) : '(absent)'}`,
            );
      }
    });
  },
});
