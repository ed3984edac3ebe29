/**
 * A session the harness does not control may change between two reads (a live session starting
 * executors), so a difference between reads counts only when a second read shows it again.
 */

/** The last read, and the difference it shows (none when the reads agreed). */
export interface Confirmed<T, D> {
  value: T;
  difference: D | undefined;
}

/**
 * Reads once and, when `differs` finds a difference, once more with `again` set (so a read may renew
 * what it compares against); resolves to the last read and the difference it still shows.
 */
export async function confirmTwice<T, D>(read: (again: boolean) => Promise<T>, differs: (value: T) => D | undefined): Promise<Confirmed<T, D>> {
  const first = await read(false);
  const difference = differs(first);
  if (difference === undefined) return { value: first, difference };
  const second = await read(true);
  return { value: second, difference: differs(second) };
}
