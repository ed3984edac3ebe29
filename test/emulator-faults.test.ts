import { describe, expect, it } from 'vitest';
import { propertyIds, type PropertyId } from '../src/contract/catalogue/index.js';
import type { CalculationSummary, ExecutorsSummary, SessionSummary } from '../src/generated/athena.js';
import { EMULATOR_STAGES, FAULTS, FAULT_NAMES, FAULT_REGISTRY, createEmulator, type EmulatorCore, type FaultName } from '../src/emulator/index.js';
import { stagesWith } from '../src/emulator/faults.js';
import { orderExecutors } from '../src/model/index.js';
import { call, type Answer } from './helpers/emulator-call.js';

const T0 = 1_700_000_000_000;
const states = ['REGISTERED', 'TERMINATED', 'FAILED', 'CREATED'] as const;
/** Seeded out of order, so that insertion order is not the sorted order. */
const seeded: ExecutorsSummary[] = [3, 1, 7, 0, 5, 2, 6, 4, 9, 8].map((k) => ({
  ExecutorId: `e${k}`,
  ExecutorType: 'WORKER',
  StartDateTime: T0 + k * 1000,
  TerminationDateTime: T0 + k * 1000 + 500,
  ExecutorState: states[k % 4],
  ExecutorSize: 2,
}));
const sortedIds = orderExecutors(seeded).map((e) => e.ExecutorId);

const ids = (a: Answer): string[] => ((a.body.ExecutorsSummary ?? []) as ExecutorsSummary[]).map((e) => e.ExecutorId);

/** Follows tokens for at most `maxPages` pages, calling `between` after each page. */
function walk(core: EmulatorCore, request: Record<string, unknown>, maxPages = 20, between?: (page: number) => void): { ids: string[]; ended: boolean } {
  const seen: string[] = [];
  let token: unknown;
  for (let i = 0; i < maxPages; i++) {
    const a = call(core, 'ListExecutors', { ...request, ...(token ? { NextToken: token } : {}) });
    if (a.status !== 200) throw new Error(`page ${i}: ${a.status} ${a.text}`);
    seen.push(...ids(a));
    token = a.body.NextToken;
    if (!token) return { ids: seen, ended: true };
    between?.(i);
  }
  return { ids: seen, ended: false };
}

/** The clock of the probes' emulators: a probe moves it on to let calculations grow. */
let clockMs = T0;

