/**
 * Which properties' laws coverage can tell untested, as data keyed by property id: those about pages
 * or tokens (untested when no walk had a second page), those about the filter (untested for a filter
 * that never matched), and the error properties with the error codes their law is about.
 */

/** How a property's law needs a second page: its walks had one (`walks`), or an answer issued a NextToken (`tokens`). */
export type PageNeed = 'walks' | 'tokens';

/** The properties whose law is about pages or tokens. */
export const PAGE_LAWS: Readonly<Record<string, PageNeed>> = {
  'pagination.exactly-once': 'walks',
  'pagination.page-size': 'walks',
  'pagination.stable-under-inserts': 'walks',
  'ordering.newest-first': 'walks',
  'errors.invalid-token': 'tokens',
};

/** The properties whose law is about ExecutorStateFilter. */
export const FILTER_LAWS: readonly string[] = ['filter.honoured'];

/** The error properties, each with the error codes its law expects. */
export const ERROR_LAWS: Readonly<Record<string, readonly string[]>> = {
  'errors.invalid-request': ['InvalidRequestException', 'SerializationException'],
  'errors.invalid-token': ['InvalidRequestException'],
  'errors.unknown-session': ['ResourceNotFoundException', 'InvalidRequestException'],
};
