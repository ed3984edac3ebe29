/**
 * The emulator's calculations: a started session holds only its coordinator until a calculation asks
 * for executors; workers start one per step (CREATING, then REGISTERED) up to what MaxConcurrentDpus
 * leaves beside the coordinator, and end (TERMINATING, then TERMINATED) when the calculation
 * completes, is stopped or the session ends; DPU usage accrues. A hand-moved clock makes it exact.
 */
import {
  GetCalculationExecutionCommand,
  GetCalculationExecutionStatusCommand,
  GetSessionCommand,
  GetSessionStatusCommand,
  ListExecutorsCommand,
  StartCalculationExecutionCommand,
  StartSessionCommand,
  StopCalculationExecutionCommand,
} from '@aws-sdk/client-athena';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, startEmulator, type Emulator, type EmulatorCore } from '../src/emulator/index.js';
import { call } from './helpers/emulator-call.js';

const T0 = 1_700_000_000_000;
const STEP = 10;
let now = T0;

function core(faults: Parameters<typeof createEmulator>[0] = {}): EmulatorCore {
  now = T0;
  return createEmulator({ clock: () => now, growth: { stepMs: STEP, calculationMs: 1000 }, ...faults });
}

/** An IDLE session started with `maxDpus`. */
function idleSession(c: EmulatorCore, maxDpus = 4): string {
  const id = String(call(c, 'StartSession', { WorkGroup: 'wg', EngineConfiguration: { CoordinatorDpuSize: 1, MaxConcurrentDpus: maxDpus, DefaultExecutorDpuSize: 1 }, SessionIdleTimeoutInMinutes: 11 }).body.SessionId);
  for (let i = 0; i < 3; i++) call(c, 'GetSessionStatus', { SessionId: id });
  return id;
}

const startCalculation = (c: EmulatorCore, sessionId: string): string => String(call(c, 'StartCalculationExecution', { SessionId: sessionId, CodeBlock: 'print(1)' }).body.CalculationExecutionId);

/** The executors as `TYPE:STATE`, oldest first. */
function executors(c: EmulatorCore, sessionId: string): string[] {
  const list = call(c, 'ListExecutors', { SessionId: sessionId, MaxResults: 100 }).body.ExecutorsSummary as { ExecutorType: string; ExecutorState: string; StartDateTime: number }[];
  return [...list].sort((a, b) => a.StartDateTime - b.StartDateTime).map((e) => `${e.ExecutorType}:${e.ExecutorState}`);
}

const sessionState = (c: EmulatorCore, id: string) => (call(c, 'GetSessionStatus', { SessionId: id }).body.Status as { State: string }).State;
const calculationState = (c: EmulatorCore, id: string) => (call(c, 'GetCalculationExecutionStatus', { CalculationExecutionId: id }).body.Status as { State: string }).State;
const dpuMillis = (c: EmulatorCore, id: string) => (call(c, 'GetSession', { SessionId: id }).body.Statistics as { DpuExecutionInMillis: number }).DpuExecutionInMillis;

