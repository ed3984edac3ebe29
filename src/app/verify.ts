/**
 * `verify(options)`: the programmatic form of `athena-contract verify`. It builds the target, checks
 * that it can be tested, runs the catalogue and resolves to the same report that `--json` writes.
 */
import type { FaultName } from '../emulator/index.js';
import { withLiveSession, type LiveOptions, type LiveSummary } from '../live/live-run.js';
import { createRedactor, environmentCredentials } from '../wire/redact.js';
import { startRecorder } from '../recording/recorder.js';
import { withReplay, type ReplaySummary } from '../recording/replay-run.js';
import { emulatorTarget } from '../targets/emulator-target.js';
import { endpointTarget } from '../targets/endpoint-target.js';
import type { Target } from '../targets/target.js';
import type { RetryPolicy } from '../targets/retry-strategy.js';
import type { PropertyId } from '../contract/catalogue/index.js';
import type { Mode, ReplayCommand, Report, RunListener } from '../common/results.js';
import { UsageError } from '../common/errors.js';
import { preflight } from './preflight.js';
import { replayCommandFor } from './replay-command.js';
import { runContract, selectedOf, type RunOptions } from '../contract/run-contract.js';
import { checkParents } from './parents.js';
import { checkSelection, operationsFor } from './selection.js';
import { freshSeed } from '../contract/engine/seeds.js';
import { RUN_DEFAULTS } from '../contract/engine/settings.js';

/**
 * Options of {@link verify}; all optional: with none, the built-in emulator is verified in seeded mode.
 * Those of the run itself (runs, path, shard, deadline, listener) are the engine's, passed down as they are.
 */
export interface VerifyOptions extends Pick<RunOptions, 'runs' | 'path' | 'shard' | 'deadlineMs' | 'listener' | 'operations' | 'maxCalls'> {
  /** An endpoint URL; without it, the built-in emulator in process. */
  endpoint?: string;
  /** With `endpoint`: it serves the seeding routes, so run seeded mode. */
  seeded?: boolean;
  /** With `endpoint`: sessions to read in observational mode (the parents of ListExecutors and ListCalculationExecutions). */
  sessionIds?: readonly string[];
  /** With `endpoint`: workgroups to read in observational mode (the parents of ListSessions). */
  workGroups?: readonly string[];
  /** The run's seed. @defaultValue a fresh one, printed in the report */
  seed?: number;
  /** Only these properties: a law id (in every operation run) or `Operation/id` (`ListSessions/ordering.newest-first`). */
  only?: readonly (PropertyId | (string & {}))[];
  /** @defaultValue "us-east-1" */
  region?: string;
  /** Built-in emulator only: deviations to inject (to see the harness catch them). */
  faults?: readonly FaultName[];
  /** Per-request timeout in milliseconds. @defaultValue 10000 */
  timeoutMs?: number;
  /** At most this many requests per second to the target, seeding included. @defaultValue 5 with `live` (none when its endpoint is on this machine), none otherwise */
  rate?: number;
  /** How throttling answers are retried (attempts, backoff base and cap, time per call). @defaultValue DEFAULT_RETRY_POLICY */
  retry?: Partial<RetryPolicy>;
  /** Renders the report's replay commands. @defaultValue the CLI's own words for this target */
  replayCommand?: ReplayCommand;
  /** Write every exchange of the run as cassettes into `dir`, redacting `redact` too. */
  record?: { dir: string; redact?: readonly string[] };
  /** Replay the cassettes of this directory (seed, runs, mode and sessions come from them). */
  replay?: string;
  /** Values to redact when matching a replay's requests (`--redact`). */
  redact?: readonly string[];
  /** Verify live Athena through the SDK's default chains, starting (and ending) a session unless `sessionIds` are given. */
  live?: LiveOptions;
  /** Progress lines of live runs (session started, terminated). @defaultValue none */
  log?: (line: string) => void;
  /**
   * Checks in flight at once, across properties and runs (`--concurrency N`): a seed's verdicts do not
   * depend on it. @defaultValue {@link DEFAULT_CONCURRENCY} for the kind of target
   */
  concurrency?: number;
  /** Told what the run is, first as the options say, then once its target is built: what a report of a run that ends early names. */
  onStart?: (shape: RunShape) => void;
}

/**
 * Checks in flight at once by default, per kind of target (measured with `npm run bench`): in
 * process the calls cost no wait, so one at a time is fastest; an endpoint's round trip is hidden by
 * keeping 8 in flight (at 40 ms that is most of the gain, 16 barely more, and on loopback no
 * measurable cost); live Athena gets 2, as the default `--rate` spaces its calls anyway and a second
 * in flight only hides the round trip; a replay answers in process.
 */
export const DEFAULT_CONCURRENCY: Readonly<Record<Target['kind'], number>> = { emulator: 1, endpoint: 8, live: 2, replay: 1 };

/**
 * List calls a live run may make by default (`--max-calls`), preflight's included: what a nightly
 * can afford, 5 minutes at the live default of 5 calls a second. Other targets are unbounded.
 */
export const LIVE_DEFAULT_MAX_CALLS = 1500;

