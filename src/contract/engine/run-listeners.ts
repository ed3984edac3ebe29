/**
 * Many listeners as one: the console, a recorder, a replay's book and a library user's listener all
 * hear the same run, each event in the order the listeners were given.
 */
import type { RunListener } from '../../common/results.js';

/** One listener that passes every event to each of `listeners`, in order. */
export function fanOut(listeners: readonly RunListener[]): Required<RunListener> {
  return {
    propertyStart: (...args) => listeners.forEach((l) => l.propertyStart?.(...args)),
    runDone: (...args) => listeners.forEach((l) => l.runDone?.(...args)),
    propertyEnd: (...args) => listeners.forEach((l) => l.propertyEnd?.(...args)),
  };
}

/** One property's events, as calls to make on the listener later. */
type Held = ((listener: Required<RunListener>) => void)[];

/**
 * Properties running at once, heard in catalogue order: the events of property `i` reach `listener`
 * as they happen while every property before it has ended, and are held until then otherwise.
 */
export function inCatalogueOrder(listener: Required<RunListener>, count: number): { for(index: number): Required<RunListener> } {
  const held: Held[] = Array.from({ length: count }, () => []);
  const ended: boolean[] = [];
  let head = 0;
  const flush = (): void => {
    while (head < count) {
      held[head].splice(0).forEach((call) => call(listener));
      if (!ended[head]) return;
      head++;
    }
  };
  const tell = (index: number, call: (l: Required<RunListener>) => void): void => {
    held[index].push(call);
    if (index === head) flush();
  };
  return {
    for: (index) => ({
      propertyStart: (...args) => tell(index, (l) => l.propertyStart(...args)),
      runDone: (...args) => tell(index, (l) => l.runDone(...args)),
      propertyEnd: (...args) => {
        tell(index, (l) => l.propertyEnd(...args));
        ended[index] = true;
        if (index === head) flush();
      },
    }),
  };
}
