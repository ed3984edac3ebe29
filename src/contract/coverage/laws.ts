/**
 * What coverage must see of a property's runs for its law to count as tested, as the property itself
 * carries it (no table keyed by property id): whether the law is about pages or tokens (untested when
 * no walk had a second page), whether it is about the filter (untested for a filter that never
 * matched), and, for an error property, the error codes its law is about.
 */
import type { OperationProfile } from '../../profiles/index.js';

/** How a property's law needs a second page: its walks had one (`walks`), or an answer issued a token (`tokens`). */
export type PageNeed = 'walks' | 'tokens';

/** Which of coverage's tests of a law apply to a property. */
export interface LawNeeds {
  /** The law is about pages or tokens. */
  readonly pages?: PageNeed;
  /** The law is about the filter. */
  readonly filter?: boolean;
  /** An error property: the error codes its law expects. */
  readonly errors?: readonly string[];
}

/** A property's coverage facts: what its law needs, and the operation's words the warnings use. */
export interface LawCoverage extends LawNeeds {
  /** What an item is called (`executor`). */
  readonly itemNoun: string;
  /** The token member (`NextToken`). */
  readonly token: string;
}

/** The coverage facts of a law about `profile`'s operation that needs `needs`. */
export function lawCoverage(profile: OperationProfile, needs: LawNeeds): LawCoverage {
  return { ...needs, itemNoun: profile.itemNoun, token: profile.token };
}
