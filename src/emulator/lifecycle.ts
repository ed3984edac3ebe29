/**
 * The Spark-session calls live mode needs (StartSession, GetSessionStatus, GetSession,
 * TerminateSession), enough to start, poll, list, grow (with calculation-ops.ts) and always terminate
 * a session against the emulator.
 */
import { randomUUID } from 'node:crypto';
import { invalidRequestException, serializationException, type ModelError, type ModelOptions } from '../model/index.js';
import type { OperationProfile } from '../profiles/index.js';
import { isObject } from '../schema/json.js';
import { ENGINE_VERSION, coordinator, sessionStatus } from './session-shapes.js';
import { endCalculations, grow, sessionDpuMillis, type GrowthContext } from './growth.js';
import type { Parents } from './parents.js';
import type { LifecycleSession, Sessions } from './sessions.js';
import type { EmulatorStages, StageContext } from './stages.js';

/** An operation's answer: a JSON output or an error. */
export type OperationResult = { ok: true; output: unknown } | { ok: false; error: ModelError };

/**
 * What every operation gets: the sessions, the list operations served (each profile with its
 * parents' items), the stages (with the faults' overrides), the model's options; it is the stages'
 * context too.
 */
export interface OperationContext extends StageContext, GrowthContext {
  sessions: Sessions;
  /**
   * The list operations the emulator answers, in the order its messages name them: ListExecutors over
   * the sessions' executors, ListSessions over the workgroups' sessions, ListCalculationExecutions over
   * the sessions' calculations.
   */
  lists: ReadonlyMap<OperationProfile, Parents>;
  /** The stages of the calls beside the list operations: the overrides of the faults that concern no list operation. */
  stages: EmulatorStages;
  /** Each list operation's stages: the overrides of the faults that concern it, or no list operation. */
  listStages: ReadonlyMap<OperationProfile, EmulatorStages>;
  options: ModelOptions;
}

/** The emulator's clock in epoch seconds, as AWS JSON timestamps are. */
const secondsOf = (ctx: GrowthContext): number => ctx.clock() / 1000;

function fail(error: ModelError): OperationResult {
  return { ok: false, error };
}

function objectBody(input: unknown): Record<string, unknown> | undefined {
  return isObject(input) ? input : undefined;
}

/** The SessionId of a session call, or the error it deserves. */
export function sessionOf(ctx: OperationContext, input: unknown): { id: string; session: LifecycleSession } | ModelError {
  const body = objectBody(input);
  if (!body) return serializationException('Request body: expected a JSON object, send {"SessionId": "..."}');
  const id = body.SessionId;
  if (id !== undefined && id !== null && typeof id !== 'string') return serializationException('SessionId: expected a JSON string');
  if (typeof id !== 'string' || id.length === 0) {
    return invalidRequestException("1 validation error detected: Value null at 'sessionId' failed to satisfy constraint: Member must not be null");
  }
  const session = ctx.sessions.lifecycle(id);
  if (!session) return invalidRequestException(`Session ${id.slice(0, 256)} not found: start it with StartSession or check the SessionId`);
  return { id, session };
}

/** One status poll: a new session is CREATING until the poll stage settles it. */
function poll(ctx: OperationContext, id: string, session: LifecycleSession): void {
  if (session.state !== 'CREATING') return;
  session.statusPolls++;
  const settled = ctx.stages.poll(session.statusPolls, ctx);
  if (settled) ctx.sessions.transition(id, settled.state, secondsOf(ctx), settled.reason);
}

