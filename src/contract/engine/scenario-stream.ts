/**
 * A property's scenarios drawn one at a time, as a pool asks for them, in the order fast-check's own
 * run gives them (its examples first, then the seed's values). Drawing every run up front cost
 * seconds of a blocked event loop and hundreds of megabytes at `--runs 100000`, and so ran past the
 * deadline (and past a signal's cleanup) before the first request.
 */
import fc from 'fast-check';

/** Thrown into fast-check's run to end it when no more scenarios are wanted (with `endOnFailure`, it does not shrink). */
const CLOSED = new Error('scenario stream closed');

/** The scenarios of a run, drawn lazily: `next()` resolves with the next one, or undefined after the last. */
export interface ScenarioStream {
  next(): Promise<{ scenario: unknown } | undefined>;
  /** Ends the drawing: no scenario is drawn after this. */
  close(): void;
}

/**
 * Streams the scenarios `fc.check` would check `arbitrary` on with `options`. fast-check's async
 * runner waits for each predicate before drawing the next value, so the predicate hands its scenario
 * over and waits until it is taken: one scenario is drawn ahead of what was asked, never more.
 */
export function streamScenarios(arbitrary: fc.Arbitrary<unknown>, options: fc.Parameters<[unknown]>): ScenarioStream {
  let offered: { scenario: unknown; taken: () => void; refused: (e: Error) => void } | undefined;
  let waiting: ((next: { scenario: unknown } | undefined) => void) | undefined;
  let [ended, closed] = [false, false];
  const flush = (): void => {
    if (!waiting) return;
    if (offered) {
      const [give, { scenario, taken }] = [waiting, offered];
      [waiting, offered] = [undefined, undefined];
      give({ scenario });
      taken();
    } else if (ended) {
      const give = waiting;
      waiting = undefined;
      give(undefined);
    }
  };
  const property = fc.asyncProperty(arbitrary, (scenario) =>
    new Promise<void>((taken, refused) => {
      if (closed) return refused(CLOSED);
      offered = { scenario, taken, refused };
      flush();
    }),
  );
  void fc.check(property, { ...options, endOnFailure: true }).then(() => {
    ended = true;
    flush();
  });
  return {
    next: () =>
      new Promise((resolve) => {
        waiting = resolve;
        flush();
      }),
    close: () => {
      closed = true;
      offered?.refused(CLOSED);
      offered = undefined;
    },
  };
}
