/**
 * The calculation calls: StartCalculationExecution, GetCalculationExecutionStatus,
 * GetCalculationExecution, StopCalculationExecution. What the calculations do to their sessions is
 * growth.ts's.
 */
import { randomUUID } from 'node:crypto';
import { invalidRequestException, serializationException, type ModelError } from '../model/index.js';
import { isObject } from '../schema/json.js';
import { CALCULATION_RUNNING, stateAt, type Calculation } from './calculations.js';
import { calculationStatus, dpuMillis, workersAt } from './session-shapes.js';
import { grow } from './growth.js';
import { sessionOf, type OperationContext, type OperationResult } from './lifecycle.js';

function fail(error: ModelError): OperationResult {
  return { ok: false, error };
}

/** The calculation a call names, or the error it deserves. */
function calculationOf(ctx: OperationContext, input: unknown): Calculation | ModelError {
  if (!isObject(input)) return serializationException('Request body: expected a JSON object, send {"CalculationExecutionId": "..."}');
  const id = input.CalculationExecutionId;
  if (id !== undefined && id !== null && typeof id !== 'string') return serializationException('CalculationExecutionId: expected a JSON string');
  if (typeof id !== 'string' || id.length === 0)
    return invalidRequestException("1 validation error detected: Value null at 'calculationExecutionId' failed to satisfy constraint: Member must not be null");
  return ctx.calculations.get(id) ?? invalidRequestException(`Calculation ${id.slice(0, 64)} not found: start it with StartCalculationExecution or check the CalculationExecutionId`);
}

const numberOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** How many workers the session's engine leaves room for beside its coordinator. */
function roomFor(engine: Record<string, unknown>): { workers: number; workerDpus: number } {
  const workerDpus = Math.max(1, numberOr(engine.DefaultExecutorDpuSize, 1));
  const free = numberOr(engine.MaxConcurrentDpus, 0) - numberOr(engine.CoordinatorDpuSize, 1);
  return { workers: Math.max(0, Math.floor(free / workerDpus)), workerDpus };
}

/** StartCalculationExecution: a calculation in an IDLE session started through StartSession. */
export function startCalculation(ctx: OperationContext, input: unknown): OperationResult {
  const found = sessionOf(ctx, input);
  if (!('id' in found)) return fail(found);
  const body = input as Record<string, unknown>;
  const config = isObject(body.CalculationConfiguration) ? body.CalculationConfiguration : {};
  const code = body.CodeBlock ?? config.CodeBlock;
  if (typeof code !== 'string' || code.length === 0)
    return fail(invalidRequestException('StartCalculationExecution needs CodeBlock: the PySpark code to run'));
  if (!ctx.sessions.states()[found.id]) return fail(invalidRequestException(`Session ${found.id.slice(0, 64)} was seeded, not started with StartSession: it runs no calculations`));
  if (found.session.state !== 'IDLE') return fail(invalidRequestException(`Session ${found.id.slice(0, 64)} is ${found.session.state}: a calculation starts only in an IDLE session`));
  const refused = ctx.stages.startCalculation(ctx);
  if (refused) return fail(refused);
  const t = ctx.clock();
  const room = roomFor(found.session.engineConfiguration);
  const runs = ctx.stages.completion(ctx.growth.calculationMs);
  const calculation: Calculation = {
    id: randomUUID(),
    sessionId: found.id,
    ...(typeof body.Description === 'string' ? { description: body.Description } : {}),
    submittedAt: t,
    workers: ctx.stages.workers(room.workers),
    workerDpus: room.workerDpus,
    ...(runs === undefined ? {} : { completesAt: t + runs }),
  };
  ctx.calculations.add(calculation);
  grow(ctx, t);
  return { ok: true, output: { CalculationExecutionId: calculation.id, State: stateAt(calculation, t, ctx.growth.stepMs) } };
}

function statisticsOf(ctx: OperationContext, c: Calculation, t: number): Record<string, unknown> {
  const workers = workersAt(c, t, ctx.growth.stepMs);
  return { DpuExecutionInMillis: dpuMillis(workers, t), Progress: `${workers.length} of ${c.workers} executors started` };
}

/** GetCalculationExecutionStatus: the calculation's state and DPU usage. */
export function getCalculationStatus(ctx: OperationContext, input: unknown): OperationResult {
  const c = calculationOf(ctx, input);
  if (!('id' in c)) return fail(c);
  const t = ctx.clock();
  return { ok: true, output: { Status: calculationStatus(c, t, ctx.growth.stepMs), Statistics: statisticsOf(ctx, c, t) } };
}

/** GetCalculationExecution: the calculation, its state and DPU usage. */
export function getCalculation(ctx: OperationContext, input: unknown): OperationResult {
  const c = calculationOf(ctx, input);
  if (!('id' in c)) return fail(c);
  const t = ctx.clock();
  const description = c.description === undefined ? {} : { Description: c.description };
  return { ok: true, output: { CalculationExecutionId: c.id, SessionId: c.sessionId, ...description, Status: calculationStatus(c, t, ctx.growth.stepMs), Statistics: statisticsOf(ctx, c, t) } };
}

/** StopCalculationExecution: CANCELING, then CANCELED a step later; no effect on an ended calculation. */
export function stopCalculation(ctx: OperationContext, input: unknown): OperationResult {
  const c = calculationOf(ctx, input);
  if (!('id' in c)) return fail(c);
  ctx.stopCalls++;
  const refused = ctx.stages.stopCalculation(ctx);
  if (refused) return fail(refused);
  const t = ctx.clock();
  if (CALCULATION_RUNNING.has(stateAt(c, t, ctx.growth.stepMs)) && c.stoppedAt === undefined) c.stoppedAt = t;
  grow(ctx, t);
  return { ok: true, output: { State: stateAt(c, t, ctx.growth.stepMs) } };
}
