/**
 * A broken law: what was expected, what came, and the exchanges that show it. Thrown by property
 * checks; fast-check shrinks the scenario that produced it.
 */
import type { Exchange } from '../wire/exchange.js';

/** A contract violation with the exchanges of the run that broke the law. */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
  constructor(
    message: string,
    /** The exchanges of the failing run (filled in by the runner). */
    public exchanges: Exchange[] = [],
    /** Index in `exchanges` of the exchange that broke the law, when one did. */
    public culprit?: number,
  ) {
    super(message);
  }
}

/** Throws a {@link ContractViolation} with `message` unless `condition` holds. */
export function expectLaw(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new ContractViolation(typeof message === 'string' ? message : message());
}
