/**
 * What the emulator holds for a list operation it serves: every parent's items (a session's
 * executors), which the seeding route writes and the model reads. Lists whose parents share a seeding
 * route share their parents' namespace: a session holds executors and calculations.
 */
import type { Item, ParentStore } from '../model/index.js';
import type { OperationProfile } from '../profiles/index.js';

/** A served list's parents and their items. */
export interface Parents {
  /** Every parent's items, as the model reads them. */
  readonly store: ParentStore;
  /** The parent now holds exactly `items` (created if new). */
  seed(parent: string, items: readonly Item[]): void;
  /** Forgets the parent: later calls find no such parent. Idempotent. */
  drop(parent: string): void;
  /** A number that changes whenever the parent's items do (0 for an unknown parent). */
  generation(parent: string): number;
}

/** Items by parent, in the order seeded, each parent's a new frozen array on every change. */
export class ParentItems<T extends Item = Item> implements Parents {
  readonly #items = new Map<string, readonly T[]>();
  readonly #generations = new Map<string, number>();
  #nextGeneration = 1;

  /** Every parent's items, as the model reads them. */
  get store(): ReadonlyMap<string, readonly T[]> {
    return this.#items;
  }

  /**
   * The parent now holds exactly `items` (in the order given, which the insertion-order fault shows).
   * A new frozen array every time: the model memoizes its ordering per array.
   */
  seed(parent: string, items: readonly T[]): void {
    this.#items.set(parent, Object.freeze(items.map((e) => Object.freeze({ ...e }))));
    this.#generations.set(parent, this.#nextGeneration++);
  }

  /** Forgets the parent. Idempotent. */
  drop(parent: string): void {
    this.#items.delete(parent);
    this.#generations.delete(parent);
  }

  /** A number that changes whenever the parent's items do (0 for an unknown parent). */
  generation(parent: string): number {
    return this.#generations.get(parent) ?? 0;
  }
}

/** The lists served, each profile with its parents. */
export type Lists = ReadonlyMap<OperationProfile, Parents>;

/**
 * The lists whose parents one seeding route loads, in the order served: `sessions` loads ListExecutors'
 * and ListCalculationExecutions' (one namespace of sessions), `workgroups` ListSessions'.
 */
export function listsOfRoute(lists: Lists, route: string): [OperationProfile, Parents][] {
  return [...lists].filter(([profile]) => profile.parent.route === route);
}

/**
 * The parent now holds exactly `items` of `profile`'s list (created if new); a new parent also holds
 * no items of the other lists of its route (a session seeded with executors has no calculations),
 * and what an existing one holds there stays.
 */
export function seedParent(lists: Lists, profile: OperationProfile, parent: string, items: readonly Item[]): void {
  for (const [other, parents] of listsOfRoute(lists, profile.parent.route)) {
    if (other === profile) parents.seed(parent, items);
    else if (!parents.store.has(parent)) parents.seed(parent, []);
  }
}

/** Forgets the parent in every list of `profile`'s route (a session's executors and calculations). Idempotent. */
export function dropParent(lists: Lists, profile: OperationProfile, parent: string): void {
  for (const [, parents] of listsOfRoute(lists, profile.parent.route)) parents.drop(parent);
}
