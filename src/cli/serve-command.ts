/**
 * `athena-contract serve [--port 4566] [--host 127.0.0.1] [--seed-file F] [--ready-file F] [--living RATE] [--fault NAME ...]`:
 * the built-in emulator (all three list operations) as a standalone HTTP server, until SIGINT or SIGTERM.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { UsageError } from '../common/errors.js';
import { FAULT_NAMES, type FaultName } from '../emulator/faults.js';
import { startEmulator } from '../emulator/http-server.js';
import type { EmulatorOptions } from '../emulator/core.js';
import type { Executor } from '../emulator/session-shapes.js';
import { checkRouteSeed, checkSeed, itemsShape, routeSeedShape } from '../emulator/seeding.js';
import type { CalculationSummary, SessionSummary } from '../generated/athena.js';
import { LIST_CALCULATION_EXECUTIONS, LIST_EXECUTORS, LIST_SESSIONS } from '../profiles/index.js';
import { DEFAULT_SERVE_HOST, DEFAULT_SERVE_PORT } from '../targets/emulator-target.js';
import { helpText, milliseconds, oneOf, parseOptions, type OptionTable } from './args.js';

/** Reads a TCP port, 0 meaning any free one. */
function portNumber(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--${flag}: expected an integer 0..65535, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/**
 * Reads the living mode's steps per second: a number > 0 (`0.5`, `5`), so that a typo never serves a
 * target that holds still when a moving one was asked for.
 */
function stepsPerSecond(flag: string, raw: string): number {
  const rate = /^(\d+(\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(rate) || rate <= 0) throw new UsageError(`--${flag}: expected steps per second, a number > 0 such as 5 or 0.5, got ${JSON.stringify(raw)}`);
  return rate;
}

/**
 * What a seed file holds, as its messages say it: the sessions' executors and calculations under their
 * ids, the workgroups' sessions under their names, each in the seeding route's words (a session's
 * executors alone may be given as a list).
 */
const SEED_FILE = `{"sessions": {"<SessionId>": ${routeSeedShape([LIST_EXECUTORS, LIST_CALCULATION_EXECUTIONS])}}, "workgroups": {"<WorkGroup>": ${itemsShape(LIST_SESSIONS)}}}`;

/** The options of `serve`, as data. */
export const SERVE_OPTIONS = {
  port: { type: 'string', value: 'N', description: 'the port to listen on (0: any free port)', default: String(DEFAULT_SERVE_PORT), parse: portNumber },
  host: { type: 'string', value: 'H', description: 'the address to listen on', default: DEFAULT_SERVE_HOST },
  latency: { type: 'string', value: 'MS', description: 'every answer waits MS milliseconds first (a real region is tens of ms away)', default: '0', parse: milliseconds },
  'seed-file': { type: 'string', value: 'F', description: `sessions and workgroups to start with: ${SEED_FILE}` },
  fault: { type: 'string', multiple: true, value: 'NAME', description: 'inject a deviation, to see a harness catch it (repeatable)', parse: (flag, raw) => oneOf(flag, raw, FAULT_NAMES) },
  living: {
    type: 'string',
    value: 'RATE',
    description: 'a busy service: RATE times a second every session gains an executor and a calculation, every workgroup a session, and one item of each moves a step along its lifecycle',
    parse: stepsPerSecond,
  },
  'ready-file': { type: 'string', value: 'F', description: 'once listening, write the URL to F (removed again on exit), so a script can wait with `until [ -f F ]`' },
  help: { type: 'boolean', short: 'h', description: 'print this help' },
} satisfies OptionTable;

/** What a seed file seeds: the `sessions` and `workgroups` options of the emulator. */
type SeedFileContents = Required<Pick<EmulatorOptions, 'sessions' | 'workgroups'>>;

/** A seed file's object of parents under `key` (`sessions`, `workgroups`), {} when absent. */
function parentsIn(doc: unknown, key: string, file: string): Record<string, unknown> {
  const parents = (doc as Record<string, unknown> | null)?.[key];
  if (parents === undefined) return {};
  if (typeof parents !== 'object' || parents === null || Array.isArray(parents)) throw new UsageError(`--seed-file: ${file}: "${key}" is not an object; write ${SEED_FILE}`);
  return parents as Record<string, unknown>;
}

function readSeedFile(file: string): SeedFileContents {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--seed-file: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}); give the path of a readable JSON file`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`--seed-file: ${file} is not valid JSON; write ${SEED_FILE}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('sessions' in doc || 'workgroups' in doc))
    throw new UsageError(`--seed-file: ${file} has no "sessions" or "workgroups" object; write ${SEED_FILE}`);
  const out: SeedFileContents = { sessions: {}, workgroups: {} };
  const wrong = (noun: string, id: string, message: string) => new UsageError(`--seed-file: ${file}, ${noun} ${JSON.stringify(id)}: ${message.replace(/^seed body: /, '')}`);
  for (const [id, held] of Object.entries(parentsIn(doc, 'sessions', file))) {
    const check = checkRouteSeed(Array.isArray(held) ? { executors: held } : held, [LIST_EXECUTORS, LIST_CALCULATION_EXECUTIONS]);
    if (!check.ok) throw wrong('session', id, check.message);
    // checkRouteSeed held them to the profiles' item schemas: they are executors and calculations.
    out.sessions[id] = { executors: check.items.get(LIST_EXECUTORS) as Executor[], calculations: check.items.get(LIST_CALCULATION_EXECUTIONS) as CalculationSummary[] };
  }
  for (const [name, sessions] of Object.entries(parentsIn(doc, 'workgroups', file))) {
    const check = checkSeed({ sessions }, LIST_SESSIONS);
    if (!check.ok) throw wrong('workgroup', name, check.message);
    out.workgroups[name] = check.items as SessionSummary[];
  }
  return out;
}

