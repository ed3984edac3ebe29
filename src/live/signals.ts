/**
 * The one way a run ends on SIGINT or SIGTERM: every registered cleanup runs, innermost first (a
 * live run's session is ended before the reports that name it are written), then the process exits
 * non-zero (128 + the signal's number, as shells report it). Handlers are installed while anything
 * is registered and removed after, so nothing else in the process inherits them.
 */

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** A signal that ends a run. */
export type ExitSignal = keyof typeof EXIT_CODES;

/** Options of {@link cleanupOnSignals}. */
export interface SignalCleanupOptions {
  /** Ends or writes what must not be lost when the signal comes; its line, if any, is logged. */
  cleanup: (signal: ExitSignal) => Promise<string | undefined>;
  /** One line to stderr. */
  log: (line: string) => void;
  /** Told at once when the signal comes, before any cleanup runs (to stop taking in what the run still does). */
  halt?: (signal: ExitSignal) => void;
  /** How the process ends after every cleanup; the outermost registration's is used. @defaultValue process.exit */
  exit?: (code: number) => void;
}

/** What is registered, outermost first. */
const registered: SignalCleanupOptions[] = [];
let handling = false;

async function onSignal(signal: ExitSignal): Promise<void> {
  // Innermost first, as `finally` blocks unwind; a cleanup registered meanwhile is not waited for.
  const order = [...registered].reverse();
  const innermost = order[0];
  // A second Ctrl-C must not cut the cleanup short: a session would be left running, a report unwritten.
  if (handling) return innermost?.log(`${signal} again: still cleaning up, please wait`);
  handling = true;
  for (const r of order) r.halt?.(signal);
  innermost?.log(`${signal}: cleaning up before exit`);
  for (const r of order) {
    const line = await r.cleanup(signal).catch((e: unknown) => `cleanup failed: ${e instanceof Error ? e.message : String(e)}`);
    if (line) r.log(line);
  }
  const exit = order.at(-1)?.exit ?? ((code: number) => process.exit(code));
  exit(EXIT_CODES[signal]);
  // Reached only where `exit` does not end the process (a test, a library user's own exit).
  handling = false;
  if (!registered.length) uninstall();
}

function uninstall(): void {
  for (const [signal, handler] of handlers) process.off(signal, handler);
}

const handlers = (Object.keys(EXIT_CODES) as ExitSignal[]).map((signal) => [signal, () => void onSignal(signal)] as const);

/** Registers a cleanup for SIGINT and SIGTERM; returns the function that removes it. */
export function cleanupOnSignals(options: SignalCleanupOptions): () => void {
  if (!registered.length) for (const [signal, handler] of handlers) process.on(signal, handler);
  registered.push(options);
  return () => {
    const i = registered.indexOf(options);
    if (i >= 0) registered.splice(i, 1);
    // While a signal is handled the handlers stay, so that a second one is told to wait.
    if (!registered.length && !handling) uninstall();
  };
}
