/**
 * The seeding protocol of DESIGN.md and API.md, validated against the profiles' item schemas: the
 * items a parent must hold exactly (a session's executors and calculations:
 * `{"executors": [...], "calculations": [...]}`, as schemas/session-seed.schema.json says; a
 * workgroup's sessions: `{"sessions": [...]}`, schemas/workgroup-seed.schema.json), checked before
 * the emulator takes them.
 */
import type { Item } from '../model/index.js';
import { LIST_EXECUTORS, itemId, validateFor, type OperationProfile } from '../profiles/index.js';
import { isObject } from '../schema/json.js';

/** The items of a valid seed, or one line saying what is wrong and how to fix it. */
export type SeedCheck = { ok: true; items: Item[] } | { ok: false; message: string };

/** What a parent's items look like, for messages: the item schema's title in a list, `[Title, ...]`. */
export function itemsShape(profile: OperationProfile): string {
  return `[${profile.schemas.item.title ?? profile.itemNoun}, ...]`;
}

/** What a seeding body looks like, for messages: `{"executors": [Title, ...]}` for ListExecutors. */
export function seedShape(profile: OperationProfile): string {
  return `{"${profile.parent.seedMember}": ${itemsShape(profile)}}`;
}

/** Checks a seed body `{"executors": [...]}` (the profile's seeding member) against the item schema, and that no id repeats. */
export function checkSeed(body: unknown, profile: OperationProfile = LIST_EXECUTORS): SeedCheck {
  return checkMember(body, profile, seedShape(profile));
}

/** {@link checkSeed}, its message ending with `send {shape}`. */
function checkMember(body: unknown, profile: OperationProfile, shape: string): SeedCheck {
  const v = validateFor(profile, 'seed', body);
  if (!v.ok) return { ok: false, message: `seed body: ${v.errors.slice(0, 5).join('; ')}; send ${shape}` };
  return checkIds(profile, (body as Record<string, Item[]>)[profile.parent.seedMember]);
}

/** What one seeding route's body looks like, for messages: `{"executors": [...], "calculations": [...]}` for `sessions`. */
export function routeSeedShape(profiles: readonly OperationProfile[]): string {
  return `{${profiles.map((p) => `"${p.parent.seedMember}": ${itemsShape(p)}`).join(', ')}}`;
}

/** The items of a valid body of one seeding route, per list it loads (an absent member: none), or one line saying what is wrong. */
export type RouteSeedCheck = { ok: true; items: Map<OperationProfile, Item[]> } | { ok: false; message: string };

/**
 * Checks the body of a seeding route that loads the lists of `profiles` (all of one route): a JSON
 * object whose members are their seeding members, each checked as {@link checkSeed} checks it; an
 * absent member means no items, a member the route does not know is refused (a misspelt one would
 * otherwise empty the parent silently).
 */
export function checkRouteSeed(body: unknown, profiles: readonly OperationProfile[]): RouteSeedCheck {
  const shape = routeSeedShape(profiles);
  if (!isObject(body)) return { ok: false, message: `seed body: expected a JSON object; send ${shape}` };
  const known = new Set(profiles.map((p) => p.parent.seedMember));
  const unknown = Object.keys(body).find((m) => !known.has(m));
  if (unknown !== undefined) return { ok: false, message: `seed body: unknown member ${JSON.stringify(unknown.slice(0, 64))}; send ${shape}` };
  const items = new Map<OperationProfile, Item[]>();
  for (const profile of profiles) {
    const member = profile.parent.seedMember;
    if (body[member] === undefined) {
      items.set(profile, []);
      continue;
    }
    const check = checkMember({ [member]: body[member] }, profile, shape);
    if (!check.ok) return check;
    items.set(profile, check.items);
  }
  return { ok: true, items };
}

/** Checks that no id repeats (two items with one id would make the listing ambiguous). */
function checkIds(profile: OperationProfile, items: Item[]): SeedCheck {
  const seen = new Set<string>();
  for (const item of items) {
    const id = itemId(profile, item);
    if (seen.has(id)) {
      return { ok: false, message: `seed body: ${profile.id} ${JSON.stringify(id.slice(0, 64))} appears twice; give every ${profile.itemNoun} its own id` };
    }
    seen.add(id);
  }
  return { ok: true, items };
}

/** Checks items seeded from code, throwing a one-line message when they are not valid. */
export function assertSeed<T extends Item>(parent: string, items: readonly T[], profile: OperationProfile = LIST_EXECUTORS): T[] {
  const check = checkSeed({ [profile.parent.seedMember]: items }, profile);
  if (!check.ok) throw new Error(`seed(${JSON.stringify(parent.slice(0, 64))}): ${check.message}`);
  return check.items as T[];
}
