/**
 * `data.faithful` (seeded): every executor listed equals the one seeded, member by member.
 */
import type fc from 'fast-check';
import { seededWalk, type SeededWalk } from '../../../arbitraries/index.js';
import type { ExecutorsSummary } from '../../../generated/athena.js';
import { EXECUTOR_MEMBERS } from '../../../schema/members.js';
import { SeedingError } from '../../../targets/seeding.js';
import { edgeWalks, emptyIdWalk, longSessionWalks } from '../boundary/index.js';
import type { CheckContext } from '../context.js';
import { defineProperty } from '../property.js';
import { idOf, seededWalkOf, withSeededSession } from '../scaffold/index.js';
import { walkVacuity } from '../vacuity-rules.js';
import { ContractViolation } from '../violation.js';
import { walk, walkedExecutors } from '../walk.js';

/** A seeded walk; a boundary case whose population a seeding route may refuse says why. */
type Scenario = SeededWalk & { refusable?: string };

/** Fails on the first listed executor that differs from the one seeded under its id. */
function compare(listed: readonly Record<string, unknown>[], seeded: ReadonlyMap<string, ExecutorsSummary>): void {
  for (const e of listed) {
    const original = seeded.get(idOf(e)) as Record<string, unknown> | undefined;
    if (!original) continue;
    // Only the modelled members: others (added by AWS later) are not compared.
    for (const m of EXECUTOR_MEMBERS)
      // AWS JSON reads null as absent, so a null member is compared as an absent one.
      if (!Object.is(e[m] ?? undefined, original[m] ?? undefined))
        throw new ContractViolation(`executor ${JSON.stringify(idOf(e))}: ${m} is ${m in e ? JSON.stringify(e[m]) : '(absent)'}, seeded ${m in original ? JSON.stringify(original[m]) : '(absent)'}`);
  }
}

async function check(s: Scenario, ctx: CheckContext): Promise<void> {
  const seeded = new Map<string, ExecutorsSummary>(s.population.map((e) => [idOf(e), e]));
  await withSeededSession(ctx, s, async (maxPages) => {
    const w = await walk(ctx, { SessionId: s.sessionId, ...s.request }, { maxPages });
    compare(walkedExecutors(w), seeded);
  });
}

/** The property value of `data.faithful`. */
export const dataFaithful = defineProperty({
  id: 'data.faithful',
  law: 'Every executor listed equals the one seeded, member by member.',
  modes: ['seeded'],
  skipReason: 'needs seeding: the harness must know what the session holds',
  vacuity: walkVacuity,
  scenario: (): fc.Arbitrary<Scenario> => seededWalk(false),
  boundary: (): Scenario[] => [...edgeWalks(), emptyIdWalk(), ...longSessionWalks()].map((c) => ({ ...seededWalkOf(c), ...(c.refusable ? { refusable: c.refusable } : {}) })),
  async check(s: Scenario, ctx) {
    try {
      await check(s, ctx);
    } catch (e) {
      // A population the schema allows but this target's seeding route refuses: the case is skipped, and said so.
      if (!(s.refusable && e instanceof SeedingError)) throw e;
      ctx.stats.boundarySkipped++;
    }
  },
});