describe('emulator calculations', () => {
  it('a new session holds its coordinator only; a calculation grows it one worker per step, up to the DPUs beside the coordinator', () => {
    const c = core();
    const id = idleSession(c);
    now += 10 * STEP;
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED']);
    const calc = startCalculation(c, id);
    expect(sessionState(c, id)).toBe('BUSY');
    expect(calculationState(c, calc)).toBe('CREATING');
    now += STEP;
    expect(calculationState(c, calc)).toBe('RUNNING');
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED', 'WORKER:CREATING']);
    now += STEP;
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED', 'WORKER:REGISTERED', 'WORKER:CREATING']);
    now += 20 * STEP;
    // MaxConcurrentDpus 4: a 1-DPU coordinator and three 1-DPU workers, never more.
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED', 'WORKER:REGISTERED', 'WORKER:REGISTERED', 'WORKER:REGISTERED']);
    expect(c.calculationStates()).toEqual({ [calc]: 'RUNNING' });
  });

  it('a calculation completes by itself: its workers terminate, the session is IDLE again', () => {
    const c = core();
    const id = idleSession(c, 3);
    const calc = startCalculation(c, id);
    now += 1000;
    expect(calculationState(c, calc)).toBe('COMPLETED');
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED', 'WORKER:TERMINATING', 'WORKER:TERMINATING']);
    now += STEP;
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED', 'WORKER:TERMINATED', 'WORKER:TERMINATED']);
    expect(sessionState(c, id)).toBe('IDLE');
    const list = call(c, 'ListExecutors', { SessionId: id, ExecutorStateFilter: 'TERMINATED' }).body.ExecutorsSummary as { TerminationDateTime: number }[];
    expect(list.map((e) => e.TerminationDateTime)).toEqual([T0 + 1000 + STEP, T0 + 1000 + STEP]);
  });

  it('a stopped calculation is CANCELING, then CANCELED, and its workers end; stopping it again changes nothing', () => {
    const c = core();
    const id = idleSession(c);
    const calc = startCalculation(c, id);
    now += 3 * STEP + 5;
    expect(call(c, 'StopCalculationExecution', { CalculationExecutionId: calc }).body).toEqual({ State: 'CANCELING' });
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED', 'WORKER:TERMINATING', 'WORKER:TERMINATING', 'WORKER:TERMINATING']);
    now += STEP;
    expect(calculationState(c, calc)).toBe('CANCELED');
    expect(call(c, 'StopCalculationExecution', { CalculationExecutionId: calc }).body).toEqual({ State: 'CANCELED' });
    expect(executors(c, id)).toEqual(['COORDINATOR:REGISTERED', 'WORKER:TERMINATED', 'WORKER:TERMINATED', 'WORKER:TERMINATED']);
    expect(sessionState(c, id)).toBe('IDLE');
  });

  it('terminating the session ends its running calculation and every executor', () => {
    const c = core();
    const id = idleSession(c);
    const calc = startCalculation(c, id);
    now += 2 * STEP;
    call(c, 'TerminateSession', { SessionId: id });
    expect(c.calculationStates()).toEqual({ [calc]: 'CANCELED' });
    expect(executors(c, id)).toEqual(['COORDINATOR:TERMINATED', 'WORKER:TERMINATED', 'WORKER:TERMINATED']);
    expect(call(c, 'GetCalculationExecution', { CalculationExecutionId: calc }).body.Status).toMatchObject({ State: 'CANCELED', StateChangeReason: 'The session was terminated' });
  });

  it('DPU usage accrues: the coordinator from the start, each worker while it runs', () => {
    const c = core();
    const id = idleSession(c, 3);
    expect(dpuMillis(c, id)).toBe(0);
    now += 100;
    expect(dpuMillis(c, id)).toBe(100);
    const calc = startCalculation(c, id);
    now += 50;
    // Coordinator 150 ms; workers started at +10 and +20 ms of the calculation: 40 + 30 ms.
    expect(dpuMillis(c, id)).toBe(150 + 40 + 30);
    expect(call(c, 'GetCalculationExecutionStatus', { CalculationExecutionId: calc }).body.Statistics).toEqual({ DpuExecutionInMillis: 70, Progress: '2 of 2 executors started' });
  });

  it('refuses what Athena refuses: out-of-range DPUs and idle timeouts, no code, a busy or seeded session, an unknown calculation', () => {
    const c = core({ sessions: { seeded: [{ ExecutorId: 'c', ExecutorType: 'COORDINATOR', StartDateTime: 1 }] } });
    const start = (extra: Record<string, unknown>) => call(c, 'StartSession', { WorkGroup: 'wg', EngineConfiguration: { MaxConcurrentDpus: 2 }, ...extra });
    expect(start({ EngineConfiguration: { MaxConcurrentDpus: 1 } }).body.Message).toMatch(/maxConcurrentDpus.*between 2 and 5000/);
    expect(start({ SessionIdleTimeoutInMinutes: 481 }).body.Message).toMatch(/sessionIdleTimeoutInMinutes.*between 1 and 480/);
    expect(start({ SessionIdleTimeoutInMinutes: 0 }).status).toBe(400);
    const id = idleSession(c);
    expect(call(c, 'StartCalculationExecution', { SessionId: id }).body.Message).toMatch(/needs CodeBlock/);
    startCalculation(c, id);
    expect(call(c, 'StartCalculationExecution', { SessionId: id, CodeBlock: 'x' }).body.Message).toMatch(/is BUSY/);
    expect(call(c, 'StartCalculationExecution', { SessionId: 'seeded', CodeBlock: 'x' }).body.Message).toMatch(/seeded/);
    expect(call(c, 'GetCalculationExecutionStatus', { CalculationExecutionId: 'nope' }).body.__type).toBe('InvalidRequestException');
    // A seeded session answers GetSession as before: no Statistics.
    expect(call(c, 'GetSession', { SessionId: 'seeded' }).body.Statistics).toBeUndefined();
  });
});

describe('emulator calculations through the AWS SDK over HTTP', () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it("answers in the SDK's own shapes: dates, states, statistics", async () => {
    emulator = await startEmulator({ growth: { stepMs: 5, calculationMs: 60_000 } });
    const client = emulator.client();
    const { SessionId } = await client.send(new StartSessionCommand({ WorkGroup: 'wg', EngineConfiguration: { MaxConcurrentDpus: 3 }, SessionIdleTimeoutInMinutes: 2 }));
    while ((await client.send(new GetSessionStatusCommand({ SessionId }))).Status?.State !== 'IDLE');
    const started = await client.send(new StartCalculationExecutionCommand({ SessionId, CodeBlock: 'print(1)' }));
    expect(started.State).toBe('CREATING');
    const id = started.CalculationExecutionId;
    await new Promise((resolve) => setTimeout(resolve, 30));
    const status = await client.send(new GetCalculationExecutionStatusCommand({ CalculationExecutionId: id }));
    expect(status.Status?.State).toBe('RUNNING');
    expect(status.Status?.SubmissionDateTime).toBeInstanceOf(Date);
    const listed = await client.send(new ListExecutorsCommand({ SessionId }));
    expect(listed.ExecutorsSummary?.filter((e) => e.ExecutorType === 'WORKER')).toHaveLength(2);
    expect((await client.send(new StopCalculationExecutionCommand({ CalculationExecutionId: id }))).State).toBe('CANCELING');
    const got = await client.send(new GetCalculationExecutionCommand({ CalculationExecutionId: id }));
    expect(got).toMatchObject({ CalculationExecutionId: id, SessionId });
    expect(['CANCELING', 'CANCELED']).toContain(got.Status?.State);
    const session = await client.send(new GetSessionCommand({ SessionId }));
    expect(session.Statistics?.DpuExecutionInMillis).toBeGreaterThan(0);
    expect(session.SessionConfiguration?.IdleTimeoutSeconds).toBe(120);
    client.destroy();
  });
});
