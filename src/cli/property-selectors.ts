/**
 * `--only` and `--operation` on the command line: a law id (`ordering.newest-first`, every selected
 * operation's law of that id) or `Operation/id` (`ListSessions/ordering.newest-first`, that operation's
 * only), and the operations of the family by name or `all`. Each mistake is one line naming the flag
 * and what it takes.
 */
import { UsageError } from '../common/errors.js';
import { catalogueFor } from '../contract/catalogue/index.js';
import { FAMILY, OPERATION_NAMES, operationsOf, profileNamed, type OperationProfile } from '../profiles/index.js';
import { nearest, oneOf } from './args.js';

/** Every law id of the family, ListExecutors' first, each once. */
function familyLawIds(): string[] {
  return [...new Set(FAMILY.flatMap((p) => catalogueFor(p).map((law) => law.id)))];
}

/** Reads one `--only` entry: a law id of some operation of the family, or `Operation/id` with that operation's id. */
function selector(flag: string, raw: string): string {
  const slash = raw.indexOf('/');
  if (slash < 0) return oneOf(flag, raw, familyLawIds(), 'property');
  const [operation, id] = [raw.slice(0, slash), raw.slice(slash + 1)];
  const profile = profileNamed(operation);
  if (!profile) {
    const near = nearest(operation, OPERATION_NAMES);
    throw new UsageError(`--${flag}: unknown operation ${JSON.stringify(operation)} in ${JSON.stringify(raw)}${near ? ` (did you mean ${near}?)` : ''}; known: ${OPERATION_NAMES.join(', ')}`);
  }
  return `${operation}/${oneOf(flag, id, catalogueFor(profile).map((p) => p.id), `property of ${operation}`)}`;
}

/** Reads `--only a,b`: law ids or `Operation/id`; an unknown one is a usage error with the nearest known one. */
export function propertyList(flag: string, raw: string): string[] {
  const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (!entries.length) throw new UsageError(`--${flag}: expected property ids (or Operation/id) separated by commas, got ${JSON.stringify(raw)}`);
  return entries.map((e) => selector(flag, e));
}

/** Reads `--operation OP[,OP]` (`all` for the family): the profiles in the family's order. */
export function operationList(flag: string, raw: string): OperationProfile[] {
  try {
    return operationsOf(raw, `--${flag}`);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