/** The InvalidRequestException of a number outside min..max, as AWS words it (undefined when absent or in range). */
function rangeViolation(value: unknown, member: string, min: number, max: number): ModelError | undefined {
  if (value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) return undefined;
  return invalidRequestException(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
}

/** StartSession: a new session, CREATING, with one COORDINATOR executor and no calculations, listed by ListSessions in its workgroup. */
export function startSession(ctx: OperationContext, input: unknown): OperationResult {
  const body = objectBody(input);
  if (!body) return fail(serializationException('Request body: expected a JSON object with WorkGroup and EngineConfiguration'));
  if (typeof body.WorkGroup !== 'string' || body.WorkGroup.length === 0) {
    return fail(invalidRequestException("1 validation error detected: Value null at 'workGroup' failed to satisfy constraint: Member must not be null"));
  }
  const engine = objectBody(body.EngineConfiguration);
  if (!engine || typeof engine.MaxConcurrentDpus !== 'number') {
    return fail(invalidRequestException("1 validation error detected: Value null at 'engineConfiguration.maxConcurrentDpus' failed to satisfy constraint: Member must not be null"));
  }
  const invalid = rangeViolation(engine.MaxConcurrentDpus, 'engineConfiguration.maxConcurrentDpus', 2, 5000) ?? rangeViolation(body.SessionIdleTimeoutInMinutes, 'sessionIdleTimeoutInMinutes', 1, 480);
  if (invalid) return fail(invalid);
  const refused = ctx.stages.startSession(ctx);
  if (refused) return fail(refused);
  const id = randomUUID();
  const t = secondsOf(ctx);
  const idle = typeof body.SessionIdleTimeoutInMinutes === 'number' ? { idleTimeoutMinutes: body.SessionIdleTimeoutInMinutes } : {};
  const description = typeof body.Description === 'string' && body.Description !== '' ? { description: body.Description } : {};
  ctx.sessions.start(
    id,
    { state: 'CREATING', workGroup: body.WorkGroup, engineConfiguration: engine, startedAt: t, lastModifiedAt: t, statusPolls: 0, ...idle, ...description },
    [coordinator(randomUUID(), t * 1000)],
  );
  return { ok: true, output: { SessionId: id, State: 'CREATING' } };
}

/** GetSessionStatus: the session's state (each call is a poll that moves a new session along). */
export function getSessionStatus(ctx: OperationContext, input: unknown): OperationResult {
  const found = sessionOf(ctx, input);
  if (!('id' in found)) return fail(found);
  poll(ctx, found.id, found.session);
  return { ok: true, output: { SessionId: found.id, Status: sessionStatus(found.session) } };
}

/** GetSession: the session's configuration and state (a poll too). */
export function getSession(ctx: OperationContext, input: unknown): OperationResult {
  const found = sessionOf(ctx, input);
  if (!('id' in found)) return fail(found);
  poll(ctx, found.id, found.session);
  const { session } = found;
  // Statistics for started sessions only: a seeded session's GetSession answers as it always has.
  const started = ctx.sessions.states()[found.id] !== undefined;
  return {
    ok: true,
    output: {
      SessionId: found.id,
      WorkGroup: session.workGroup,
      EngineVersion: ENGINE_VERSION,
      EngineConfiguration: session.engineConfiguration,
      SessionConfiguration: { IdleTimeoutSeconds: session.idleTimeoutMinutes === undefined ? 20 : session.idleTimeoutMinutes * 60 },
      Status: sessionStatus(session),
      ...(started ? { Statistics: { DpuExecutionInMillis: sessionDpuMillis(ctx, found.id, ctx.clock()) } } : {}),
    },
  };
}

/** TerminateSession: answers TERMINATING; the session is then TERMINATED and so are its executors. */
export function terminateSession(ctx: OperationContext, input: unknown): OperationResult {
  const found = sessionOf(ctx, input);
  if (!('id' in found)) return fail(found);
  ctx.terminateCalls++;
  const refused = ctx.stages.terminate(ctx);
  if (refused) return fail(refused);
  const ended = found.session.state === 'TERMINATED' || found.session.state === 'FAILED';
  if (!ended) {
    // Its calculations end with it: their workers as they were a moment before, then all TERMINATED.
    grow(ctx, ctx.clock());
    endCalculations(ctx, found.id, ctx.clock());
    ctx.sessions.transition(found.id, 'TERMINATED', secondsOf(ctx));
  }
  return { ok: true, output: { State: ended ? found.session.state : 'TERMINATING' } };
}
