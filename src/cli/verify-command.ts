/**
 * `athena-contract verify`: runs the contract against a target, prints progress and a summary, writes
 * the requested reports, and exits 0 (all passed or skipped), 1 (a property failed) or 2 (usage,
 * configuration or connection error).
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isPropertyId, propertyIds, type PropertyId } from '../contract/catalogue.js';
import { UsageError } from '../common/errors.js';
import { exitCodeOf } from '../contract/report.js';
import { consoleReporter } from '../contract/reporters/console.js';
import { renderJson } from '../contract/reporters/json.js';
import { renderJunit } from '../contract/reporters/junit.js';
import { renderMarkdown } from '../contract/reporters/markdown.js';
import { loadNock } from '../wire/nock-interception.js';
import { verify, type VerifyOptions, type VerifyReport } from '../app/verify.js';
import { FAULT_NAMES, isFaultName, type FaultName } from '../emulator/index.js';
import { helpText, int32, nearest, parseOptions, positiveInteger, type OptionTable } from './args.js';

/** The options of `verify`, as data: parsing, help and validation all read this table. */
export const VERIFY_OPTIONS = {
  endpoint: { type: 'string', value: 'URL', description: 'verify the ListExecutors at URL (without it: the built-in emulator, in process, seeded)' },
  seeded: { type: 'boolean', description: 'with --endpoint: the endpoint serves PUT/DELETE /_contract/sessions/{id}; run seeded mode' },
  'session-id': { type: 'string', multiple: true, value: 'ID', description: 'with --endpoint or --live: a session to read in observational mode (repeatable)' },
  runs: { type: 'string', value: 'N', description: 'scenarios per property', default: '100' },
  seed: { type: 'string', value: 'N', description: 'the run seed (printed by every run, to repeat it)' },
  only: { type: 'string', value: 'ID[,ID]', description: 'run only these properties' },
  path: { type: 'string', value: 'P', description: "replay one counterexample: fast-check's path, with --only ID --seed N" },
  json: { type: 'string', value: 'FILE', description: 'write the report as JSON' },
  junit: { type: 'string', value: 'FILE', description: 'write the report as JUnit XML' },
  markdown: { type: 'string', value: 'FILE', description: 'write the conformance report as Markdown (also appended to $GITHUB_STEP_SUMMARY when set)' },
  shard: { type: 'string', value: 'i/n', description: 'run only shard i of n of the runs (merge the JSON reports with merge-reports)' },
  region: { type: 'string', value: 'R', description: 'AWS region of the client', default: 'us-east-1' },
  timeout: { type: 'string', value: 'MS', description: 'per-request timeout in milliseconds', default: '10000' },
  deadline: { type: 'string', value: 'S', description: 'seconds the whole run may take', default: '600' },
  fault: { type: 'string', multiple: true, value: 'NAME', description: 'built-in emulator only: inject a deviation, to watch the harness catch it (repeatable)' },
  record: { type: 'string', value: 'DIR', description: 'write every exchange of the run as cassettes (one JSON file per property), redacted, into DIR' },
  redact: { type: 'string', multiple: true, value: 'VALUE', description: 'with --record or --replay: also redact VALUE (raw, URL-encoded, base64) (repeatable)' },
  replay: { type: 'string', value: 'DIR', description: 'replay the cassettes in DIR with the network locked down (seed, runs, mode and target come from them)' },
  live: { type: 'boolean', description: 'verify live Athena via the default credential chain, region chain and AWS_ENDPOINT_URL_ATHENA' },
  workgroup: { type: 'string', value: 'NAME', description: 'with --live: start a session (smallest DPU configuration) in this Spark-enabled workgroup, and terminate it at the end' },
  'ready-timeout': { type: 'string', value: 'S', description: 'with --live: seconds a new session may take to become IDLE', default: '300' },
  'poll-interval': { type: 'string', value: 'MS', description: 'with --live: milliseconds between GetSessionStatus polls', default: '5000' },
  // Its own flag, not parseArgs' allowNegative: that needs Node 20.16, and engines allows 20.12.
  'no-progress': { type: 'boolean', description: 'plain progress lines even on a terminal (there, progress is updated in place)' },
  help: { type: 'boolean', description: 'print this help' },
} satisfies OptionTable;

/** Reads `--only a,b`; unknown ids are a usage error with the nearest known id. */
function parseOnly(raw: string | undefined): PropertyId[] | undefined {
  if (raw === undefined) return undefined;
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (!ids.length) throw new UsageError(`--only: expected property ids separated by commas, got ${JSON.stringify(raw)}`);
  for (const id of ids)
    if (!isPropertyId(id)) {
      const near = nearest(id, propertyIds);
      throw new UsageError(`--only: unknown property ${JSON.stringify(id)}${near ? ` (did you mean ${near}?)` : ''}; known: ${propertyIds.join(', ')}`);
    }
  return ids as PropertyId[];
}

