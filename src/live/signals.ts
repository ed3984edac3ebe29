/**
 * Cleanup on SIGINT and SIGTERM for the length of a live run: the handler ends the session the run
 * started, then exits non-zero (128 + the signal's number, as shells report it). Handlers are removed
 * when the run ends, so nothing else in the process inherits them.
 */

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Options of {@link cleanupOnSignals}. */
export interface SignalCleanupOptions {
  /** Ends what must not outlive the process; its result is logged. */
  cleanup: () => Promise<string>;
  /** One line to stderr. */
  log: (line: string) => void;
  /** How the process ends after cleanup. @defaultValue process.exit */
  exit?: (code: number) => void;
}

/** Installs the handlers; returns the function that removes them. */
export function cleanupOnSignals(options: SignalCleanupOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let cleaning = false;
  const handlers = Object.entries(EXIT_CODES).map(([signal, code]) => {
    const handler = () => {
      // A second Ctrl-C must not cut the cleanup short: the session would be left running.
      if (cleaning) return options.log(`${signal} again: still cleaning up, please wait`);
      cleaning = true;
      options.log(`${signal}: cleaning up before exit`);
      options
        .cleanup()
        .then(
          (line) => options.log(line),
          (e: unknown) => options.log(`cleanup failed: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => exit(code));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
