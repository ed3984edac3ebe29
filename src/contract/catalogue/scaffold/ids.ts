/**
 * Item ids as set members (keyed as the profile's `itemId` reads them): what one set of ids lacks or
 * holds beyond another (the missing and extra items of the pagination and filter laws).
 */

/** How a listed set of ids departs from the expected one, each list in its set's order. */
export interface IdDifference {
  /** Expected, never listed. */
  missing: string[];
  /** Listed, never expected. */
  extra: string[];
}

/** What `listed` lacks of `expected` and holds beyond it; undefined when the two hold the same ids. */
export function idDifference(expected: ReadonlySet<string>, listed: ReadonlySet<string>): IdDifference | undefined {
  const missing = [...expected].filter((id) => !listed.has(id));
  const extra = [...listed].filter((id) => !expected.has(id));
  return missing.length || extra.length ? { missing, extra } : undefined;
}
