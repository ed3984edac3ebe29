/**
 * What coverage counts against, read from a profile's schemas: the request schema's constraints (named
 * as `errors.invalid-request` names what it breaks, `<Member>/<keyword>`), the item's optional
 * members, the request's optional members, and the states a filter may name. Derived, never listed by
 * hand, so that a schema change changes what a report must show.
 */
import { constraintsOf } from '../../arbitraries/index.js';
import { schemaAt, type OperationProfile } from '../../profiles/index.js';

/** The schema facts coverage counts against, for one operation. */
export interface SchemaFacts {
  /** Every breakable constraint of the request schema, `<Member>/<keyword>` (`(root)/type` for the body itself), in schema order. */
  readonly constraintKeys: readonly string[];
  /** The item members the schema does not require: those a server may leave out. */
  readonly optionalItemMembers: readonly string[];
  /** The request members the schema does not require: AWS JSON reads a null one as absent. */
  readonly optionalRequestMembers: readonly string[];
  /** The filter's states, each a filter a walk may use. */
  readonly states: readonly string[];
}

const facts = new WeakMap<OperationProfile, SchemaFacts>();

/** The schema facts of `profile`, read once. */
export function schemaFactsOf(profile: OperationProfile): SchemaFacts {
  let f = facts.get(profile);
  if (!f) {
    const request = schemaAt(profile.schemas.request, [], profile.schemaById) ?? {};
    const requestRequired = new Set(request.required ?? []);
    f = {
      constraintKeys: constraintsOf(profile.schemas.request, profile.schemaById),
      optionalItemMembers: profile.itemMembers.filter((m) => !profile.itemRequired.includes(m)),
      optionalRequestMembers: Object.keys(request.properties ?? {}).filter((m) => !requestRequired.has(m)),
      states: profile.states,
    };
    facts.set(profile, f);
  }
  return f;
}
