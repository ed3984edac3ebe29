/**
 * Which run an exchange belongs to. With runs and properties in flight at once, one listener on a
 * target cannot tell whose exchange it hears; the contract runs each check inside a scope
 * (node:async_hooks, which follows the check's awaits down to the client's send), and whoever hears
 * an exchange asks for the scope it was made in.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Exchange } from '../wire/exchange.js';

/** One run of one property: where its exchanges go, and what recordings group them by. */
export interface ExchangeScope {
  readonly property: string;
  /** The run's index (shrink steps come after every run), so that a recording keeps runs apart and in order. */
  readonly run: number;
  /** The run's exchanges, in order. */
  readonly exchanges: Exchange[];
  /** Where the durations of the run's exchanges go too (shared by a property's runs, for its latency). */
  readonly durations?: number[];
  /** Set when the run's outcome does not count (a run past the failing one): recordings leave it out. */
  discarded?: boolean;
}

const storage = new AsyncLocalStorage<ExchangeScope>();

/** Runs `fn` with `scope` as the scope of every exchange it makes. */
export function inScope<T>(scope: ExchangeScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

/** The scope of the code running now: the run whose exchange is being delivered, if any. */
export function currentScope(): ExchangeScope | undefined {
  return storage.getStore();
}

function deliver(scope: ExchangeScope | undefined, exchange: Exchange): void {
  scope?.exchanges.push(exchange);
  scope?.durations?.push(exchange.durationMs);
}

/** Subscriptions per target, so that however many properties run, each exchange reaches its scope once. */
const attached = new WeakMap<object, { count: number; unsubscribe: () => void }>();

/** Delivers `target`'s exchanges to the scope they were made in, until the returned function is called. */
export function attachScopes(target: { onExchange(listener: (exchange: Exchange) => void): () => void }): () => void {
  const known = attached.get(target);
  if (known) known.count++;
  else attached.set(target, { count: 1, unsubscribe: target.onExchange((e) => deliver(currentScope(), e)) });
  let done = false;
  return () => {
    const entry = attached.get(target);
    if (done || !entry) return;
    done = true;
    if (--entry.count === 0) {
      entry.unsubscribe();
      attached.delete(target);
    }
  };
}
