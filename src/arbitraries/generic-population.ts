/**
 * Populations of any operation, drawn from its profile and item schema: unique ids (mostly UUIDs), an
 * ordering key drawn from a small pool of instants so that ties are frequent (in the profile's wire
 * unit), a state among the filter's (sometimes none, where the schema allows it), and the rest of the
 * item from the item schema through the schema compiler (its other timestamps at millisecond
 * precision). Edge items now and then: ids of the longest length, and (where the item requires
 * nothing) items without the member holding the key and the state. The same sizes as ListExecutors'
 * own populations, and the same growth mid-walk.
 */
import fc from 'fast-check';
import { itemId, orderKeyOf, valueAt, type OperationProfile } from '../profiles/index.js';
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
  /** Instants (epoch milliseconds) for the item's other timestamps, one per path of {@link timestampPaths}. */
  times: number[];
  /** An edge item: left without the member that holds its ordering key and state (a summary with no `Status`). */
  bare: boolean;
}

/** How deep the item schema is searched for timestamps. */
const TIMESTAMP_DEPTH = 3;

/**
 * The paths of the item's members shaped like its ordering key (the same JSON type and bounds: the
 * family's other timestamps, `Status.EndDateTime`...), the ordering key's own left out. The schema
 * compiler would draw any double within the bounds; a target that stores instants in milliseconds,
 * as every clock does, must get instants it can hold.
 */
function timestampPaths(profile: OperationProfile): string[][] {
  let paths = timestampsByProfile.get(profile);
  if (!paths) timestampsByProfile.set(profile, (paths = findTimestamps(profile)));
  return paths;
}

const timestampsByProfile = new WeakMap<OperationProfile, string[][]>();

function findTimestamps(profile: OperationProfile): string[][] {
  const key = itemSchemaAt(profile, profile.orderKey.path);
  const paths: string[][] = [];
  const visit = (path: string[]) => {
    const schema = itemSchemaAt(profile, path);
    if (path.length && schema.type === key.type && schema.minimum === key.minimum && schema.maximum === key.maximum && path.join('.') !== profile.orderKey.path.join('.')) paths.push(path);
    if (path.length < TIMESTAMP_DEPTH) for (const name of Object.keys(schema.properties ?? {})) visit([...path, name]);
  };
  visit([]);
  return paths;
}

/** Whether items may be drawn bare: the item schema requires nothing (the family's summaries), and the member holding the key and the state is optional. */
function mayBeBare(profile: OperationProfile): boolean {
  const holder = profile.orderKey.path[0];
  return profile.itemRequired.length === 0 && profile.orderKey.path.length > 1 && profile.filter.itemPath[0] === holder;
}

/** Instants (epoch milliseconds) shared by several items of a population. */
const keyPool = (min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 8 });

/** A UUID, to ask the id schema whether it takes UUIDs. */
const SOME_UUID = '3f1c2b9e-7d4a-4e8b-9c0d-5a6b7c8d9e0f';

/**
 * Item ids: mostly UUIDs where the id schema takes them, else (and sometimes) any non-empty id the
 * schema allows, and now and then one of the longest length it allows (when it has no pattern): an
 * edge a target that takes it through the seeding route must then list.
 */
function idArbitrary(profile: OperationProfile): fc.Arbitrary<unknown> {
  const schema = itemSchemaAt(profile, [profile.id]);
  const own = valid(schema, { refs: profile.schemaById }).filter((id) => id !== '');
  if (scalarViolations(schema, SOME_UUID).length) return own;
  const max = schema.maxLength;
  const longest = max !== undefined && schema.pattern === undefined ? [{ weight: 2, arbitrary: fc.string({ minLength: max, maxLength: max }) }] : [];
  return fc.oneof({ weight: 40, arbitrary: fc.uuid() }, { weight: 6, arbitrary: own }, ...longest);
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
      times: fc.array(fc.integer({ min: msMin, max: msMax }), { minLength: timestampPaths(profile).length, maxLength: timestampPaths(profile).length }),
      bare: mayBeBare(profile) ? fc.oneof({ weight: 24, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
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

/**
 * A deep copy of a drawn JSON value: its objects and arrays new, its strings shared (they cannot
 * change). A JSON round trip did the same, re-reading every string: the schema's long strings made it
 * most of a seeded family run's time.
 */
function copied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copied);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copied(v)]));
  return value;
}

/** The item of a draft: its id first, then the rest of the schema's draw, with the ordering key (from `pool` when the draft picks it) and the state set. */
function toItem(profile: OperationProfile, draft: ItemDraft, pool: readonly number[]): Item {
  const ms = 'pool' in draft.key ? pool[draft.key.pool % pool.length] : draft.key.own;
  // A copy: fast-check may hand the same drawn value out again while shrinking.
  const { [profile.id]: _id, ...rest } = copied(draft.rest ?? {}) as Item;
  const item: Item = { [profile.id]: draft.id, ...rest };
  if (draft.bare) {
    delete item[profile.orderKey.path[0]];
    return item;
  }
  for (const path of [profile.orderKey.path, profile.filter.itemPath]) ensurePath(profile, item, path);
  // Other timestamps (drawn by the schema compiler, or set by ensurePath) get an instant a millisecond clock holds; absent ones stay absent.
  for (const [i, path] of timestampPaths(profile).entries()) if (typeof valueAt(item, path) === 'number') setAt(item, path, wireTime(profile, draft.times[i]));
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