/** Seconds of the family's items: newest first by the ordering key, another order by the other timestamp, a third by id. */
const S0 = T0 / 1000;
const familyStates = { ListSessions: ['IDLE', 'TERMINATED', 'BUSY', 'FAILED'], ListCalculationExecutions: ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELED'] } as const;
const familyItems = (op: keyof typeof familyStates) =>
  [3, 1, 7, 0, 5, 2, 6, 4, 9, 8].map((k) => {
    const [key, other] = op === 'ListSessions' ? ['StartDateTime', 'LastModifiedDateTime'] : ['SubmissionDateTime', 'CompletionDateTime'];
    const id = op === 'ListSessions' ? { SessionId: `x${(k * 7) % 10}` } : { CalculationExecutionId: `x${(k * 7) % 10}` };
    return { ...id, Status: { [key]: S0 + k + 0.5, [other]: S0 + ((k * 3) % 10) + 100, State: familyStates[op][k % 4] } };
  });

function fresh(faults: FaultName[]): EmulatorCore {
  return createEmulator({
    faults,
    sessions: { s: { executors: seeded, calculations: familyItems('ListCalculationExecutions') as CalculationSummary[] }, t: seeded.slice(0, 4) },
    workgroups: { wg: familyItems('ListSessions') as SessionSummary[], wh: familyItems('ListSessions').slice(0, 4) as SessionSummary[] },
    clock: () => clockMs,
    growth: { stepMs: 10, calculationMs: 1000 },
  });
}

/** The items of a family page, and a walk of one (bounded): for the family's probes. */
const familyPage = (a: Answer, op: keyof typeof familyStates): Record<string, unknown>[] => (a.body[op === 'ListSessions' ? 'Sessions' : 'Calculations'] ?? []) as Record<string, unknown>[];

/**
 * Probes of ListSessions' and ListCalculationExecutions' faults, each fault by the `{prefix}-...` name
 * of the registry, over the parents `fresh` seeds (`parent` with ten items, `other` with four).
 */
function familyProbes(op: keyof typeof familyStates, prefix: string, parentMember: string, parent: string, other: string, noun: string): Partial<Record<FaultName, (core: EmulatorCore) => boolean>> {
  const list = (c: EmulatorCore, body: Record<string, unknown>): Answer => call(c, op, { [parentMember]: parent, ...body });
  const idOf = (e: Record<string, unknown>): string => String(e.SessionId ?? e.CalculationExecutionId);
  const status = (e: Record<string, unknown>): Record<string, unknown> => e.Status as Record<string, unknown>;
  const [key, otherKey] = op === 'ListSessions' ? ['StartDateTime', 'LastModifiedDateTime'] : ['SubmissionDateTime', 'CompletionDateTime'];
  const ids = (c: EmulatorCore, body: Record<string, unknown> = {}): string[] => familyPage(list(c, body), op).map(idOf);
  const sortedBy = (k: string, dir: number): string[] => [...familyItems(op)].sort((a, b) => dir * ((a.Status[k] as number) - (b.Status[k] as number))).map((e) => idOf(e));
  const walked = (c: EmulatorCore): string[] => {
    const seen: string[] = [];
    let token: unknown;
    for (let i = 0; i < 20; i++) {
      const a = list(c, { MaxResults: 3, ...(token ? { NextToken: token } : {}) });
      seen.push(...familyPage(a, op).map(idOf));
      token = a.body.NextToken;
      if (!token) break;
    }
    return seen;
  };
  const probes: Record<string, (core: EmulatorCore) => boolean> = {
    [`${prefix}-oldest-first`]: (c) => ids(c).join() === sortedBy(key, 1).join(),
    [`${prefix}-id-ascending`]: (c) => ids(c).join() === [...ids(c)].sort().join(),
    [`${prefix}-wrong-timestamp`]: (c) => ids(c).join() === sortedBy(otherKey, -1).join(),
    [`${prefix}-filter-ignored`]: (c) => familyPage(list(c, { StateFilter: familyStates[op][1] }), op).some((e) => status(e).State !== familyStates[op][1]),
    [`${prefix}-page-boundary-duplicate`]: (c) => new Set(walked(c)).size !== walked(c).length,
    [`${prefix}-max-results-ignored`]: (c) => ids(c, { MaxResults: 2 }).length > 2,
    [`${prefix}-iso-timestamps`]: (c) => typeof status(familyPage(list(c, {}), op)[0])[key] === 'string',
    [`${prefix}-epoch-millis`]: (c) => (status(familyPage(list(c, {}), op)[0])[key] as number) > 1e11,
    [`${prefix}-tokens-not-${noun}-bound`]: (c) => call(c, op, { [parentMember]: other, NextToken: list(c, { MaxResults: 1 }).body.NextToken }).status === 200,
    [`${prefix}-unknown-${noun}-empty`]: (c) => call(c, op, { [parentMember]: 'nope' }).status === 200,
  };
  if (op === 'ListSessions') probes['sessions-active-only'] = (c) => ids(c, { StateFilter: 'TERMINATED' }).length === 0;
  return probes as Partial<Record<FaultName, (core: EmulatorCore) => boolean>>;
}

function startSession(core: EmulatorCore): Answer {
  return call(core, 'StartSession', { WorkGroup: 'wg', EngineConfiguration: { MaxConcurrentDpus: 2 } });
}

/** A started, IDLE session's id and the answer to a calculation started in it. */
function startCalculation(core: EmulatorCore): { sessionId: string; answer: Answer } {
  const sessionId = String(startSession(core).body.SessionId);
  for (let i = 0; i < 3; i++) call(core, 'GetSessionStatus', { SessionId: sessionId });
  return { sessionId, answer: call(core, 'StartCalculationExecution', { SessionId: sessionId, CodeBlock: 'print(1)' }) };
}

/**
 * Probes: for a fault, true when the emulator shows that fault's deviation. Keyed by FaultName, so a
 * probe of a fault that no longer exists fails to compile; a new fault needs none to be tested (every
 * fault must trip some probe of the whole set), so adding a fault stays one entry in the registry.
 */
const deviates: Partial<Record<FaultName, (core: EmulatorCore) => boolean>> = {
  'wrong-session-echo': (c) => call(c, 'ListExecutors', { SessionId: 's' }).body.SessionId !== 's',
  'string-timestamps': (c) => typeof (call(c, 'ListExecutors', { SessionId: 's' }).body.ExecutorsSummary as Record<string, unknown>[])[0].StartDateTime === 'string',
  'page-boundary-duplicate': (c) => {
    const w = walk(c, { SessionId: 's', MaxResults: 3 });
    return new Set(w.ids).size !== w.ids.length;
  },
  'page-boundary-skip': (c) => walk(c, { SessionId: 's', MaxResults: 3 }).ids.length < seeded.length,
  'token-loops': (c) => !walk(c, { SessionId: 's', MaxResults: 5 }).ended,
  'max-results-ignored': (c) => ids(call(c, 'ListExecutors', { SessionId: 's', MaxResults: 2 })).length > 2,
  'off-by-one-page': (c) => ids(call(c, 'ListExecutors', { SessionId: 's', MaxResults: 2 })).length === 3,
  'oldest-first': (c) => ids(call(c, 'ListExecutors', { SessionId: 's' }))[0] === sortedIds[sortedIds.length - 1],
  'insertion-order': (c) => ids(call(c, 'ListExecutors', { SessionId: 's' })).join() === seeded.map((e) => e.ExecutorId).join(),
  'filter-ignored': (c) => (call(c, 'ListExecutors', { SessionId: 's', ExecutorStateFilter: 'TERMINATED' }).body.ExecutorsSummary as ExecutorsSummary[]).some((e) => e.ExecutorState !== 'TERMINATED'),
  'filter-merges-ended-states': (c) => (call(c, 'ListExecutors', { SessionId: 's', ExecutorStateFilter: 'TERMINATED' }).body.ExecutorsSummary as ExecutorsSummary[]).some((e) => e.ExecutorState === 'FAILED'),
  'timestamps-in-seconds': (c) => (call(c, 'ListExecutors', { SessionId: 's' }).body.ExecutorsSummary as ExecutorsSummary[])[0].StartDateTime === Math.floor((T0 + 9000) / 1000),
  'drops-optional-members': (c) => (call(c, 'ListExecutors', { SessionId: 's' }).body.ExecutorsSummary as ExecutorsSummary[]).every((e) => e.ExecutorSize === undefined && e.TerminationDateTime === undefined),
  'accepts-out-of-range': (c) => call(c, 'ListExecutors', { SessionId: 's', MaxResults: 0 }).status === 200 && call(c, 'ListExecutors', { SessionId: 'x'.repeat(300) }).body.__type !== 'InvalidRequestException',
  'validation-as-500': (c) => call(c, 'ListExecutors', { SessionId: 's', MaxResults: 101 }).status === 500,
  'plain-text-errors': (c) => call(c, 'ListExecutors', { SessionId: 'nope' }).headers['content-type'] === 'text/plain',
  'unknown-session-empty': (c) => call(c, 'ListExecutors', { SessionId: 'nope' }).status === 200,
  'unknown-session-404': (c) => call(c, 'ListExecutors', { SessionId: 'nope' }).status === 404,
  'bad-token-500': (c) => call(c, 'ListExecutors', { SessionId: 's', NextToken: 'garbage' }).status === 500,
  'bad-token-restarts': (c) => call(c, 'ListExecutors', { SessionId: 's', NextToken: 'garbage' }).status === 200,
  'tokens-not-session-bound': (c) => {
    const token = call(c, 'ListExecutors', { SessionId: 's', MaxResults: 1 }).body.NextToken;
    return call(c, 'ListExecutors', { SessionId: 't', NextToken: token }).status === 200;
  },
  'offset-tokens': (c) => {
    let n = 0;
    const w = walk(c, { SessionId: 's', MaxResults: 3 }, 20, () => c.seed('s', [...seeded, { ExecutorId: `new${n++}`, StartDateTime: T0 + 100_000 + n }]));
    return new Set(w.ids).size !== w.ids.length;
  },
  'token-invalidated-by-insert': (c) => {
    const token = call(c, 'ListExecutors', { SessionId: 's', MaxResults: 3 }).body.NextToken;
    c.seed('s', [...seeded, { ExecutorId: 'late', StartDateTime: T0 + 100_000 }]);
    return call(c, 'ListExecutors', { SessionId: 's', MaxResults: 3, NextToken: token }).status === 400;
  },
  'no-request-id': (c) => call(c, 'ListExecutors', { SessionId: 'nope' }).headers['x-amzn-requestid'] === undefined,
  'start-session-fails': (c) => startSession(c).status === 500,
  'session-never-idle': (c) => {
    const id = startSession(c).body.SessionId;
    for (let i = 0; i < 5; i++) call(c, 'GetSessionStatus', { SessionId: id });
    return c.sessionStates()[String(id)] === 'CREATING';
  },
  'session-fails': (c) => {
    const id = startSession(c).body.SessionId;
    for (let i = 0; i < 3; i++) call(c, 'GetSessionStatus', { SessionId: id });
    return c.sessionStates()[String(id)] === 'FAILED';
  },
  'terminate-fails-once': (c) => {
    const id = startSession(c).body.SessionId;
    return call(c, 'TerminateSession', { SessionId: id }).status === 500 && call(c, 'TerminateSession', { SessionId: id }).status === 200;
  },
  'calculation-fails-to-start': (c) => startCalculation(c).answer.status === 500,
  'calculation-never-completes': (c) => {
    const id = String(startCalculation(c).answer.body.CalculationExecutionId);
    clockMs += 1_000_000;
    return c.calculationStates()[id] === 'RUNNING';
  },
  'executors-never-start': (c) => {
    const { sessionId } = startCalculation(c);
    clockMs += 100;
    return ids(call(c, 'ListExecutors', { SessionId: sessionId })).length === 1;
  },
  ...familyProbes('ListSessions', 'sessions', 'WorkGroup', 'wg', 'wh', 'workgroup'),
  ...familyProbes('ListCalculationExecutions', 'calculations', 'SessionId', 's', 't', 'session'),
  'stop-calculation-fails-once': (c) => {
    const id = startCalculation(c).answer.body.CalculationExecutionId;
    return call(c, 'StopCalculationExecution', { CalculationExecutionId: id }).status === 500 && call(c, 'StopCalculationExecution', { CalculationExecutionId: id }).status === 200;
  },
};

/** Whether some probe, each on a fresh emulator, sees a deviation (a probe that throws has seen one: a walk broke). */
function anyProbeFires(faults: FaultName[]): boolean {
  return Object.values(deviates).some((probe) => {
    try {
      return probe(fresh(faults));
    } catch {
      return true;
    }
  });
}

/** Every ListExecutors fault's `catches` (the other operations' are test/family-faults.test.ts's), typed so that tsc rejects one that is not a property id of the catalogue. */
const catches = FAULT_REGISTRY.flatMap((f) => (f.operation === 'ListExecutors' || f.operation === null ? [f.catches] : [])) satisfies readonly (PropertyId | null)[];

describe('emulator faults', () => {
  it.each(FAULT_REGISTRY.map((f) => f.name))('fault %s shows its deviation, and the fault-free emulator does not', (fault) => {
    const probe = deviates[fault];
    if (!probe) return expect(anyProbeFires([fault]), `no probe sees a deviation of ${fault}`).toBe(true);
    expect(probe(fresh([fault]))).toBe(true);
    expect(probe(fresh([]))).toBe(false);
  });

  it('the fault-free emulator trips no probe', () => {
    expect(anyProbeFires([])).toBe(false);
  });

  it('every catches is a property id of the catalogue, or null for a live-mode cleanup fault', () => {
    for (const id of catches) if (id !== null) expect(propertyIds).toContain(id);
  });

  it.each(FAULT_REGISTRY)('fault $name overrides exactly the stages its entry names, and no other', ({ name, override }) => {
    const stages = stagesWith(new Set([name]));
    const changed = Object.keys(EMULATOR_STAGES).filter((k) => stages[k as keyof typeof stages] !== EMULATOR_STAGES[k as keyof typeof stages]);
    expect(changed.sort()).toEqual(Object.keys(override).sort());
  });

  it('the fault-free emulator runs the default stages themselves, composed once for all emulators', () => {
    expect(stagesWith(new Set())).toBe(EMULATOR_STAGES);
  });

  it('every fault has a one-line summary', () => {
    for (const name of FAULT_NAMES) expect(FAULTS[name].summary).toMatch(/^[^\n]{10,120}$/);
  });

  it.each(['tokens-not-session-bound', 'offset-tokens', 'token-invalidated-by-insert'] as const)(
    'fault %s still walks a session correctly when nothing changes during the walk',
    (fault) => {
      const w = walk(fresh([fault]), { SessionId: 's', MaxResults: 3 });
      expect(w).toEqual({ ids: sortedIds, ended: true });
    },
  );

  it('faults on different stages compose: oldest-first with bad-token-500 lists oldest first and answers 500 to a bad token', () => {
    const both = fresh(['oldest-first', 'bad-token-500']);
    expect(deviates['oldest-first']!(both) && deviates['bad-token-500']!(both)).toBe(true);
    const w = walk(both, { SessionId: 's', MaxResults: 3 });
    expect(w).toEqual({ ids: [...sortedIds].reverse(), ended: true });
  });

  it('faults on one stage compose in registry order whatever order they are given in', () => {
    for (const faults of [['string-timestamps', 'timestamps-in-seconds'], ['timestamps-in-seconds', 'string-timestamps']] as FaultName[][]) {
      const first = (call(fresh(faults), 'ListExecutors', { SessionId: 's' }).body.ExecutorsSummary as Record<string, unknown>[])[0];
      expect(first.StartDateTime).toBe(String(Math.floor((T0 + 9000) / 1000)));
    }
    const clamped = fresh(['accepts-out-of-range', 'validation-as-500']);
    expect(call(clamped, 'ListExecutors', { SessionId: 's', MaxResults: 0 }).status).toBe(200);
    expect(call(clamped, 'ListExecutors', { SessionId: '' }).status).toBe(500);
  });

  it('an unknown fault name is refused with the list of names', () => {
    expect(() => createEmulator({ faults: ['nope' as FaultName] })).toThrow(/unknown fault "nope"; use one of wrong-session-echo/);
  });
});
