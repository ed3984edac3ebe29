/**
 * How a check's throw is read, the same whether fast-check called the check or a pool did: a
 * violation (kept with its run's exchanges), or a stop: seeding that stops working or a target gone
 * (fatal for the run), or a check that could reach no verdict (inconclusive).
 */
import { InconclusiveError } from '../../common/errors.js';
import type { CheckStats } from '../../common/results.js';
import { SeedingError } from '../../targets/seeding.js';
import { TransportError } from '../../targets/send.js';
import type { Exchange } from '../../wire/exchange.js';
import { ContractViolation } from '../catalogue/violation.js';

/** What a check threw as a violation that keeps the exchanges of its run. */
export function asViolation(e: unknown, exchanges: readonly Exchange[]): ContractViolation {
  const violation = e instanceof ContractViolation ? e : new ContractViolation(`the check threw ${(e as Error).name}: ${(e as Error).message}`);
  violation.exchanges = [...exchanges];
  return violation;
}

/** Whether `e` stops the property instead of failing it, and how: fatal for the run, or no verdict. */
export function stopKind(e: unknown): 'fatal' | 'inconclusive' | undefined {
  if (e instanceof SeedingError || e instanceof TransportError) return 'fatal';
  if (e instanceof InconclusiveError) return 'inconclusive';
  return undefined;
}

/** Adds every counter of `from` to `into`. */
export function addStats(into: CheckStats, from: CheckStats): CheckStats {
  for (const key of Object.keys(from) as (keyof CheckStats)[]) into[key] += from[key];
  return into;
}
