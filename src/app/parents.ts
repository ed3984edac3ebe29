/**
 * Observational parents on the command line: which flag names the parents of an operation (a
 * session's, `--session-id`; ListSessions' workgroups, `--workgroup`), and the one-line error of an
 * observational run that selects an operation with none of its parents given: such a run would test
 * nothing of it.
 */
import { UsageError } from '../common/errors.js';
import type { Mode } from '../common/results.js';
import type { OperationProfile } from '../profiles/index.js';
import { parentsFor } from '../contract/engine/settings.js';

/** The parents an observational run reads, by kind. */
export interface Parents {
  sessions: readonly string[];
  workgroups: readonly string[];
}

/** The flag that names `profile`'s parents: `--workgroup` where its seeding route is `workgroups`, `--session-id` otherwise. */
export function parentFlagOf(profile: OperationProfile): '--workgroup' | '--session-id' {
  return profile.parent.route === 'workgroups' ? '--workgroup' : '--session-id';
}

/** Throws a one-line UsageError when an observational run has no parent for one of `operations`. */
export function checkParents(mode: Mode, operations: readonly OperationProfile[], parents: Parents): void {
  if (mode !== 'observational') return;
  const bare = operations.find((p) => parentsFor(parents, p).length === 0);
  if (!bare) return;
  const flag = parentFlagOf(bare);
  const noun = bare.parent.noun;
  throw new UsageError(`${bare.operation} reads ${noun}s in observational mode and none is given: add ${flag} ${flag === '--workgroup' ? 'NAME' : 'ID'} (a ${noun} to read), or leave ${bare.operation} out of --operation`);
}
