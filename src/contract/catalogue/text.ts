/**
 * Text for messages and reports: long values are clipped, never in the middle of a surrogate pair
 * (a lone surrogate is not valid UTF-8, and strict readers of the reports reject it).
 */

/** `text` cut to at most `max` UTF-16 units on a code point boundary, with `…` when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** The first few item ids of a list, quoted and clipped, with how many more there are. */
export function previewIds(ids: Iterable<string>): string {
  const list = [...ids];
  return list.slice(0, 3).map((id) => JSON.stringify(clip(id, 40))).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
}

/** The plural of an item or parent noun, as messages use it: `executors`, `sessions`. */
export function plural(noun: string): string {
  return `${noun}s`;
}

/** `noun` capitalised, for the start of a sentence: `Executors started during a walk ...`. */
export function capitalised(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}
