/**
 * The property catalogue of DESIGN.md as data: one value per property, listed here explicitly and in
 * this order. Reports, `--only` and CI key on the ids; the id type is derived from ListExecutors'
 * list. Another operation's catalogue is the same laws in its profile's words (its laws and messages
 * name its members, and its unknown-parent law carries the id its profile gives).
 */
import { LIST_EXECUTORS, type OperationProfile } from '../../profiles/index.js';
import { dataFaithful, dataFaithfulFor } from './properties/data-faithful.js';
import { exactlyOnce, exactlyOnceFor } from './properties/exactly-once.js';
import { filterHonoured, filterHonouredFor } from './properties/filter-honoured.js';
import { invalidRequest, invalidRequestFor } from './properties/invalid-request.js';
import { invalidToken, invalidTokenFor } from './properties/invalid-token.js';
import { newestFirst, newestFirstFor } from './properties/newest-first.js';
import { pageSizeFor, pageSizeProperty } from './properties/page-size.js';
import { responseConforms, responseConformsFor } from './properties/response-conforms.js';
import { stableUnderInserts, stableUnderInsertsFor } from './properties/stable-under-inserts.js';
import { unknownParentFor, unknownSession } from './properties/unknown-session.js';
import type { ContractProperty } from './property.js';

/** Every property of ListExecutors, in report order. */
export const catalogue = [
  responseConforms,
  exactlyOnce,
  pageSizeProperty,
  newestFirst,
  filterHonoured,
  dataFaithful,
  invalidRequest,
  unknownSession,
  invalidToken,
  stableUnderInserts,
] as const;

/** A property's stable id, e.g. `pagination.exactly-once`. */
export type PropertyId = (typeof catalogue)[number]['id'];

/** Every id, in report order. */
export const propertyIds: readonly PropertyId[] = catalogue.map((p) => p.id);

/** Whether `id` names a property of the catalogue. */
export function isPropertyId(id: string): id is PropertyId {
  return (propertyIds as readonly string[]).includes(id);
}

const byProfile = new WeakMap<OperationProfile, readonly ContractProperty[]>([[LIST_EXECUTORS, catalogue]]);

/** Every property of `profile`'s operation, in report order (the same values for the same profile; {@link catalogue} for ListExecutors). */
export function catalogueFor(profile: OperationProfile): readonly ContractProperty[] {
  let properties = byProfile.get(profile);
  if (!properties) {
    properties = [
      responseConformsFor(profile),
      exactlyOnceFor(profile),
      pageSizeFor(profile),
      newestFirstFor(profile),
      filterHonouredFor(profile),
      dataFaithfulFor(profile),
      invalidRequestFor(profile),
      unknownParentFor(profile),
      invalidTokenFor(profile),
      stableUnderInsertsFor(profile),
    ];
    byProfile.set(profile, properties);
  }
  return properties;
}
