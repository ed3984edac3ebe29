/**
 * The family the harness checks: Athena's three Spark list operations, in the order a report lists
 * them, and how a user names them (`--operation ListSessions,ListExecutors`, `all`).
 */
import { LIST_CALCULATION_EXECUTIONS } from './list-calculation-executions.js';
import { LIST_EXECUTORS } from './list-executors.js';
import { LIST_SESSIONS } from './list-sessions.js';
import type { OperationProfile } from './profile.js';

/** The three operations' profiles, ListExecutors (the default) first. */
export const FAMILY = [LIST_EXECUTORS, LIST_SESSIONS, LIST_CALCULATION_EXECUTIONS] as const satisfies readonly OperationProfile[];

/** The name of an operation of the family. */
export type OperationName = (typeof FAMILY)[number]['operation'];

/** Every operation's name, in {@link FAMILY}'s order. */
export const OPERATION_NAMES: readonly OperationName[] = FAMILY.map((p) => p.operation as OperationName);

/** The profile of an operation of the family, undefined for any other name. */
export function profileNamed(name: string): OperationProfile | undefined {
  return FAMILY.find((p) => p.operation === name);
}

/**
 * The profiles a user's list names (`ListSessions,ListExecutors`, `all`), in the family's order and
 * each once; a name outside the family throws a one-line error naming the field and the choices.
 */
export function operationsOf(list: string, field = '--operation'): OperationProfile[] {
  const names = list.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new Error(`${field}: name at least one operation: ${OPERATION_NAMES.join(', ')} or all`);
  if (names.includes('all')) return [...FAMILY];
  for (const n of names) if (!profileNamed(n)) throw new Error(`${field}: unknown operation ${JSON.stringify(n)}; use ${OPERATION_NAMES.join(', ')} or all`);
  return FAMILY.filter((p) => names.includes(p.operation));
}
