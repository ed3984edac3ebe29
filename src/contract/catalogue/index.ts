/**
 * The property catalogue of DESIGN.md as data: one value per property, listed here explicitly and in
 * this order. Reports, `--only` and CI key on the ids; the id type is derived from this list.
 */
import { dataFaithful } from './properties/data-faithful.js';
import { exactlyOnce } from './properties/exactly-once.js';
import { filterHonoured } from './properties/filter-honoured.js';
import { invalidRequest } from './properties/invalid-request.js';
import { invalidToken } from './properties/invalid-token.js';
import { newestFirst } from './properties/newest-first.js';
import { pageSizeProperty } from './properties/page-size.js';
import { responseConforms } from './properties/response-conforms.js';
import { stableUnderInserts } from './properties/stable-under-inserts.js';
import { unknownSession } from './properties/unknown-session.js';

/** Every property, in report order. */
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
