/**
 * Cassettes: the exchanges of one property's runs, with a header saying where, when and how they were
 * recorded, so that a replay can re-run exactly the same scenarios. One JSON file per property.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** The file name of a property's cassette. */
function cassetteFile(property: string): string {
  return `${property}.json`;
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

/** Writes the cassettes into `dir`, first removing the cassettes of an earlier run there. */
export async function writeRecording(dir: string, cassettes: readonly Cassette[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const old = await readFile(join(dir, name), 'utf8').then(JSON.parse, () => undefined);
    if (isCassette(old)) await rm(join(dir, name));
  }
  const files: string[] = [];
  for (const c of cassettes) {
    const file = join(dir, cassetteFile(c.header.property));
    await writeFile(file, formatCassette(c));
    files.push(file);
  }
  return files;
}

/** Reads every cassette of `dir`; `flag` names the option in errors (`--replay`, `diff`). */
export async function readRecording(dir: string, flag: string): Promise<Recording> {
  const names = await readdir(dir).catch(() => {
    throw new UsageError(`${flag}: ${dir} is not a directory; give a directory that verify --record DIR wrote`);
  });
  const cassettes: Cassette[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
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
