/**
 * One run of a check and how it ended, the same whether the pool or fast-check's own loop called it:
 * the one guard (the run's exchange scope, the locks on its sessions) and the one reading of a throw:
 * a violation (kept with its run's exchanges), or a stop: seeding that stops working or a target gone
 * (fatal for the run), or a check that could reach no verdict (inconclusive).
 */
import { InconclusiveError } from '../../common/errors.js';
import type { CheckStats } from '../../common/results.js';
import { inScope, type ExchangeScope } from '../../targets/exchange-scope.js';
import { SeedingError } from '../../targets/seeding.js';
import { TransportError } from '../../targets/send.js';
import type { Exchange } from '../../wire/exchange.js';
import type { CheckContext } from '../catalogue/context.js';
import type { ContractProperty } from '../catalogue/property.js';
import { ContractViolation } from '../catalogue/violation.js';
import { lockKeysOf, withSessionLocks, type Pool } from './pool.js';
import { profileOf } from '../catalogue/context.js';

/** What stopped a property at a run, and how: fatal for the run, or no verdict. */
export interface Stop {
  kind: 'fatal' | 'inconclusive';
  error: Error;
}

/** How one run of a check ended: it passed (neither member), broke the law, or stopped the property. */
export interface CheckEnd {
  failure?: ContractViolation;
  stop?: Stop;
}

/** What a check threw as a violation that keeps the exchanges of its run. */
function asViolation(e: unknown, exchanges: readonly Exchange[]): ContractViolation {
  const violation = e instanceof ContractViolation ? e : new ContractViolation(`the check threw ${(e as Error).name}: ${(e as Error).message}`);
  violation.exchanges = [...exchanges];
  return violation;
}

/** Whether `e` stops the property instead of failing it, and how: fatal for the run, or no verdict. */
function stopKind(e: unknown): Stop['kind'] | undefined {
  if (e instanceof SeedingError || e instanceof TransportError) return 'fatal';
  if (e instanceof InconclusiveError) return 'inconclusive';
  return undefined;
}

/**
 * Checks `scenario` with `ctx` in the exchange scope of its run, holding the locks on the sessions it
 * names (two runs in flight must not seed one session under each other; `locked`: the caller holds
 * them already), and tells how it ended.
 * Whoever calls it holds the pool's room for it: a slot, or the whole pool.
 */
export async function guarded(property: ContractProperty, ctx: CheckContext, pool: Pool, run: { scenario: unknown; scope: ExchangeScope; locked?: boolean }): Promise<CheckEnd> {
  try {
    await withSessionLocks(pool, lockKeysOf(run.scenario, profileOf(ctx).parent.route), () => inScope(run.scope, () => property.check(run.scenario, ctx)), run.locked);
    return {};
  } catch (e) {
    const kind = stopKind(e);
    return kind ? { stop: { kind, error: e as Error } } : { failure: asViolation(e, ctx.exchanges) };
  }
}

/** Adds every counter of `from` to `into`. */
export function addStats(into: CheckStats, from: CheckStats): CheckStats {
  for (const key of Object.keys(from) as (keyof CheckStats)[]) into[key] += from[key];
  return into;
}
