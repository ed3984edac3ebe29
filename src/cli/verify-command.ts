/**
 * `athena-contract verify`: runs the contract against a target, prints progress and a summary, writes
 * the requested reports, and exits 0 (all passed or skipped), 1 (a property failed) or 2 (usage,
 * configuration or connection error).
 */
import { UsageError } from '../common/errors.js';
import { exitCodeOf } from '../contract/report/summary.js';
import { consoleReporter } from '../contract/report/formats/console.js';
import { loadNock } from '../wire/nock-interception.js';
import type { VerifyOptions, VerifyReport } from '../app/verify.js';
import { FAULT_NAMES } from '../emulator/faults.js';
import { RUN_DEFAULTS } from '../contract/engine/settings.js';
import type { LiveOptions } from '../live/live-run.js';
import { helpText, int32, oneOf, parseOptions, positiveInteger, SECONDS, flagOf, valuesOf, type OptionTable, type OptionValues } from './args.js';
import { checkReproducerDir, checkRunReportFiles, writeReproducers, writeRunReports } from './report-files.js';
import { withExitReports } from './report-on-exit.js';
import { waitForEndpoint } from './wait-for-endpoint.js';
import { operationList, propertyList } from './property-selectors.js';

/** Reads `--shard i/n` (1 <= i <= n), the convention of vitest and Playwright. */
function shardSpec(flag: string, raw: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--${flag}: expected i/n with 1 <= i <= n, such as 2/3, got ${JSON.stringify(raw)}`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** Reads fast-check's path of a counterexample, such as `12:0:3`. */
function fastCheckPath(flag: string, raw: string): string {
  if (!/^\d+(:\d+)*$/.test(raw)) throw new UsageError(`--${flag}: expected fast-check's path such as 12:0:3, got ${JSON.stringify(raw)}`);
  return raw;
}