const HOST_FIX = 'give an address of this machine such as 127.0.0.1';

/** Which option a failure to listen is about, by its error code, and how to fix it. */
const LISTEN_ERRORS: Record<string, { flag: 'host' | 'port'; fix: string }> = {
  EADDRINUSE: { flag: 'port', fix: 'choose a free port, or --port 0 for any' },
  EACCES: { flag: 'port', fix: 'choose a port above 1023, or --port 0 for any' },
  EADDRNOTAVAIL: { flag: 'host', fix: HOST_FIX },
  ENOTFOUND: { flag: 'host', fix: HOST_FIX },
  EAI_AGAIN: { flag: 'host', fix: HOST_FIX },
  EAI_FAIL: { flag: 'host', fix: HOST_FIX },
};

/** The one line for a failure to listen, naming the option at fault (both, when the code does not say which). */
function listenError(config: { host: string; port: number }, code: string): UsageError {
  const known = LISTEN_ERRORS[code];
  if (known?.flag === 'host') return new UsageError(`--host: cannot listen on ${config.host} (${code}); ${known.fix}`);
  if (known) return new UsageError(`--port: cannot listen on ${config.host}:${config.port} (${code}); ${known.fix}`);
  return new UsageError(`--host, --port: cannot listen on ${config.host}:${config.port} (${code}); check both`);
}

/** What `serve` was asked for. */
export interface ServeConfig {
  port: number;
  host: string;
  latencyMs: number;
  sessions: NonNullable<EmulatorOptions['sessions']>;
  workgroups: NonNullable<EmulatorOptions['workgroups']>;
  faults: FaultName[];
  /** The living mode's steps per second (absent: the emulator's data holds still). */
  living?: number;
  readyFile?: string;
  help: boolean;
}

/** Parses `serve`'s arguments (throws UsageError with one line on any mistake). */
export function parseServeArgs(argv: readonly string[]): ServeConfig {
  const { values } = parseOptions('serve', SERVE_OPTIONS, argv);
  const { sessions, workgroups } = values['seed-file'] === undefined ? { sessions: {}, workgroups: {} } : readSeedFile(values['seed-file']);
  const readyFile = values['ready-file'];
  if (readyFile !== undefined && readyFile.trim() === '') throw new UsageError('--ready-file: expected a file path, got an empty string');
  return { port: values.port ?? DEFAULT_SERVE_PORT, host: values.host ?? DEFAULT_SERVE_HOST, latencyMs: values.latency ?? 0, sessions, workgroups, faults: values.fault ?? [], ...(values.living === undefined ? {} : { living: values.living }), readyFile, help: !!values.help };
}

/**
 * Writes the URL to the ready file whole or not at all (a sibling, then renamed), so that a script
 * that sees the file can read the URL; a file that cannot be written is a one-line usage error.
 */
function writeReadyFile(file: string, url: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, `${url}\n`);
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new UsageError(`--ready-file: cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}); give a path in a writable directory`);
  }
}

/** Runs `serve`: prints its URL once ready, serves until SIGINT or SIGTERM, then resolves to 0. */
export async function serveCommand(argv: readonly string[], io: { out(text: string): void }): Promise<number> {
  const config = parseServeArgs(argv);
  if (config.help) {
    io.out(helpText('athena-contract serve [--port 4566] [--host 127.0.0.1] [--latency MS] [--seed-file F] [--ready-file F] [--living RATE] [--fault NAME ...]', SERVE_OPTIONS));
    return 0;
  }
  let emulator;
  try {
    emulator = await startEmulator(config);
  } catch (e) {
    throw listenError(config, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  try {
    if (config.readyFile !== undefined) writeReadyFile(config.readyFile, emulator.url);
  } catch (e) {
    await emulator.close();
    throw e;
  }
  io.out(`athena-contract emulator listening on ${emulator.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
  // A stale ready file would tell the next script's `until [ -f F ]` that a server is up.
  if (config.readyFile !== undefined) rmSync(config.readyFile, { force: true });
  return 0;
}
