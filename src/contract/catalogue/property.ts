/**
 * The shape of one property of the catalogue: a named law, the modes it runs in, the scenarios it is
 * checked on, the check, and what coverage must see for the law to count as tested. Properties are
 * values; nothing registers itself.
 */
import type fc from 'fast-check';
import type { CheckContext } from './context.js';
import type { CheckStats, Coverage, Mode, Warning } from '../../common/results.js';
import type { OperationProfile } from '../../profiles/index.js';
import type { LawCoverage } from '../coverage/index.js';

/** What a property's scenario arbitrary may depend on. */
export interface ScenarioContext {
  mode: Mode;
  /** Observational mode: the sessions to read. */
  sessions: readonly string[];
  /** The operation the laws are checked on: ListExecutors when absent (see {@link profileOf}). */
  profile?: OperationProfile;
}

/** One property of the catalogue, typed by its scenario. */
export interface PropertySpec<Id extends string, S> {
  id: Id;
  /** The law in one sentence. */
  law: string;
  modes: readonly Mode[];
  /** Why the property is skipped in the modes it does not run in. */
  skipReason?: string;
  scenario(ctx: ScenarioContext): fc.Arbitrary<S>;
  /**
   * The boundary cases: scenarios enumerated from the tables of src/contract/catalogue/boundary/, the same for
   * every seed, run before the random ones (and counted apart, as `boundary`). None when absent.
   */
  boundary?(ctx: ScenarioContext): readonly S[];
  /** Resolves when the law holds for `scenario`; throws a ContractViolation when it does not. */
  check(scenario: S, ctx: CheckContext): Promise<void>;
  /** The warnings a pass deserves from the counters (and the coverage) of its runs: what would make it vacuous. */
  vacuity(stats: CheckStats, coverage?: Coverage): Warning[];
  /** The walks, filters and errors its runs must see for the law to count as tested (none when absent). */
  coverage?: LawCoverage;
}

/** A property with its scenario type erased, so that properties of different scenarios share one list. */
export interface ContractProperty<Id extends string = string> {
  readonly id: Id;
  readonly law: string;
  readonly modes: readonly Mode[];
  readonly skipReason?: string;
  scenario(ctx: ScenarioContext): fc.Arbitrary<unknown>;
  boundary?(ctx: ScenarioContext): readonly unknown[];
  check(scenario: unknown, ctx: CheckContext): Promise<void>;
  vacuity(stats: CheckStats, coverage?: Coverage): Warning[];
  readonly coverage?: LawCoverage;
}

/** Erases a property's scenario type; the check only ever receives values of its own scenario. */
export function defineProperty<Id extends string, S>(spec: PropertySpec<Id, S>): ContractProperty<Id> {
  return spec as unknown as ContractProperty<Id>;
}
