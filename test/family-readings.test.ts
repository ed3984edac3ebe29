/**
 * The legal readings of API.md that ListSessions and ListCalculationExecutions may take pass in both
 * modes against endpoints written in the tests (the active-only ListSessions, fractional seconds, an
 * unknown parent answered InvalidRequestException, keyless items first). Their faults are
 * test/family-endpoints.test.ts's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_CALCULATION_EXECUTIONS, LIST_SESSIONS, type OperationProfile } from '../src/profiles/index.js';
import type { FamilyBehaviour } from './helpers/family-endpoint.js';
import { closeEndpoints, failures, run } from './helpers/family-runs.js';

afterEach(closeEndpoints);

describe('legal readings pass, in both modes, at seeds 1-3', () => {
  const readings: [string, OperationProfile, FamilyBehaviour][] = [
    ['an active-only ListSessions', LIST_SESSIONS, { activeOnly: true }],
    ['fractional seconds (ListCalculationExecutions)', LIST_CALCULATION_EXECUTIONS, {}],
    ['unknown workgroups answered InvalidRequestException', LIST_SESSIONS, { unknownParent: 'InvalidRequestException' }],
    ['unknown sessions answered InvalidRequestException (ListCalculationExecutions)', LIST_CALCULATION_EXECUTIONS, { unknownParent: 'InvalidRequestException' }],
    ['sessions without Status.StartDateTime listed first', LIST_SESSIONS, { keyless: 'first' }],
  ];
  it.each(readings)('%s', async (_, profile, behaviour) => {
    for (const mode of ['seeded', 'observational'] as const)
      for (const seed of [1, 2, 3]) {
        const report = await run(profile, mode, behaviour, { seed });
        expect(failures(report), `${mode}, seed ${seed}`).toEqual([]);
        expect(report.properties.filter((p) => p.status === 'passed').length).toBeGreaterThanOrEqual(mode === 'seeded' ? 10 : 8);
      }
  }, 600_000);
});
