/**
 * Command-line options declared as data (name, type, description, default), parsed with Node's
 * parseArgs, and every parse error turned into one line that names the flag and the fix.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../common/errors.js';
import { isInt32 } from '../schema/json.js';

/** One option of a subcommand. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The value's placeholder in help, e.g. `URL`. */
  value?: string;
  description: string;
  default?: string;
}

/** A subcommand's options, keyed by long name. */
export type OptionTable = Record<string, OptionSpec>;

/** The parsed values of an option table: booleans, strings, or string lists for repeatable options. */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : T[K]['multiple'] extends true ? string[] : string;
};

/** Parses `argv` against `table` (no positionals unless `positionals` is true). */
export function parseOptions<T extends OptionTable>(command: string, table: T, argv: readonly string[], positionals = false): { values: OptionValues<T>; positionals: string[] } {
  const options = Object.fromEntries(Object.entries(table).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }]));
  try {
    const parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: positionals });
    return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /Unknown option '([^']+)'/.exec(err.message);
    if (unknown) {
      const near = nearest(unknown[1].replace(/^-+/, ''), Object.keys(table));
      throw new UsageError(`${command}: unknown option ${unknown[1]}${near ? ` (did you mean --${near}?)` : ''}; see athena-contract ${command} --help`);
    }
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(err.message);
    if (missing) throw new UsageError(`${command}: ${missing[1].replace(/^-\w, /, '')} needs a value; see athena-contract ${command} --help`);
    const positional = /Unexpected argument '([^']+)'/.exec(err.message);
    if (positional) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(positional[1])}; options start with --, see athena-contract ${command} --help`);
    throw new UsageError(`${command}: ${err.message.split('\n')[0]}`);
  }
}

/** The closest name by edit distance, when it is close enough to be a likely typo. */
export function nearest(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = distance(word, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Renders the options table as help text. */
export function helpText(usage: string, table: OptionTable): string {
  const rows = Object.entries(table).map(([name, o]) => [`--${name}${o.value ? ` ${o.value}` : ''}`, `${o.description}${o.default ? ` (default: ${o.default})` : ''}`]);
  const width = Math.max(...rows.map(([l]) => l.length));
  return `${usage}\n\n${rows.map(([l, d]) => `  ${l.padEnd(width)}  ${d}`).join('\n')}\n`;
}

/** Reads a positive integer flag: `--runs: expected a positive integer, got "ten"`. */
export function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) throw new UsageError(`--${flag}: expected a positive integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Reads a 32-bit integer flag (fast-check seeds are 32-bit). */
export function int32(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw) || !isInt32(Number(raw))) throw new UsageError(`--${flag}: expected an integer between -2147483648 and 2147483647, got ${JSON.stringify(raw)}`);
  return Number(raw);
}