/** The list calls of `operations` that `target` makes until the returned function is called, which tells how many. */
function countListCalls(target: Target, operations: readonly { amzTarget: string }[]): () => number {
  const targets = new Set(operations.map((o) => o.amzTarget.toLowerCase()));
  let calls = 0;
  const stop = target.onExchange((e) => {
    if (targets.has((e.request.headers['x-amz-target'] ?? '').toLowerCase())) calls++;
  });
  return () => {
    stop();
    return calls;
  };
}

/** What a report says of the run before any property ran (a replay's comes from its cassettes). */
export type RunShape = Pick<Report, 'mode' | 'target' | 'seed' | 'runs' | 'shard'>;

/** The shape of the run as `options` give it, before any of them is checked. */
function shapeOf(options: VerifyOptions, seed: number): RunShape {
  const target = options.replay !== undefined ? `recording ${options.replay}` : options.live ? 'live Athena' : (options.endpoint ?? 'built-in emulator (in process)');
  const mode = options.live || options.sessionIds?.length || options.workGroups?.length ? 'observational' : 'seeded';
  return { mode, target, seed, runs: options.runs ?? RUN_DEFAULTS.runs, ...(options.shard ? { shard: options.shard } : {}) };
}

/** The report of {@link verify}: a {@link Report}, plus what live runs and replays add. */
export type VerifyReport = Report & { live?: LiveSummary; replay?: ReplaySummary };

function hasEnvCredentials(): boolean {
  return !!process.env.AWS_ACCESS_KEY_ID && !!process.env.AWS_SECRET_ACCESS_KEY;
}

/** Builds the target and mode that `options` describe; throws a UsageError on a contradiction. */
export function targetFor(options: VerifyOptions): { target: Target; mode: Mode; sessions: readonly string[]; workgroups: readonly string[] } {
  const region = options.region ?? 'us-east-1';
  const sessions = options.sessionIds ?? [];
  const workgroups = options.workGroups ?? [];
  if (!options.endpoint) {
    if (options.seeded || sessions.length) throw new UsageError('--seeded and --session-id need --endpoint URL (without it the built-in emulator is verified, seeded)');
    if (workgroups.length) throw new UsageError('--workgroup needs --endpoint URL (observational) or --live (without either the built-in emulator is verified, seeded)');
    return { target: emulatorTarget({ region, faults: options.faults, rate: options.rate, retry: options.retry }), mode: 'seeded', sessions, workgroups };
  }
  if (options.faults?.length) throw new UsageError('--fault applies to the built-in emulator only: drop --endpoint, or start `athena-contract serve --fault NAME` and point --endpoint at it');
  if (options.seeded && sessions.length) throw new UsageError('--seeded and --session-id exclude each other: seeded mode makes its own sessions');
  if (options.seeded && workgroups.length) throw new UsageError('--seeded and --workgroup exclude each other: seeded mode makes its own workgroups');
  if (!options.seeded && !sessions.length && !workgroups.length)
    throw new UsageError('--endpoint needs a mode: add --seeded (the endpoint serves PUT/DELETE /_contract/sessions/{id}) or --session-id ID / --workgroup NAME (observational)');
  let url: URL;
  try {
    url = new URL(options.endpoint);
  } catch {
    throw new UsageError(`--endpoint: expected an http(s) URL such as http://127.0.0.1:4566, got ${JSON.stringify(options.endpoint)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--endpoint: expected an http(s) URL such as http://127.0.0.1:4566, got ${JSON.stringify(options.endpoint)}`);
  const target = endpointTarget({
    url: url.href.replace(/\/$/, ''),
    region,
    seeded: !!options.seeded,
    timeoutMs: options.timeoutMs,
    rate: options.rate,
    retry: options.retry,
    // With no credentials in the environment, dummy ones: emulators do not check signatures.
    credentials: hasEnvCredentials() ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, sessionToken: process.env.AWS_SESSION_TOKEN } : undefined,
  });
  return { target, mode: options.seeded ? 'seeded' : 'observational', sessions, workgroups };
}

/** The target and the run's shape, wherever they came from (a replay's cassettes fix its seed, runs and properties), and whether to preflight it. */
interface RunSetup {
  run: Pick<RunOptions, 'target' | 'mode' | 'sessions'> & Partial<Pick<RunOptions, 'runs' | 'only' | 'workgroups'>>;
  preflight: boolean;
  /** List calls made around the run that its budget pays for first (a live run's own counts of executors). */
  paidAround?: number;
  /** Told before the recorder and the caller's listener (a replay's book). */
  listener?: RunListener;
}

function checkCombinations(options: VerifyOptions): void {
  const given = (names: [string, unknown][]) => names.filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && !v.length)).map(([n]) => n);
  if (options.replay !== undefined) {
    const clash = given([['--endpoint', options.endpoint], ['--seeded', options.seeded], ['--session-id', options.sessionIds], ['--workgroup', options.workGroups], ['--seed', options.seed], ['--runs', options.runs], ['--fault', options.faults], ['--region', options.region], ['--shard', options.shard], ['--path', options.path], ['--live', options.live], ['--record', options.record], ['--rate', options.rate]]);
    if (clash.length) throw new UsageError(`--replay takes the target, seed, runs, mode and region from its cassettes: drop ${clash.join(', ')}`);
  }
  if (options.live) {
    const clash = given([['--endpoint', options.endpoint], ['--seeded', options.seeded], ['--fault', options.faults]]);
    if (clash.length) throw new UsageError(`--live reads live Athena (or AWS_ENDPOINT_URL_ATHENA) in observational mode: drop ${clash.join(', ')}`);
  }
}