function parseFaults(raw: string[] | undefined): FaultName[] | undefined {
  if (!raw) return undefined;
  for (const f of raw)
    if (!isFaultName(f)) {
      const near = nearest(f, FAULT_NAMES);
      throw new UsageError(`--fault: unknown fault ${JSON.stringify(f)}${near ? ` (did you mean ${near}?)` : ''}; known: ${FAULT_NAMES.join(', ')}`);
    }
  return raw as FaultName[];
}

/** Reads `--shard i/n` (1 <= i <= n), the convention of vitest and Playwright. */
export function parseShard(raw: string | undefined): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard: expected i/n with 1 <= i <= n, such as 2/3, got ${JSON.stringify(raw)}`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** The lines live runs and replays add to the summary: the session and its final state, unused exchanges. */
function extraSummary(report: VerifyReport): string[] {
  const lines: string[] = [];
  for (const s of report.live?.sessions ?? []) lines.push(`live session ${s.sessionId} (${s.startedByHarness ? 'started by the harness' : 'given'}): ${s.finalState}`);
  if (report.replay) lines.push(`replayed ${report.replay.served} of ${report.replay.recorded} recorded exchanges from ${report.replay.dir}`);
  return lines;
}

/** Writes a report file, creating its directory. */
export async function writeReport(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Parses `verify`'s argv into options (throws UsageError with one line on any mistake). */
export function parseVerifyArgs(argv: readonly string[]) {
  const { values } = parseOptions('verify', VERIFY_OPTIONS, argv);
  const timeoutMs = positiveInteger('timeout', values.timeout);
  const deadline = positiveInteger('deadline', values.deadline);
  const readyTimeout = positiveInteger('ready-timeout', values['ready-timeout']);
  const pollIntervalMs = positiveInteger('poll-interval', values['poll-interval']);
  for (const [flag, given] of [['workgroup', values.workgroup], ['ready-timeout', readyTimeout], ['poll-interval', pollIntervalMs]] as const)
    if (given !== undefined && !values.live) throw new UsageError(`--${flag} applies to live runs: add --live, or drop --${flag}`);
  if (values.redact?.length && !values.record && !values.replay) throw new UsageError('--redact applies to --record DIR (and to matching a --replay DIR): add one, or drop --redact');
  for (const [flag, dir] of [['record', values.record], ['replay', values.replay]] as const)
    if (dir !== undefined && dir.trim() === '') throw new UsageError(`--${flag}: expected a directory, got an empty string`);
  const options: VerifyOptions = {
    endpoint: values.endpoint,
    seeded: values.seeded,
    sessionIds: values['session-id'],
    runs: positiveInteger('runs', values.runs),
    seed: int32('seed', values.seed),
    only: parseOnly(values.only),
    path: values.path,
    region: values.region,
    faults: parseFaults(values.fault),
    timeoutMs,
    deadlineMs: deadline === undefined ? undefined : deadline * 1000,
    shard: parseShard(values.shard),
    record: values.record === undefined ? undefined : { dir: values.record, redact: values.redact },
    replay: values.replay,
    redact: values.redact,
    live: values.live ? { workGroup: values.workgroup, readyTimeoutMs: readyTimeout === undefined ? undefined : readyTimeout * 1000, pollIntervalMs } : undefined,
  };
  if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) throw new UsageError(`--path: expected fast-check's path such as 12:0:3, got ${JSON.stringify(values.path)}`);
  return { options, values };
}

/** Runs `athena-contract verify` and resolves to its exit code. */
export async function verifyCommand(argv: readonly string[], io: { out(text: string): void; isTTY: boolean }): Promise<number> {
  const { options, values } = parseVerifyArgs(argv);
  if (values.help) {
    io.out(helpText('athena-contract verify [--endpoint URL (--seeded | --session-id ID...) | --live (--workgroup NAME | --session-id ID...) | --replay DIR] [--record DIR] [options]', VERIFY_OPTIONS));
    return 0;
  }
  const color = io.isTTY && !process.env.NO_COLOR;
  const reporter = consoleReporter({ write: io.out, live: io.isTTY && !values['no-progress'], color });
  // A replay is lockdown: nothing may reach the network, whatever a cassette or a bug asks for.
  if (options.replay !== undefined) loadNock().disableNetConnect();
  const log = (line: string) => void process.stderr.write(`athena-contract: ${line}\n`);
  const report: VerifyReport = await verify({ ...options, listener: reporter, log });
  reporter.summary(report);
  for (const line of extraSummary(report)) io.out(`${line}\n`);
  if (options.record) io.out(`recorded cassettes into ${options.record.dir}\n`);
  if (values.json) await writeReport(values.json, renderJson(report));
  if (values.junit) await writeReport(values.junit, renderJunit(report));
  if (values.markdown || process.env.GITHUB_STEP_SUMMARY) {
    const markdown = renderMarkdown(report);
    if (values.markdown) await writeReport(values.markdown, markdown);
    if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, markdown);
  }
  return exitCodeOf(report);
}
