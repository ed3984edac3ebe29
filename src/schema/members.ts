/**
 * The members the API model defines, read from the schemas: code that must tell modelled members from
 * unknown ones (which AWS adds to responses and ignores in requests) reads them here, never a copy.
 */
import type { ExecutorsSummary, ListExecutorsRequest } from '../generated/athena.js';
import { loadSchema } from './load.js';

/** The members of a ListExecutors request, in schema order. */
export const REQUEST_MEMBERS = Object.keys(loadSchema('list-executors-request.schema.json').properties ?? {}) as readonly (keyof ListExecutorsRequest)[];

/** The members of an ExecutorsSummary, in schema order. */
export const EXECUTOR_MEMBERS = Object.keys(loadSchema('executors-summary.schema.json').properties ?? {}) as readonly (keyof ExecutorsSummary)[];