/**
 * Lets the event loop turn at least every 50 ms of calls: a target answering in process does no
 * I/O, so a run on it would otherwise hold off SIGINT and SIGTERM (and their reports) to its end.
 */
function turnEventLoop(target: Target): void {
  let last = performance.now();
  target.client.middlewareStack.add(
    (next) => async (args) => {
      if (performance.now() - last > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        last = performance.now();
      }
      return next(args);
    },
    { step: 'initialize' },
  );
}

/** Preflight (where the setup asks for it), the run, and the recording when one is asked for. */
async function runOn(setup: RunSetup, options: VerifyOptions, seed: number): Promise<Report> {
  const { target, mode, sessions = [], workgroups = [] } = setup.run;
  const runs = setup.run.runs ?? options.runs ?? RUN_DEFAULTS.runs;
  const operations = operationsFor({ ...options, only: setup.run.only ?? options.only });
  options.onStart?.({ ...shapeOf(options, seed), mode, target: target.description, runs });
  checkParents(mode, operations, { sessions, workgroups });
  turnEventLoop(target);
  const preflightCalls = countListCalls(target, operations);
  if (setup.preflight) await preflight(target, mode, { sessions, workgroups }, operations);
  // The budget bounds the run's list calls in all: preflight's probes and the calls around the run are paid first.
  const paid = preflightCalls() + (setup.paidAround ?? 0);
  const budget = options.maxCalls ?? (target.kind === 'live' ? LIVE_DEFAULT_MAX_CALLS : undefined);
  const maxCalls = budget === undefined ? undefined : Math.max(0, budget - paid);
  const redactor = createRedactor({ values: options.record?.redact ?? options.redact, credentials: environmentCredentials() });
  const live = target.kind === 'live' ? { ...(options.live?.workGroup ? { workGroup: options.live.workGroup } : {}), startedByHarness: !options.sessionIds?.length } : undefined;
  const recorder = options.record ? startRecorder({ target, seed, mode, runs, sessions, live }, redactor) : undefined;
  try {
    // verify()'s options are the run's, as they are; the setup and what follows from the target come on top.
    const report = await runContract({
      ...options,
      ...setup.run,
      seed,
      runs,
      operations,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY[target.kind],
      maxCalls,
      replayCommand: options.replayCommand ?? replayCommandFor(options),
      redactor,
      listeners: [setup.listener, recorder?.listener].filter((l): l is RunListener => l !== undefined),
    });
    if (recorder && options.record) await recorder.save(options.record.dir);
    return report;
  } finally {
    recorder?.stop();
  }
}

/** Verifies a target against the catalogue and resolves to the report. Throws UsageError or TargetError (exit 2). */
export async function verify(options: VerifyOptions = {}): Promise<VerifyReport> {
  const seed = options.seed ?? freshSeed();
  options.onStart?.(shapeOf(options, seed));
  if (options.path !== undefined && (options.only?.length !== 1 || options.seed === undefined))
    throw new UsageError('--path replays one counterexample: give it with --only ID (one property) and the --seed it was found with');
  const operations = operationsFor(options);
  checkSelection(options.only, operations);
  const selected = selectedOf(operations, options.only);
  if (options.path !== undefined && selected.length !== 1)
    throw new UsageError(`--path replays one counterexample: --only ${options.only?.[0]} is a law of several operations run; name one: ${selected.map((s) => `${s.profile.operation}/${s.property.id}`).join(' or ')}`);
  checkCombinations(options);
  if (options.replay !== undefined)
    // Replays skip preflight: its probes are not part of any cassette.
    return withReplay(options.replay, { only: options.only, redact: options.redact }, ({ seed, listener, ...run }) => runOn({ run, listener, preflight: false }, options, seed));
  if (options.live) {
    // ListSessions reads the workgroup the session is started in (or those given), the others the session.
    const workgroups = options.workGroups ?? (options.live.workGroup ? [options.live.workGroup] : []);
    // Before a session is started.
    checkParents('observational', operations, { sessions: ['the live session'], workgroups });
    // The live run learns the operations to grow the session for (small calculations for ListCalculationExecutions).
    return withLiveSession({ ...options, ...options.live, operations, log: options.log ?? (() => undefined) }, (live) =>
      runOn({ run: { target: live.target, mode: 'observational', sessions: live.sessions, workgroups }, preflight: true, paidAround: live.listCallsAround }, options, seed),
    );
  }
  const { target, mode, sessions, workgroups } = targetFor(options);
  try {
    return await runOn({ run: { target, mode, sessions, workgroups }, preflight: target.kind !== 'emulator' }, options, seed);
  } finally {
    await target.close();
  }
}
