/**
 * Command-line options declared as data, once each: the member of the options value it sets (the
 * table's key), its flag, type, description, default, and the parser of the value with its unit.
 * Parsed with Node's parseArgs into that typed value, and every parse error turned into one line that
 * names the flag and the fix.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../common/errors.js';
import { isInt32 } from '../schema/json.js';

/**
 * The unit a number is written in on the command line when the options value holds it in another
 * (`--deadline S` sets `deadlineMs`): it reads the text into the value's unit, and writes a value
 * (the default, in help) back in the line's.
 */
export interface Unit {
  /** The value's placeholder in help, e.g. `S`. */
  value: string;
  /** Reads the text into the value's unit; throws a UsageError naming `--flag` and the fix. */
  parse(flag: string, raw: string): number;
  /** Writes a value in the line's unit. */
  show(value: number): string;
}

/** One option of a subcommand, with the parser that turns its text into the value commands read. */
export interface OptionSpec<T = unknown> {
  /** The flag, without `--`, where it is not the option's key in kebab-case (`--session-id` sets `sessionIds`). */
  flag?: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** A one-letter alias, e.g. `h` for `-h`. */
  short?: string;
  /** The value's placeholder in help, e.g. `URL` (a unit's own when absent). */
  value?: string;
  description: string;
  /** The default that help shows, in the value's unit (written in the line's by the unit); the code that reads the option applies it. */
  default?: string | number;
  /** Reads one value (each one, for a repeatable option); throws a UsageError naming `--flag` and the fix. @defaultValue the text as it is */
  parse?: (flag: string, raw: string) => T;
  /** The unit of a number written in another unit than the value's: it parses the text in place of `parse`. */
  unit?: Unit;
}

/** A subcommand's options, keyed by the member of the options value each sets. */
export type OptionTable = Record<string, OptionSpec>;

/** What an option's parser returns (a number, with a unit), or the text itself for an option without one. */
type ParsedValue<S> = S extends { unit: Unit } ? number : S extends { parse: (flag: string, raw: string) => infer T } ? T : string;

/** The parsed values of an option table: booleans, parsed values, or lists of them for repeatable options. */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : T[K]['multiple'] extends true ? ParsedValue<T[K]>[] : ParsedValue<T[K]>;
};

type RawValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** The flag of the option keyed `key`, without `--`: its own, or the key in kebab-case. */
export function flagOf(key: string, spec: OptionSpec): string {
  return spec.flag ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The options of `table` by flag. */
function byFlag(table: OptionTable): Map<string, OptionSpec> {
  return new Map(Object.entries(table).map(([key, spec]) => [flagOf(key, spec), spec]));
}

/** Runs each option's parser (or unit) over its raw values, in the table's order, keyed as the table keys them. */
function typed<T extends OptionTable>(table: T, raw: RawValues): OptionValues<T> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(table)) {
    const flag = flagOf(key, spec);
    const value = raw[flag];
    const parse = spec.unit?.parse ?? spec.parse;
    const read = (v: string | boolean) => (parse && typeof v === 'string' ? parse(flag, v) : v);
    if (value !== undefined) values[key] = Array.isArray(value) ? value.map(read) : read(value);
  }
  return values as OptionValues<T>;
}

/** The values that `table`, a part of a command's options, sets among all the command's `values`. */
export function valuesOf<T extends OptionTable>(table: T, values: Readonly<Record<string, unknown>>): OptionValues<T> {
  return Object.fromEntries(Object.keys(table).flatMap((key) => (values[key] === undefined ? [] : [[key, values[key]]]))) as OptionValues<T>;
}

/**
 * The one-line UsageError for an error of parseArgs, read by its `code`. Which option or argument
 * it is about, the code does not say and the error has no field for: that alone is taken from the
 * message, where Node quotes it (`Unknown option '--x'.`, `Option '--runs <value>' argument ...`):
 * the first quoted span that ends before a space, a full stop or the end.
 */
function usageErrorOf(command: string, table: OptionTable, argv: readonly string[], err: Error & { code?: string }): UsageError {
  const line = err.message.split('\n')[0];
  const quoted = /'(.+?)'(?=[.\s]|$)/.exec(line)?.[1] ?? '';
  const help = `see athena-contract ${command} --help`;
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearest(quoted.replace(/^-+/, ''), [...byFlag(table).keys()]);
    return new UsageError(`${command}: unknown option ${quoted}${near ? ` (did you mean --${near}?)` : ''}; ${help}`);
  }
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(`${command}: unexpected argument ${JSON.stringify(quoted)}; options start with --, ${help}`);
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // `-r, --runs <value>` names the option by its long name last.
    const flag = quoted.replace(/ <value>$/, '').split(', ').pop() ?? quoted;
    // A string option last on the line has no value; one followed by another option (ambiguous) and
    // a boolean given one keep Node's words.
    if (byFlag(table).get(flag.replace(/^--/, ''))?.type === 'string' && argv.at(-1) === flag) return new UsageError(`${command}: ${flag} needs a value; ${help}`);
  }
  return new UsageError(`${command}: ${line}`);
}

