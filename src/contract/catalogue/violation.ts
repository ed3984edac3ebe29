/**
 * A broken law: what was expected, what came, and the exchanges that show it. Thrown by property
 * checks; fast-check shrinks the scenario that produced it.
 */
import type { Exchange } from '../../wire/exchange.js';

/** A contract violation with the exchanges of the run that broke the law. */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
  constructor(
    message: string,
    /** The exchanges of the failing run (filled in by the runner). */
    public exchanges: Exchange[] = [],
  ) {
    super(message);
  }
}
