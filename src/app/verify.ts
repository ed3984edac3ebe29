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
import { runContract, type RunOptions } from '../contract/run-contract.js';
import { freshSeed } from '../contract/engine/seeds.js';

/** Options of {@link verify}; all optional: with none, the built-in emulator is verified in seeded mode. */
export interface VerifyOptions {
  /** An endpoint URL; without it, the built-in emulator in process. */
  endpoint?: string;
  /** With `endpoint`: it serves the seeding routes, so run seeded mode. */
  seeded?: boolean;
  /** With `endpoint`: sessions to read in observational mode. */
  sessionIds?: readonly string[];
  /** Runs per property. @defaultValue 100 */
  runs?: number;
  /** The run's seed. @defaultValue a fresh one, printed in the report */
  seed?: number;
  only?: readonly PropertyId[];
  /** A counterexample's fast-check path (with one id in `only` and `seed`). */
  path?: string;
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
  /** Milliseconds the whole run may take. @defaultValue 600000 */
  deadlineMs?: number;
  shard?: { index: number; count: number };
  /** Renders the report's replay commands. @defaultValue the CLI's own words for this target */
  replayCommand?: ReplayCommand;
  listener?: RunListener;
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

/** What a report says of the run before any property ran (a replay's comes from its cassettes). */
export type RunShape = Pick<Report, 'mode' | 'target' | 'seed' | 'runs' | 'shard'>;

/** The shape of the run as `options` give it, before any of them is checked. */
function shapeOf(options: VerifyOptions, seed: number): RunShape {
  const target = options.replay !== undefined ? `recording ${options.replay}` : options.live ? 'live Athena' : (options.endpoint ?? 'built-in emulator (in process)');
  const mode = options.live || options.sessionIds?.length ? 'observational' : 'seeded';
  return { mode, target, seed, runs: options.runs ?? 100, ...(options.shard ? { shard: options.shard } : {}) };
}

/** The report of {@link verify}: a {@link Report}, plus what live runs and replays add. */
export type VerifyReport = Report & { live?: LiveSummary; replay?: ReplaySummary };

function hasEnvCredentials(): boolean {
  return !!process.env.AWS_ACCESS_KEY_ID && !!process.env.AWS_SECRET_ACCESS_KEY;
}

/** Builds the target and mode that `options` describe; throws a UsageError on a contradiction. */
export function targetFor(options: VerifyOptions): { target: Target; mode: Mode; sessions: readonly string[] } {
  const region = options.region ?? 'us-east-1';
  const sessions = options.sessionIds ?? [];
  if (!options.endpoint) {
    if (options.seeded || sessions.length) throw new UsageError('--seeded and --session-id need --endpoint URL (without it the built-in emulator is verified, seeded)');
    return { target: emulatorTarget({ region, faults: options.faults, rate: options.rate, retry: options.retry }), mode: 'seeded', sessions };
  }
  if (options.faults?.length) throw new UsageError('--fault applies to the built-in emulator only: drop --endpoint, or start `athena-contract serve --fault NAME` and point --endpoint at it');
  if (options.seeded && sessions.length) throw new UsageError('--seeded and --session-id exclude each other: seeded mode makes its own sessions');
  if (!options.seeded && !sessions.length)
    throw new UsageError('--endpoint needs a mode: add --seeded (the endpoint serves PUT/DELETE /_contract/sessions/{id}) or --session-id ID (observational)');
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
  return { target, mode: options.seeded ? 'seeded' : 'observational', sessions };
}

/** The target and the run's shape, wherever they came from. */
type RunSetup = Pick<RunOptions, 'target' | 'mode' | 'sessions'> & { preflight: boolean } & Partial<Pick<RunOptions, 'seed' | 'runs' | 'only' | 'listener'>>;

function checkCombinations(options: VerifyOptions): void {
  const given = (names: [string, unknown][]) => names.filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && !v.length)).map(([n]) => n);
  if (options.replay !== undefined) {
    const clash = given([['--endpoint', options.endpoint], ['--seeded', options.seeded], ['--session-id', options.sessionIds], ['--seed', options.seed], ['--runs', options.runs], ['--fault', options.faults], ['--region', options.region], ['--shard', options.shard], ['--path', options.path], ['--live', options.live], ['--record', options.record], ['--rate', options.rate]]);
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
  const runs = setup.runs ?? options.runs ?? 100;
  options.onStart?.({ ...shapeOf(options, seed), mode: setup.mode, target: setup.target.description, runs });
  turnEventLoop(setup.target);
  if (setup.preflight) await preflight(setup.target, setup.mode, setup.sessions ?? []);
  const redactor = createRedactor({ values: options.record?.redact ?? options.redact, credentials: environmentCredentials() });
  const live = setup.target.kind === 'live' ? { ...(options.live?.workGroup ? { workGroup: options.live.workGroup } : {}), startedByHarness: !options.sessionIds?.length } : undefined;
  const recorder = options.record ? startRecorder({ target: setup.target, seed, mode: setup.mode, runs, sessions: setup.sessions ?? [], live }, redactor) : undefined;
  try {
    const report = await runContract({
      target: setup.target,
      mode: setup.mode,
      sessions: setup.sessions,
      runs,
      seed,
      only: setup.only ?? options.only,
      path: options.path,
      shard: options.shard,
      deadlineMs: options.deadlineMs,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY[setup.target.kind],
      replayCommand: options.replayCommand ?? replayCommandFor(options),
      redactor,
      listeners: [setup.listener, recorder?.listener, options.listener].filter((l): l is RunListener => l !== undefined),
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
  checkCombinations(options);
  if (options.replay !== undefined)
    // Replays skip preflight: its probes are not part of any cassette.
    return withReplay(options.replay, { only: options.only, redact: options.redact }, (replay) => runOn({ ...replay, preflight: false }, options, replay.seed));
  if (options.live)
    return withLiveSession(
      { ...options.live, region: options.region, timeoutMs: options.timeoutMs, rate: options.rate, retry: options.retry, sessionIds: options.sessionIds, deadlineMs: options.deadlineMs, log: options.log ?? (() => undefined) },
      (live) => runOn({ target: live.target, mode: 'observational', sessions: live.sessions, preflight: true, listener: live.listener }, options, seed),
    );
  const { target, mode, sessions } = targetFor(options);
  try {
    return await runOn({ target, mode, sessions, preflight: target.kind !== 'emulator' }, options, seed);
  } finally {
    await target.close();
  }
}
