/**
 * The seeding protocol of DESIGN.md, validated against the profile's item schema: the items a parent
 * must hold exactly (a session's executors: `{"executors": [...]}`, as schemas/session-seed.schema.json
 * says), checked before the emulator takes them.
 */
import type { Item } from '../model/index.js';
import { LIST_EXECUTORS, itemId, validateFor, type OperationProfile } from '../profiles/index.js';

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
  const v = validateFor(profile, 'seed', body);
  if (!v.ok) return { ok: false, message: `seed body: ${v.errors.slice(0, 5).join('; ')}; send ${seedShape(profile)}` };
  return checkIds(profile, (body as Record<string, Item[]>)[profile.parent.seedMember]);
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
