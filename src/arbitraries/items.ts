/**
 * Items of a list operation as the harness makes them, whatever the operation: plain JSON objects
 * whose id, ordering key and state sit where the profile says (nested or not), and whose ordering key
 * is written in the profile's wire unit. The populations and the boundary cases build on these.
 */
import type { JsonSchema } from '../schema/load.js';
import { schemaAt, type OperationProfile } from '../profiles/index.js';

/** One listed item as JSON: members as the item schema names them. */
export type Item = Record<string, unknown>;

/** Options of the population arbitraries. */
export interface PopulationOptions {
  /**
   * Fewest items.
   * @defaultValue 0
   */
  minSize?: number;
  /**
   * Most items.
   * @defaultValue 300
   */
  maxSize?: number;
}

/** Options of the growth arbitraries. */
export interface GrowOptions {
  /**
   * Most items added.
   * @defaultValue 10
   */
  maxNew?: number;
}

/** 2023-01-01T00:00:00Z in epoch milliseconds: the earliest ordering key drawn. */
export const START_MS_MIN = Date.UTC(2023, 0, 1);
/** 2027-12-31T23:59:59.999Z in epoch milliseconds: the latest ordering key drawn for a new population. */
export const START_MS_MAX = Date.UTC(2027, 11, 31, 23, 59, 59, 999);

/** The sizes a population may take, checked: integers 0 <= minSize <= maxSize (300 at most by default). */
export function populationSizes(what: string, options: PopulationOptions): { minSize: number; maxSize: number } {
  const minSize = options.minSize ?? 0;
  const maxSize = options.maxSize ?? 300;
  if (!Number.isInteger(minSize) || minSize < 0 || !Number.isInteger(maxSize) || maxSize < minSize) {
    throw new Error(`${what}: expected integers 0 <= minSize <= maxSize, got minSize ${minSize}, maxSize ${maxSize}`);
  }
  return { minSize, maxSize };
}

/** The most items a growth adds, checked: a positive integer (10 by default). */
export function growthSize(what: string, options: GrowOptions): number {
  const maxNew = options.maxNew ?? 10;
  if (!Number.isInteger(maxNew) || maxNew < 1) throw new Error(`${what}: expected maxNew to be a positive integer, got ${maxNew}`);
  return maxNew;
}

/** An instant in epoch milliseconds as the profile's ordering key carries it on the wire (seconds keep a millisecond fraction). */
export function wireTime(profile: OperationProfile, ms: number): number {
  return profile.orderKey.unit === 'epoch-seconds' ? ms / 1000 : ms;
}

/** A wire ordering key back in epoch milliseconds (whole ones: a key in seconds holds at most milliseconds). */
export function msOfKey(profile: OperationProfile, key: number): number {
  return profile.orderKey.unit === 'epoch-seconds' ? Math.round(key * 1000) : key;
}

/**
 * Sets the member at `path` of `item` to `value`, creating the objects on the way (a member that
 * exists keeps its place among its siblings); `undefined` removes the member instead.
 */
export function setAt(item: Item, path: readonly string[], value: unknown): Item {
  let at = item;
  for (const step of path.slice(0, -1)) {
    const next = at[step];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      if (value === undefined) return item;
      at[step] = {};
    }
    at = at[step] as Item;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return item;
}

/** Whether the item schema lets the member at `path` be left out (its object does not require it). */
export function optionalAt(profile: OperationProfile, path: readonly string[]): boolean {
  const holder = schemaAt(profile.schemas.item, path.slice(0, -1), profile.schemaById);
  return !(holder?.required ?? []).includes(path[path.length - 1]);
}

/** The schema of the item member at `path`, `$ref`s resolved ({} when the schema says nothing of it). */
export function itemSchemaAt(profile: OperationProfile, path: readonly string[]): JsonSchema {
  return schemaAt(profile.schemas.item, path, profile.schemaById) ?? {};
}
