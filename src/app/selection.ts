/**
 * What `--only` selects among the operations of a run, checked before the run: an entry that selects
 * nothing would make a run that tests less than it was asked to, silently.
 */
import { UsageError } from '../common/errors.js';
import { catalogueFor } from '../contract/catalogue/index.js';
import { FAMILY, LIST_EXECUTORS, type OperationProfile } from '../profiles/index.js';
import { runOperations } from '../contract/engine/settings.js';

/**
 * The operations a run checks: those given; without any, those `--only` names as `Operation/id`
 * (with ListExecutors too for a bare law id), so that a replay command naming `ListSessions/id`
 * needs no `--operation`; ListExecutors otherwise, as ever.
 */
export function operationsFor(options: { operations?: readonly OperationProfile[]; profile?: OperationProfile; only?: readonly string[] }): readonly OperationProfile[] {
  if (options.operations?.length || options.profile || !options.only?.some((e) => e.includes('/'))) return runOperations(options);
  const named = new Set(options.only.map((e) => (e.includes('/') ? e.slice(0, e.indexOf('/')) : LIST_EXECUTORS.operation)));
  return FAMILY.filter((p) => named.has(p.operation));
}

/**
 * Throws a one-line UsageError when an `--only` entry selects nothing among `operations`: an
 * `Operation/id` of an operation not selected, or a law id none of them has (`errors.unknown-workgroup`
 * without ListSessions).
 */
export function checkSelection(only: readonly string[] | undefined, operations: readonly OperationProfile[]): void {
  const names = operations.map((p) => p.operation).join(',');
  for (const entry of only ?? []) {
    const slash = entry.indexOf('/');
    if (slash >= 0) {
      const operation = entry.slice(0, slash);
      if (!operations.some((p) => p.operation === operation)) throw new UsageError(`--only ${entry}: ${operation} is not run (--operation ${names}); add it to --operation, or drop ${entry}`);
    } else if (!operations.some((p) => catalogueFor(p).some((law) => law.id === entry))) {
      throw new UsageError(`--only ${entry}: no operation run (--operation ${names}) has this law; add an operation that has it to --operation, or drop ${entry}`);
    }
  }
}