/**
 * `--seed -5` as `--seed=-5`: parseArgs takes a value that starts with `-` for an option ("argument
 * is ambiguous"), so a string option's value that starts with `-` and a digit is joined to it first.
 * (Node's `allowNegative` is another thing, `--no-flag` for booleans, and needs Node 20.16 anyway.)
 */
export function joinNegativeValues(table: OptionTable, argv: readonly string[]): string[] {
  const flags = byFlag(table);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [arg, next] = [argv[i], argv[i + 1]];
    // After `--` every word is a positional, as parseArgs reads it.
    if (arg === '--') return [...out, ...argv.slice(i)];
    const takesValue = arg.startsWith('--') && flags.get(arg.slice(2))?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) out.push(`${arg}=${argv[++i]}`);
    else out.push(arg);
  }
  return out;
}

/** Parses `argv` against `table` (no positionals unless `positionals` is true), each value through its option's parser. */
export function parseOptions<T extends OptionTable>(command: string, table: T, argv: readonly string[], positionals = false): { values: OptionValues<T>; positionals: string[] } {
  const options = Object.fromEntries([...byFlag(table)].map(([flag, o]) => [flag, { type: o.type, multiple: o.multiple ?? false, ...(o.short ? { short: o.short } : {}) }]));
  let parsed: { values: RawValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: joinNegativeValues(table, argv), options, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw usageErrorOf(command, table, argv, e as Error & { code?: string });
  }
  return { values: typed(table, parsed.values), positionals: parsed.positionals };
}

/** Reads one of `names` (`what` it is, for the message): an unknown one is a usage error with the nearest name and the list. */
export function oneOf<T extends string>(flag: string, raw: string, names: readonly T[], what = flag): T {
  if ((names as readonly string[]).includes(raw)) return raw as T;
  const near = nearest(raw, names);
  throw new UsageError(`--${flag}: unknown ${what} ${JSON.stringify(raw)}${near ? ` (did you mean ${near}?)` : ''}; known: ${names.join(', ')}`);
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

/**
 * The line that points from a command's help to its page: docs/cli.md has a section per command,
 * headed by its name (`athena-contract verify ...` points to docs/cli.md#verify).
 */
function docsPointer(usage: string): string {
  const command = /^athena-contract (\S+)/.exec(usage)?.[1];
  return command ? `\nDocumentation: docs/cli.md#${command}\n` : '';
}

/** Renders the options table as help text: each flag with its placeholder, its description and the default in the line's unit, then the pointer to the command's page. */
export function helpText(usage: string, table: OptionTable): string {
  const rows = Object.entries(table).map(([key, o]) => {
    const value = o.value ?? o.unit?.value;
    const shown = o.default === undefined ? undefined : o.unit && typeof o.default === 'number' ? o.unit.show(o.default) : String(o.default);
    return [`${o.short ? `-${o.short}, ` : ''}--${flagOf(key, o)}${value ? ` ${value}` : ''}`, `${o.description}${shown ? ` (default: ${shown})` : ''}`];
  });
  const width = Math.max(...rows.map(([l]) => l.length));
  return `${usage}\n\n${rows.map(([l, d]) => `  ${l.padEnd(width)}  ${d}`).join('\n')}\n${docsPointer(usage)}`;
}

/** Reads a positive integer flag: `--runs: expected a positive integer, got "ten"`. */
export function positiveInteger(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) throw new UsageError(`--${flag}: expected a positive integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Whole seconds on the line (`--deadline: expected a positive integer, got "-3"`), milliseconds in the value. */
export const SECONDS: Unit = {
  value: 'S',
  parse: (flag, raw) => positiveInteger(flag, raw) * 1000,
  show: (ms) => String(ms / 1000),
};

/** Reads a whole number of milliseconds, 0 included: `--latency: expected milliseconds (0 or more), got "-3"`. */
export function milliseconds(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new UsageError(`--${flag}: expected milliseconds (a whole number, 0 or more), got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Reads a 32-bit integer flag (fast-check seeds are 32-bit). */
export function int32(flag: string, raw: string): number {
  if (!/^-?\d+$/.test(raw) || !isInt32(Number(raw))) throw new UsageError(`--${flag}: expected an integer between -2147483648 and 2147483647, got ${JSON.stringify(raw)}`);
  return Number(raw);
}
