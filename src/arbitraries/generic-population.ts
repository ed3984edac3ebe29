/**
 * Populations of any operation, drawn from its profile and item schema: unique ids (mostly UUIDs), an
 * ordering key drawn from a small pool of instants so that ties are frequent (in the profile's wire
 * unit), a state among the filter's (sometimes none, where the schema allows it), and the rest of the
 * item from the item schema through the schema compiler. The same sizes as ListExecutors' own
 * populations, and the same growth mid-walk.
 */
import fc from 'fast-check';
import { itemId, orderKeyOf, type OperationProfile } from '../profiles/index.js';
import { exampleOf } from './example-items.js';
import { growthSize, itemSchemaAt, msOfKey, optionalAt, populationSizes, setAt, START_MS_MAX, START_MS_MIN, wireTime, type GrowOptions, type Item, type PopulationOptions } from './items.js';
import { valid } from './valid.js';
import { scalarViolations } from './violations.js';

/** Where an item's ordering key comes from: an entry of the population's pool (ties), or its own instant. */
type KeyPick = { pool: number } | { own: number };

/** The random choices behind one item; {@link toItem} turns them into the item. */
interface ItemDraft {
  id: unknown;
  key: KeyPick;
  state: string | undefined;
  rest: unknown;
}

/** Instants (epoch milliseconds) shared by several items of a population. */
const keyPool = (min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 8 });

/** A UUID, to ask the id schema whether it takes UUIDs. */
const SOME_UUID = '3f1c2b9e-7d4a-4e8b-9c0d-5a6b7c8d9e0f';

/** Item ids: mostly UUIDs where the id schema takes them, else (and sometimes) any non-empty id the schema allows. */
function idArbitrary(profile: OperationProfile): fc.Arbitrary<unknown> {
  const schema = itemSchemaAt(profile, [profile.id]);
  const own = valid(schema, { refs: profile.schemaById }).filter((id) => id !== '');
  if (scalarViolations(schema, SOME_UUID).length) return own;
  return fc.oneof({ weight: 40, arbitrary: fc.uuid() }, { weight: 6, arbitrary: own });
}

/** The choices behind one item whose own instant (when not drawn from the pool) lies in [msMin, msMax]. */
function itemDraft(profile: OperationProfile, msMin: number, msMax: number): fc.Arbitrary<ItemDraft> {
  const states = fc.constantFrom(...profile.states);
  return fc.record(
    {
      id: idArbitrary(profile),
      key: fc.oneof(
        { weight: 3, arbitrary: fc.nat(7).map((pool): KeyPick => ({ pool })) },
        { weight: 2, arbitrary: fc.integer({ min: msMin, max: msMax }).map((own): KeyPick => ({ own })) },
      ),
      state: optionalAt(profile, profile.filter.itemPath) ? fc.oneof({ weight: 30, arbitrary: states }, { weight: 1, arbitrary: fc.constant(undefined) }) : states,
      rest: valid(profile.schemas.item, { refs: profile.schemaById, maxItems: 3, longMaxItems: 5 }),
    },
    { noNullPrototype: true },
  );
}

/** Makes sure the objects on `path` exist, each a valid example of its schema where it was missing. */
function ensurePath(profile: OperationProfile, item: Item, path: readonly string[]): void {
  let at = item;
  for (const [i, step] of path.slice(0, -1).entries()) {
    const next = at[step];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[step] = exampleOf(itemSchemaAt(profile, path.slice(0, i + 1)), profile.schemaById, 0);
    at = at[step] as Item;
  }
}

/** The item of a draft: its id first, then the rest of the schema's draw, with the ordering key (from `pool` when the draft picks it) and the state set. */
function toItem(profile: OperationProfile, draft: ItemDraft, pool: readonly number[]): Item {
  const ms = 'pool' in draft.key ? pool[draft.key.pool % pool.length] : draft.key.own;
  // A copy: fast-check may hand the same drawn value out again while shrinking.
  const { [profile.id]: _id, ...rest } = JSON.parse(JSON.stringify(draft.rest ?? {})) as Item;
  const item: Item = { [profile.id]: draft.id, ...rest };
  for (const path of [profile.orderKey.path, profile.filter.itemPath]) ensurePath(profile, item, path);
  setAt(item, profile.orderKey.path, wireTime(profile, ms));
  return setAt(item, profile.filter.itemPath, draft.state);
}

/** The id a draft is told apart by: the id as a string, or its JSON text. */
const idKey = (draft: ItemDraft) => (typeof draft.id === 'string' ? draft.id : JSON.stringify(draft.id));

/** The population sizes of ListExecutors' own populations: 0..5 often, up to 30 commonly, up to maxSize rarely. */
function bands(draft: fc.Arbitrary<ItemDraft>, minSize: number, maxSize: number): fc.Arbitrary<ItemDraft[]> {
  const band = (lo: number, hi: number) => fc.uniqueArray(draft, { minLength: lo, maxLength: hi, selector: idKey, size: 'max' });
  return fc.oneof(
    { weight: 2, arbitrary: band(minSize, minSize) },
    { weight: 6, arbitrary: band(minSize, Math.max(minSize, Math.min(5, maxSize))) },
    { weight: 3, arbitrary: band(minSize, Math.max(minSize, Math.min(30, maxSize))) },
    { weight: 1, arbitrary: band(minSize, maxSize) },
  );
}

/** Populations of `profile`'s items: unique ids, ordering keys in 2023..2027 with frequent ties, every state reachable. */
export function genericPopulation(profile: OperationProfile, options: PopulationOptions = {}): fc.Arbitrary<Item[]> {
  const { minSize, maxSize } = populationSizes('itemPopulation', options);
  return fc
    .tuple(keyPool(START_MS_MIN, START_MS_MAX), bands(itemDraft(profile, START_MS_MIN, START_MS_MAX), minSize, maxSize))
    .map(([pool, drafts]) => drafts.map((d) => toItem(profile, d, pool)));
}

/**
 * 1..maxNew new items for a parent that holds `existing`: ids not in `existing`, and every ordering
 * key at or after the newest of `existing` (ties with it frequent).
 */
export function genericGrowth(profile: OperationProfile, existing: readonly Item[], options: GrowOptions = {}): fc.Arbitrary<Item[]> {
  const maxNew = growthSize('growItems', options);
  const keys = existing.map((e) => orderKeyOf(profile, e)).filter((k): k is number => k !== undefined);
  const floor = keys.length ? msOfKey(profile, keys.reduce((m, k) => Math.max(m, k))) : START_MS_MIN;
  const ceiling = floor + 3600 * 1000;
  const taken = new Set(existing.map((e) => itemId(profile, e)));
  const draft = itemDraft(profile, floor, ceiling).filter((d) => !taken.has(idKey(d)));
  // The pool always holds the newest instant, so that new items often tie with it.
  const pool = keyPool(floor, ceiling).map((p) => [floor, ...p]);
  return fc
    .tuple(pool, fc.uniqueArray(draft, { minLength: 1, maxLength: maxNew, selector: idKey, size: 'max' }))
    .map(([p, drafts]) => drafts.map((d) => toItem(profile, d, p)));
}
