/**
 * The members the API model defines, read from the schemas: code that must tell modelled members from
 * unknown ones (which AWS adds to responses and ignores in requests) reads them here, never a copy.
 * (An operation profile holds the same facts for any list operation: `request`, `itemMembers`.)
 */
import { loadSchema } from './load.js';

/** The members of a ListExecutors request, in schema order. */
export const REQUEST_MEMBERS: readonly string[] = Object.keys(loadSchema('list-executors-request.schema.json').properties ?? {});

/** The members of one executor as ListExecutors lists it, in schema order. */
export const EXECUTOR_MEMBERS: readonly string[] = Object.keys(loadSchema('executors-summary.schema.json').properties ?? {});
