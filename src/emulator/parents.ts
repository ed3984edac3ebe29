/**
 * What the emulator holds for a list operation it serves: every parent's items (a session's
 * executors), which the seeding route writes and the model reads.
 */
import type { Item, ParentStore } from '../model/index.js';

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
