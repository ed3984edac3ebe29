/**
 * `errors.invalid-token` draws each kind of token as its own scenario, and its sessions for the run's
 * mode: a scenario, and so a shrunk counterexample, carries only the fields its kind uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidToken } from '../src/contract/catalogue/properties/invalid-token.js';
import { runContract } from '../src/contract/run-contract.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import type { FaultName } from '../src/emulator/index.js';

/** The members of each kind, in order, and of a session drawn in each mode. */
const FIELDS = {
  seeded: { garbage: ['kind', 'token', 'maxResults', 'session'], foreign: ['kind', 'maxResults', 'session', 'other'], tampered: ['kind', 'tamper', 'maxResults', 'session', 'other'] },
  observational: { garbage: ['kind', 'token', 'maxResults', 'session'], foreign: ['kind', 'maxResults', 'session', 'other'], tampered: ['kind', 'tamper', 'maxResults', 'session'] },
} as const;
const SESSION = { seeded: ['sessionId', 'population'], observational: ['pick'] } as const;

/** The defined members of a scenario value (fast-check leaves a member drawn as undefined in place). */
function fields(value: object): string[] {
  return Object.entries(value).filter(([, v]) => v !== undefined).map(([k]) => k);
}

describe('errors.invalid-token scenarios, per kind', () => {
  for (const mode of ['seeded', 'observational'] as const) {
    it(`${mode}: every kind is drawn, each with only its own fields and sessions drawn for the mode`, () => {
      const kinds = new Set<string>();
      for (const s of fc.sample(invalidToken.scenario({ mode, sessions: ['s-1', 's-2'] }), { seed: 9, numRuns: 300 }) as { kind: keyof (typeof FIELDS)['seeded']; session: object; other?: object }[]) {
        kinds.add(s.kind);
        expect(fields(s), s.kind).toEqual(FIELDS[mode][s.kind]);
        for (const session of [s.session, s.other].filter((x) => x !== undefined)) expect(fields(session)).toEqual(SESSION[mode]);
      }
      expect([...kinds].sort()).toEqual(['foreign', 'garbage', 'tampered']);
    });
  }

  it.each([
    ['bad-token-500', 'garbage'],
    ['tokens-not-session-bound', 'foreign'],
  ] as const)('a counterexample of %s shrinks to a %s scenario with only its fields', async (fault: FaultName, kind) => {
    const target = emulatorTarget({ region: 'us-east-1', faults: [fault] });
    const report = await runContract({ target, mode: 'seeded', seed: 1, runs: 50, only: ['errors.invalid-token'] });
    await target.close();
    const scenario = report.properties[0].counterexample?.scenario as { kind: string; session: object } | undefined;
    expect(scenario?.kind).toBe(kind);
    expect(fields(scenario!)).toEqual(FIELDS.seeded[kind]);
    expect(fields(scenario!.session)).toEqual(SESSION.seeded);
  });
});
