/**
 * Many listeners as one: the console, a recorder, a replay's book and a library user's listener all
 * hear the same run, each event in the order the listeners were given.
 */
import type { RunListener } from '../common/results.js';

/** One listener that passes every event to each of `listeners`, in order. */
export function fanOut(listeners: readonly RunListener[]): Required<RunListener> {
  return {
    propertyStart: (...args) => listeners.forEach((l) => l.propertyStart?.(...args)),
    runDone: (...args) => listeners.forEach((l) => l.runDone?.(...args)),
    propertyEnd: (...args) => listeners.forEach((l) => l.propertyEnd?.(...args)),
  };
}
