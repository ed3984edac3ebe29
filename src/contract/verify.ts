/**
 * `verify(options)`: the programmatic form of `athena-contract verify`. It builds the target, checks
 * that it can be tested, runs the catalogue and resolves to the same report that `--json` writes.
 */
import type { FaultName } from '../emulator/index.js';
import { emulatorTarget } from '../targets/emulator-target.js';
import { endpointTarget } from '../targets/endpoint-target.js';
import type { Target } from '../targets/target.js';
import type { PropertyId } from './catalogue.js';
import type { Mode } from './context.js';
import { UsageError } from './errors.js';
import { preflight } from './preflight.js';
import type { Report } from './report.js';
import { runContract, type RunListener } from './runner.js';
import { freshSeed } from './seeds.js';

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
  /** Milliseconds the whole run may take. @defaultValue 600000 */
  deadlineMs?: number;
  shard?: { index: number; count: number };
  /** How the report's replay commands start (the CLI passes its own command line). */
  replayCommand?: string;
  listener?: RunListener;
}

function hasEnvCredentials(): boolean {
  return !!process.env.AWS_ACCESS_KEY_ID && !!process.env.AWS_SECRET_ACCESS_KEY;
}

/** Builds the target and mode that `options` describe; throws a UsageError on a contradiction. */
export function targetFor(options: VerifyOptions): { target: Target; mode: Mode; sessions: readonly string[] } {
  const region = options.region ?? 'us-east-1';
  const sessions = options.sessionIds ?? [];
  if (!options.endpoint) {
    if (options.seeded || sessions.length) throw new UsageError('--seeded and --session-id need --endpoint URL (without it the built-in emulator is verified, seeded)');
    return { target: emulatorTarget({ region, faults: options.faults }), mode: 'seeded', sessions };
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
    // With no credentials in the environment, dummy ones: emulators do not check signatures.
    credentials: hasEnvCredentials() ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, sessionToken: process.env.AWS_SESSION_TOKEN } : undefined,
  });
  return { target, mode: options.seeded ? 'seeded' : 'observational', sessions };
}

/** Verifies a target against the catalogue and resolves to the report. Throws UsageError or TargetError (exit 2). */
export async function verify(options: VerifyOptions = {}): Promise<Report> {
  if (options.path !== undefined && (options.only?.length !== 1 || options.seed === undefined))
    throw new UsageError('--path replays one counterexample: give it with --only ID (one property) and the --seed it was found with');
  const { target, mode, sessions } = targetFor(options);
  try {
    if (target.kind !== 'emulator') await preflight(target, mode, sessions);
    return await runContract({
      target,
      mode,
      sessions,
      runs: options.runs,
      seed: options.seed ?? freshSeed(),
      only: options.only,
      path: options.path,
      shard: options.shard,
      deadlineMs: options.deadlineMs,
      replayCommand: options.replayCommand,
      listener: options.listener,
    });
  } finally {
    await target.close();
  }
}
