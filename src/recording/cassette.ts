/**
 * Cassettes: the exchanges of one property's runs, with a header saying where, when and how they were
 * recorded, so that a replay can re-run exactly the same scenarios. One JSON file per property and
 * operation: ListExecutors' at the top of the recording's directory (`ordering.newest-first.json`, where
 * they have always been), each other operation's in a folder named after it
 * (`ListSessions/ordering.newest-first.json`), so that one recording holds a cassette set per operation.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OPERATION_NAMES } from '../profiles/index.js';
import type { Mode, PropertyStatus } from '../common/results.js';
import { UsageError } from '../common/errors.js';
import type { Exchange } from '../wire/exchange.js';
import type { TargetKind } from '../targets/target.js';

/** The cassette format's version: a replay refuses formats it does not know. */
export const CASSETTE_FORMAT = 1;

/** Where and how a run was recorded: enough to repeat its requests exactly. */
export interface CassetteHeader {
  /** The property whose runs the cassette holds. */
  property: string;
  /** The operation whose law the property checks; absent in cassettes recorded before the family: ListExecutors. */
  operation?: string;
  target: { kind: TargetKind; description: string; endpoint: string };
  /** ISO date and time the run started. */
  recordedAt: string;
  harnessVersion: string;
  sdkVersion: string;
  region: string;
  seed: number;
  mode: Mode;
  /** Runs per property asked for. */
  runs: number;
  /** Observational mode: the sessions read (redacted as the exchanges are). */
  sessions: string[];
  /** The property's verdict when recorded. */
  verdict: PropertyStatus;
  /** Live runs: the session the harness read and whether it started it. */
  live?: { workGroup?: string; startedByHarness: boolean };
}

/** One cassette file. */
export interface Cassette {
  cassette: typeof CASSETTE_FORMAT;
  header: CassetteHeader;
  exchanges: Exchange[];
}

/** A recording: a directory of cassettes of one run. */
export interface Recording {
  dir: string;
  cassettes: Cassette[];
}

/** The operation a cassette was recorded for (ListExecutors for those recorded before the family). */
export function operationOf(header: Pick<CassetteHeader, 'operation'>): string {
  return header.operation ?? DEFAULT_OPERATION;
}

/** The operation whose cassettes lie at the top of a recording: the one recordings held before the family. */
const DEFAULT_OPERATION = 'ListExecutors';

/** The folders of a recording that hold the other operations' cassettes. */
const OPERATION_FOLDERS = OPERATION_NAMES.filter((n) => n !== DEFAULT_OPERATION);

/** A cassette's path in its recording: `{property}.json` for ListExecutors, `{Operation}/{property}.json` for the others. */
export function cassettePath(header: Pick<CassetteHeader, 'property' | 'operation'>): string {
  const operation = operationOf(header);
  return operation === DEFAULT_OPERATION ? `${header.property}.json` : join(operation, `${header.property}.json`);
}

/** How a replay and a report name a cassette's property: its id for ListExecutors, `Operation/id` for the others. */
export function cassetteKey(operation: string, property: string): string {
  return operation === DEFAULT_OPERATION ? property : `${operation}/${property}`;
}

function isCassette(value: unknown): value is Cassette {
  const c = value as Partial<Cassette> | null;
  return !!c && typeof c === 'object' && c.cassette === CASSETTE_FORMAT && typeof c.header?.property === 'string' && Array.isArray(c.exchanges);
}

/** A cassette as text: the header pretty-printed, one exchange per line (small files, readable diffs). */
export function formatCassette(c: Cassette): string {
  const exchanges = c.exchanges.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  return `{\n  "cassette": ${c.cassette},\n  "header": ${JSON.stringify(c.header, null, 2).replace(/\n/g, '\n  ')},\n  "exchanges": [${exchanges ? `\n${exchanges}\n  ` : ''}]\n}\n`;
}

/** The JSON files of `dir` and of its operations' folders, as paths relative to `dir`, sorted. */
async function jsonFiles(dir: string): Promise<string[]> {
  const top = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  const nested = await Promise.all(OPERATION_FOLDERS.map(async (op) => (await readdir(join(dir, op)).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).map((n) => join(op, n))));
  return [...top.sort(), ...nested.flat().sort()];
}

/** Writes the cassettes into `dir` (each operation's set where {@link cassettePath} puts it), first removing the cassettes of an earlier run there. */
export async function writeRecording(dir: string, cassettes: readonly Cassette[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const name of await jsonFiles(dir)) {
    const old = await readFile(join(dir, name), 'utf8').then(JSON.parse, () => undefined);
    if (isCassette(old)) await rm(join(dir, name));
  }
  const files: string[] = [];
  for (const c of cassettes) {
    const file = join(dir, cassettePath(c.header));
    if (operationOf(c.header) !== DEFAULT_OPERATION) await mkdir(join(dir, operationOf(c.header)), { recursive: true });
    await writeFile(file, formatCassette(c));
    files.push(file);
  }
  return files;
}

/** Reads every cassette of `dir` and of its operations' folders; `flag` names the option in errors (`--replay`, `diff`). */
export async function readRecording(dir: string, flag: string): Promise<Recording> {
  const names = await jsonFiles(dir).catch(() => {
    throw new UsageError(`${flag}: ${dir} is not a directory; give a directory that verify --record DIR wrote`);
  });
  const cassettes: Cassette[] = [];
  for (const name of names) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (e) {
      throw new UsageError(`${flag}: ${join(dir, name)} is not JSON (${(e as Error).message.split('\n')[0]}); re-record it with verify --record`);
    }
    if (!isCassette(parsed)) throw new UsageError(`${flag}: ${join(dir, name)} is not a cassette of format ${CASSETTE_FORMAT}; re-record it with verify --record`);
    cassettes.push(parsed);
  }
  if (!cassettes.length) throw new UsageError(`${flag}: ${dir} holds no cassettes; record some with verify --record ${dir}`);
  return { dir, cassettes };
}