/** Reads a positive number such as 5 or 0.5 (`--rate`). */
function positiveNumber(flag: string, raw: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0) throw new UsageError(`--${flag}: expected a positive number such as 5 or 0.5, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Reads a directory flag: any path but the empty one. */
function directory(flag: string, raw: string): string {
  if (raw.trim() === '') throw new UsageError(`--${flag}: expected a directory, got an empty string`);
  return raw;
}

/**
 * `verify()`'s own options, as flags: each keyed by its member of {@link VerifyOptions} (a key that is
 * none fails to compile below), its value in that member's unit.
 */
const RUN_OPTIONS = {
  endpoint: { type: 'string', value: 'URL', description: 'verify the operations at URL (without it: the built-in emulator, in process, seeded)' },
  operations: { flag: 'operation', type: 'string', value: 'OP[,OP]', description: 'the operations to verify in one run: ListExecutors, ListSessions, ListCalculationExecutions, or all', default: 'ListExecutors', parse: operationList },
  seeded: { type: 'boolean', description: 'with --endpoint: the endpoint serves PUT/DELETE /_contract/sessions/{id} (and /_contract/workgroups/{name} for ListSessions); run seeded mode' },
  sessionIds: { flag: 'session-id', type: 'string', multiple: true, value: 'ID', description: 'with --endpoint or --live: a session whose executors and calculations to read in observational mode (repeatable)' },
  workGroups: {
    flag: 'workgroup',
    type: 'string',
    multiple: true,
    value: 'NAME',
    description: 'with --endpoint: a workgroup whose sessions ListSessions reads in observational mode (repeatable); with --live (once): start a session (small: --max-dpus) in this Spark-enabled workgroup, grow it with a calculation, and stop and terminate both at the end',
  },
  runs: { type: 'string', value: 'N', description: 'scenarios per property', default: RUN_DEFAULTS.runs, parse: positiveInteger },
  seed: { type: 'string', value: 'N', description: 'the run seed, a 32-bit integer, negative ones too (--seed -5); printed by every run, to repeat it', parse: int32 },
  only: { type: 'string', value: 'ID[,ID]', description: 'run only these properties: a law id (in every operation run) or Operation/id, such as ListSessions/ordering.newest-first', parse: propertyList },
  path: { type: 'string', value: 'P', description: "replay one counterexample: fast-check's path, with --only ID (or Operation/ID) --seed N", parse: fastCheckPath },
  shard: { type: 'string', value: 'i/n', description: 'run only shard i of n of the runs (merge the JSON reports with merge-reports)', parse: shardSpec },
  region: { type: 'string', value: 'R', description: 'AWS region of the client', default: 'us-east-1' },
  timeoutMs: { flag: 'timeout', type: 'string', value: 'MS', description: 'per-request timeout in milliseconds', default: 10_000, parse: positiveInteger },
  rate: { type: 'string', value: 'N', description: 'send at most N requests per second (default: 5 with --live against AWS, unpaced otherwise)', parse: positiveNumber },
  concurrency: { type: 'string', value: 'N', description: 'checks in flight at once, across properties and runs; verdicts do not depend on it (default: 8 against an endpoint, 2 with --live, 1 in process and for --replay)', parse: positiveInteger },
  maxCalls: { type: 'string', value: 'N', description: 'list calls the whole run may make (preflight and shrinking included, seeding not), shared among the properties as they start; what it leaves untested is reported (default: 1500 with --live, unbounded otherwise)', parse: positiveInteger },
  deadlineMs: { flag: 'deadline', type: 'string', unit: SECONDS, description: 'seconds the whole run may take', default: RUN_DEFAULTS.deadlineMs },
  faults: { flag: 'fault', type: 'string', multiple: true, value: 'NAME', description: 'built-in emulator only: inject a deviation, to watch the harness catch it (repeatable)', parse: (flag, raw) => oneOf(flag, raw, FAULT_NAMES) },
  replay: { type: 'string', value: 'DIR', description: 'replay the cassettes in DIR with the network locked down (seed, runs, mode and target come from them)', parse: directory },
  redact: { type: 'string', multiple: true, value: 'VALUE', description: 'with --record or --replay: also redact VALUE (raw, URL-encoded, base64) (repeatable)' },
} satisfies OptionTable;

/** `--live` and what it takes: the members of `verify()`'s `live` option. */
const LIVE_OPTIONS = {
  live: { type: 'boolean', description: 'verify live Athena via the default credential chain, region chain and AWS_ENDPOINT_URL_ATHENA' },
  readyTimeoutMs: { flag: 'ready-timeout', type: 'string', unit: SECONDS, description: 'with --live: seconds a new session may take to become IDLE', default: 300_000 },
  pollIntervalMs: { flag: 'poll-interval', type: 'string', value: 'MS', description: 'with --live: milliseconds between GetSessionStatus polls', default: 5000, parse: positiveInteger },
  minExecutors: { type: 'string', value: 'K', description: 'with --live: executors besides the coordinator the calculation must bring before the catalogue runs (fewer: a warning)', default: 2, parse: positiveInteger },
  maxDpus: { type: 'string', value: 'N', description: "with --live: MaxConcurrentDpus of the session the harness starts (2, the API's minimum, to 5000)", default: 4, parse: positiveInteger },
  grow: { type: 'boolean', description: 'with --live --session-id: grow the given session with a calculation too (stopped at the end)' },
} satisfies OptionTable;

/** What the command does around the run: recording, reports, waiting for the endpoint, progress, help. */
const COMMAND_OPTIONS = {
  record: { type: 'string', value: 'DIR', description: 'write every exchange of the run as cassettes (one JSON file per property), redacted, into DIR', parse: directory },
  json: { type: 'string', value: 'FILE', description: 'write the report as JSON' },
  junit: { type: 'string', value: 'FILE', description: 'write the report as JUnit XML' },
  markdown: { type: 'string', value: 'FILE', description: 'write the conformance report as Markdown (also appended to $GITHUB_STEP_SUMMARY when set)' },
  reproduce: { type: 'string', value: 'DIR', description: "write each failure's reproducer, a bash script that sends its requests again, as DIR/<property id>.sh (DIR/<Operation>.<id>.sh beyond ListExecutors)", parse: directory },
  waitForEndpoint: { type: 'string', value: 'S', description: 'with --endpoint: wait up to S seconds for it to answer before the run (an emulator just started in the background)', parse: positiveInteger },
  // Its own flag, not parseArgs' allowNegative: that needs Node 20.16, and engines allows 20.12.
  noProgress: { type: 'boolean', description: 'plain progress lines even on a terminal (there, progress is updated in place)' },
  help: { type: 'boolean', short: 'h', description: 'print this help' },
} satisfies OptionTable;

/** The options of `verify`, as data: parsing, help and each value's parser all read this table. */
export const VERIFY_OPTIONS = { ...RUN_OPTIONS, ...LIVE_OPTIONS, ...COMMAND_OPTIONS } satisfies OptionTable;

/** The parsed values of `verify`'s options. */
type VerifyValues = OptionValues<typeof VERIFY_OPTIONS>;

/** The lines live runs and replays add to the summary: the session and its final state, unused exchanges. */
function extraSummary(report: VerifyReport): string[] {
  const lines: string[] = [];
  for (const s of report.live?.sessions ?? []) lines.push(`live session ${s.sessionId} (${s.startedByHarness ? 'started by the harness' : 'given'}): ${s.finalState}`);
  if (report.replay) lines.push(`replayed ${report.replay.served} of ${report.replay.recorded} recorded exchanges from ${report.replay.dir}`);
  return lines;
}

/** Reads `verify`'s parsed values into `verify()`'s options (throws UsageError with one line on a contradiction). */
function verifyOptionsOf(values: VerifyValues): VerifyOptions {
  const { live, ...liveOptions } = valuesOf(LIVE_OPTIONS, values);
  for (const [key, spec] of Object.entries(LIVE_OPTIONS))
    if (key in liveOptions && !live) throw new UsageError(`--${flagOf(key, spec)} applies to live runs: add --live, or drop --${flagOf(key, spec)}`);
  if (values.waitForEndpoint !== undefined && values.endpoint === undefined) throw new UsageError('--wait-for-endpoint applies to --endpoint URL: add one, or drop --wait-for-endpoint');
  if (values.redact?.length && !values.record && !values.replay) throw new UsageError('--redact applies to --record DIR (and to matching a --replay DIR): add one, or drop --redact');
  // Typed as parts of verify()'s options: a table key that names no member of them fails to compile.
  const run: Pick<VerifyOptions, keyof typeof RUN_OPTIONS> = valuesOf(RUN_OPTIONS, values);
  const liveRun: Pick<LiveOptions, keyof typeof liveOptions> = liveOptions;
  // --workgroup with --live names the one workgroup its session starts in (and ListSessions reads).
  const workGroups = values.workGroups ?? [];
  if (live && workGroups.length > 1) throw new UsageError(`--workgroup with --live names the one workgroup to start a session in: give it once, got ${workGroups.join(', ')}`);
  const liveWithWorkGroup = { ...liveRun, ...(workGroups.length ? { workGroup: workGroups[0] } : {}) };
  return { ...run, record: values.record === undefined ? undefined : { dir: values.record, redact: values.redact }, live: live ? liveWithWorkGroup : undefined };
}

/** Parses `verify`'s argv into options (throws UsageError with one line on any mistake). */
export function parseVerifyArgs(argv: readonly string[]) {
  const { values } = parseOptions('verify', VERIFY_OPTIONS, argv);
  return { options: verifyOptionsOf(values), values };
}

/** Runs `athena-contract verify` and resolves to its exit code. */
export async function verifyCommand(argv: readonly string[], io: { out(text: string): void; isTTY: boolean }): Promise<number> {
  const { values } = parseOptions('verify', VERIFY_OPTIONS, argv);
  if (values.help) {
    io.out(helpText('athena-contract verify [--operation OP[,OP] | --operation all] [--endpoint URL (--seeded | --session-id ID... --workgroup NAME...) | --live (--workgroup NAME | --session-id ID...) | --replay DIR] [--record DIR] [options]', VERIFY_OPTIONS));
    return 0;
  }
  const files = { json: values.json, junit: values.junit, markdown: values.markdown };
  // Before anything reaches the target: a report that cannot be written fails now, not after the run.
  await checkRunReportFiles(files);
  await checkReproducerDir(values.reproduce);
  const color = io.isTTY && !process.env.NO_COLOR;
  const reporter = consoleReporter({ write: io.out, live: io.isTTY && !values.noProgress, color });
  const log = (line: string) => void process.stderr.write(`athena-contract: ${line}\n`);
  const end = await withExitReports({ files, listener: reporter, summary: (r) => reporter.summary(r), log }, async (hooks) => {
    const options = verifyOptionsOf(values);
    // A replay is lockdown: nothing may reach the network, whatever a cassette or a bug asks for.
    if (options.replay !== undefined) loadNock().disableNetConnect();
    const wait = values.waitForEndpoint;
    if (wait !== undefined && options.endpoint !== undefined) await waitForEndpoint(options.endpoint, wait);
    // Loaded here, not at the top: `verify --help` and a usage error need none of the SDK's modules.
    const { verify } = await import('../app/verify.js');
    return verify({ ...options, listener: hooks.listener, onStart: hooks.onStart, log });
  });
  if ('exitCode' in end) return end.exitCode;
  const { report } = end;
  reporter.summary(report);
  for (const line of extraSummary(report)) io.out(`${line}\n`);
  if (values.record) io.out(`recorded cassettes into ${values.record}\n`);
  await writeRunReports(report, files);
  if (values.reproduce !== undefined) for (const file of await writeReproducers(report, values.reproduce)) io.out(`wrote the reproducer ${file}\n`);
  return exitCodeOf(report);
}
