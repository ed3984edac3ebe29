/**
 * How the harness makes the items of an operation: drawn populations, their growth mid-walk, and the
 * fixed items of the boundary cases. ListExecutors keeps its own (an executor's termination never
 * precedes its start, and a seed draws the populations it always drew); any other operation gets them
 * from its profile and item schema.
 */
import type fc from 'fast-check';
import { LIST_EXECUTORS, type OperationProfile } from '../profiles/index.js';
import { exampleItem, numericEdgeItem } from './example-items.js';
import { boundaryExecutor, edgeExecutor, type Executor } from './executor.js';
import { executorPopulation, growPopulation } from './executor-population.js';
import { genericGrowth, genericPopulation } from './generic-population.js';
import type { GrowOptions, Item, PopulationOptions } from './items.js';

/** The items of one operation as the harness makes them. */
export interface ItemKit {
  /** Populations of one parent (sizes as {@link PopulationOptions} bound them). */
  population(options?: PopulationOptions): fc.Arbitrary<Item[]>;
  /** 1..maxNew items a parent holding `existing` gains mid-walk: new ids, ordering keys no older than the newest. */
  grow(existing: readonly Item[], options?: GrowOptions): fc.Arbitrary<Item[]>;
  /** Item `i` of a boundary population: `id`, ordering key `key` (as on the wire), `state`, the rest fixed by `i`. */
  boundary(id: string, i: number, key: number, state: string): Item;
  /** An item whose every numeric member, the ordering key included, is `n`: the numeric edges a sloppy server mangles. */
  numericEdge(id: string, n: number): Item;
}

/** ListExecutors' executors: the population a seed has always drawn. */
const EXECUTORS: ItemKit = {
  population: (options) => executorPopulation(options) as unknown as fc.Arbitrary<Item[]>,
  grow: (existing, options) => growPopulation(existing as unknown as readonly Executor[], options) as unknown as fc.Arbitrary<Item[]>,
  boundary: boundaryExecutor,
  numericEdge: edgeExecutor,
};

const kits = new WeakMap<OperationProfile, ItemKit>([[LIST_EXECUTORS, EXECUTORS]]);

/** The items of `profile`'s operation: ListExecutors' own, or read off any other profile and its item schema. */
export function itemKit(profile: OperationProfile): ItemKit {
  let kit = kits.get(profile);
  if (!kit) {
    kit = {
      population: (options) => genericPopulation(profile, options),
      grow: (existing, options) => genericGrowth(profile, existing, options),
      boundary: (id, i, key, state) => exampleItem(profile, id, i, key, state),
      numericEdge: (id, n) => numericEdgeItem(profile, id, n),
    };
    kits.set(profile, kit);
  }
  return kit;
}

/** Populations of one parent of `profile` (see {@link ItemKit.population}). */
export function itemPopulation(profile: OperationProfile, options?: PopulationOptions): fc.Arbitrary<Item[]> {
  return itemKit(profile).population(options);
}

/** What a parent of `profile` holding `existing` gains mid-walk (see {@link ItemKit.grow}). */
export function growItems(profile: OperationProfile, existing: readonly Item[], options?: GrowOptions): fc.Arbitrary<Item[]> {
  return itemKit(profile).grow(existing, options);
}
