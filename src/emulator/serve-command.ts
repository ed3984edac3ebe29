/**
 * `athena-contract serve [--port 4566] [--host 127.0.0.1] [--seed-file F] [--fault NAME ...]`: the
 * emulator as a standalone HTTP server, until SIGINT or SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ExecutorsSummary } from '../generated/athena.js';
import { FAULT_NAMES, isFaultName, type FaultName } from './faults.js';
import { startEmulator } from './http-server.js';
import { checkSeed } from './seeding.js';

/** The port `serve` listens on by default (LocalStack's, so existing endpoint settings work). */
export const DEFAULT_SERVE_PORT = 4566;

class UsageError extends Error {}

function readSeedFile(file: string): Record<string, ExecutorsSummary[]> {
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
    throw new UsageError(`--seed-file: ${file} is not valid JSON; write {"sessions": {"<SessionId>": [ExecutorsSummary, ...]}}`);
  }
  const sessions = (doc as { sessions?: unknown } | null)?.sessions;
  if (typeof sessions !== 'object' || sessions === null || Array.isArray(sessions)) {
    throw new UsageError(`--seed-file: ${file} has no "sessions" object; write {"sessions": {"<SessionId>": [ExecutorsSummary, ...]}}`);
  }
  const out: Record<string, ExecutorsSummary[]> = {};
  for (const [id, executors] of Object.entries(sessions)) {
    const check = checkSeed({ executors });
    if (!check.ok) throw new UsageError(`--seed-file: ${file}, session ${JSON.stringify(id)}: ${check.message.replace(/^seed body: /, '')}`);
    out[id] = check.executors;
  }
  return out;
}

function parse(argv: readonly string[]): { port: number; host: string; sessions: Record<string, ExecutorsSummary[]>; faults: FaultName[] } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'seed-file': { type: 'string' },
        fault: { type: 'string', multiple: true },
      },
    }));
  } catch (e) {
    throw new UsageError(`serve: ${(e as Error).message.split('\n')[0]}; usage: athena-contract serve [--port 4566] [--host 127.0.0.1] [--seed-file F] [--fault NAME ...]`);
  }
  const portText = values.port ?? String(DEFAULT_SERVE_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port: expected an integer 0..65535, got ${JSON.stringify(portText)}`);
  const faults = values.fault ?? [];
  for (const f of faults) {
    if (!isFaultName(f)) throw new UsageError(`--fault: unknown fault ${JSON.stringify(f)}; use one of ${FAULT_NAMES.join(', ')}`);
  }
  const sessions = values['seed-file'] === undefined ? {} : readSeedFile(values['seed-file']);
  return { port, host: values.host ?? '127.0.0.1', sessions, faults: faults as FaultName[] };
}

/** Runs `serve` with the arguments after the command name; resolves to the exit code (0 after a signal, 2 on bad usage). */
export async function serveCommand(argv: readonly string[]): Promise<number> {
  let config;
  try {
    config = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  let emulator;
  try {
    emulator = await startEmulator(config);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`--port: cannot listen on ${config.host}:${config.port} (${code ?? (e as Error).message}); choose a free port, or --port 0 for any\n`);
    return 2;
  }
  process.stdout.write(`athena-contract emulator listening on ${emulator.url}\n`);
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
  return 0;
}
