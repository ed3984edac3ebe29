/**
 * Waiting in tests on what the test needs (a line printed, a file written, a request received), with
 * a bound that only a missing event reaches. A sleep or a short bound sized for a quiet machine fails
 * a correct run on a busy one: at load 10 on this 2-core machine a Python server took 2.7 s to print
 * its first line through the pyenv shim, and `serve` more than a second (issue 21, item 7).
 */
import { vi } from 'vitest';

/** How long a test waits for an event before it fails: generous, as only an event that never comes reaches it. */
export const EVENT_BOUND_MS = 60_000;

/** A test timeout with room for a wait of {@link EVENT_BOUND_MS} and the work around it, so the wait's own message is the one shown. */
export const LOADED_TEST_TIMEOUT_MS = 180_000;

/** `promise`, or a rejection naming `what` once `ms` have passed without it settling. */
export function within<T>(promise: Promise<T>, what: string, ms = EVENT_BOUND_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000} s`)), ms).unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Resolves once `check()` holds, for what no event tells (a file another process writes, a process
 * gone from /proc): checked every 20 ms, and failing with `what` after `ms`.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = EVENT_BOUND_MS): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a stream's writes said, kept instead of printed. */
export interface CapturedWrites {
  /** Every chunk written, in order. */
  chunks: string[];
  /** Resolves with the match once what was written (all of it, joined) matches `pattern`; rejects after the event bound. */
  printed(pattern: RegExp, what: string): Promise<RegExpExecArray>;
}

/** Keeps every write to `stream` (restored by `vi.restoreAllMocks()`), and tells when one says what a test waits for. */
export function captureWrites(stream: NodeJS.WriteStream): CapturedWrites {
  const chunks: string[] = [];
  const waiting = new Set<() => void>();
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    for (const wake of waiting) wake();
    return true;
  });
  const printed = (pattern: RegExp, what: string): Promise<RegExpExecArray> => {
    let wake: (() => void) | undefined;
    const seen = new Promise<RegExpExecArray>((resolve) => {
      wake = () => {
        const match = pattern.exec(chunks.join(''));
        if (match) resolve(match);
      };
      waiting.add(wake);
      wake();
    });
    return within(seen, what)
      .catch((e: Error) => {
        throw new Error(`${e.message}; written so far: ${JSON.stringify(chunks.join(''))}`);
      })
      .finally(() => waiting.delete(wake!));
  };
  return { chunks, printed };
}
