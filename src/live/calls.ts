/**
 * What every live call around the run shares: a pause between polls, one line for an error, and a
 * call tried again a few times before the harness gives up (sessions and calculations cost money
 * while they run, so ending them is never given up after one failure).
 */

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An error as one line: its name (unless plain Error) and the first line of its message. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message.split('\n')[0]}` : String(e);
}

/** Calls `call` up to `attempts` times, pausing longer after each failure; resolves to the last error, or undefined on success. */
export async function attempted(call: () => Promise<unknown>, attempts: number, pauseMs: number): Promise<unknown> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await call();
      return undefined;
    } catch (e) {
      lastError = e;
      await sleep(Math.min(pauseMs, 1000) * attempt);
    }
  }
  return lastError;
}
