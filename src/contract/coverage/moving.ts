/**
 * The `moving` note: a target that moved while the run read it (items came, went or changed state
 * between walks of one parent) limits what walks made at different times can show, and the report
 * says so, so that a reader knows which conclusions were limited. A note, never a failure: a property
 * whose walks saw no change has none.
 */
import type { Coverage, Warning } from '../../common/results.js';

type Moving = NonNullable<Coverage['moving']>;

/** The changes of all `parts` together (parts without them count none). */
export function movingOf(parts: readonly (Coverage | undefined)[]): Moving {
  const sum: Moving = { came: 0, went: 0, changed: 0 };
  for (const m of parts.map((c) => c?.moving)) {
    if (!m) continue;
    sum.came += m.came;
    sum.went += m.went;
    sum.changed += m.changed;
  }
  return sum;
}

/** The note `moving` earns, `seenBy` naming where it was seen (run level), or none when nothing moved. */
export function movingWarnings(moving: Moving, seenBy = ''): Warning[] {
  if (moving.came + moving.went + moving.changed === 0) return [];
  return [
    {
      kind: 'moving',
      message: `the target moved during the run: ${moving.came} came, ${moving.went} went, ${moving.changed} changed state${seenBy}; cross-walk conclusions were limited to items that held still between walks`,
    },
  ];
}
