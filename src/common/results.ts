/**
 * The results of a contract run as data, and the events that announce them: what `--json` writes,
 * what `verify()` resolves to, what every reporter renders. A leaf module: types only, so that every
 * layer (contract, recording, live, the CLI) can speak of results without importing the runner.
 */
import type { Exchange } from '../wire/exchange.js';

/** Seeded: the harness controls the population. Observational: it reads sessions it does not control. */
export type Mode = 'seeded' | 'observational';

/** Counters across all runs of one property, to warn when its checks tested nothing. */
export interface CheckStats {
  /** Executors seen in successful pages. */
  executorsSeen: number;
  /** Calls answered 200. */
  okCalls: number;
  /** Calls answered with an error or not at all. */
  errorCalls: number;
  /** Runs whose check could not apply (e.g. no token could be obtained). */
  vacuousRuns: number;
  runs: number;
  /** Calls sent again because the target throttled (or answered a transient 5xx): not contract answers. */
  retries: number;
  /** Runs whose 5xx to a valid request went away when sent once more: recorded as flaky, not failed. */
  flaky: number;
  /** Well-formed errors named by a body `code`, not `__type`: the protocol allows it, real Athena does not do it. */
  errorNamedByCode: number;
  /** Well-formed errors named by the `X-Amzn-Errortype` header, not `__type`: likewise tolerated, with a warning. */
  errorNamedByHeader: number;
}

/** A property's verdict: inconclusive when its runs could reach none (throttled past the retry budget, no run before the deadline). */
export type PropertyStatus = 'passed' | 'failed' | 'skipped' | 'inconclusive';

/** The shrunk scenario that broke a law, with the answer that broke it and how to replay it. */
export interface Counterexample {
  /** What was expected and what came, in one line. */
  message: string;
  /** The minimal scenario (population, request) after shrinking. */
  scenario: unknown;
  /** The exchanges of the failing run, in order. */
  exchanges: Exchange[];
  /** Index in `exchanges` of the ListExecutors exchange that broke the law (the last one made). */
  failingExchange: number | null;
  /** The same request as an `aws athena list-executors ...` command a person can run by hand. */
  awsCli?: string;
  /** fast-check's seed and path of the counterexample. */
  seed: number;
  path: string;
}

/** One property's result. */
export interface PropertyReport {
  id: string;
  law: string;
  status: PropertyStatus;
  /** Runs executed (for a failure: up to and including the first failing one, before shrinking). */
  runs: number;
  durationMs: number;
  counterexample: Counterexample | null;
  /** The command that replays the counterexample, or null. */
  replay: string | null;
  /** Why the property was skipped, or why its runs reached no verdict (inconclusive). */
  reason?: string;
  /** Why a pass may mean less than it says (e.g. every walk was empty), or why a failure is not the smallest. */
  warnings: Warning[];
  /** What the runs actually exercised: the ground for the vacuity warnings. */
  checks: CheckStats;
  /** The calls the property made (seeding and shrinking included) and how long the target took to answer them. */
  latency?: Latency;
}

/** Calls made and the time the target took to answer them: where a run's time goes. */
export interface Latency {
  calls: number;
  /** Mean milliseconds from request sent to answer received (0 without calls). */
  meanMs: number;
  /** 95th percentile of the same (nearest rank; 0 without calls). */
  p95Ms: number;
}

/** The whole run's report (the `--json` shape). */
export interface Report {
  mode: Mode;
  /** The target: `built-in emulator (in process)` or the endpoint URL. */
  target: string;
  seed: number;
  /** Runs per property asked for. */
  runs: number;
  properties: PropertyReport[];
  /** Run-level warnings, e.g. that some passes were vacuous. */
  warnings: Warning[];
  summary: { passed: number; failed: number; skipped: number; inconclusive: number };
  /** Set when the run could not be carried out (exit 2): the one line that says why. */
  error?: { message: string };
  /** Set when a signal stopped the run: the report holds what ran until then. */
  interrupted?: { signal: 'SIGINT' | 'SIGTERM' };
  /** Set when the run was one shard of several (`--shard i/n`). */
  shard?: { index: number; count: number };
  startedAt: string;
  durationMs: number;
  /** The calls of every property together (preflight's aside), and how long the target took to answer them. */
  latency?: Latency;
}

/** What the runner tells its listeners while it works. */
export interface RunListener {
  propertyStart?(id: string, index: number, total: number): void;
  runDone?(id: string, runsDone: number, runsPlanned: number): void;
  propertyEnd?(report: PropertyReport): void;
}

/** One failure to replay. */
export interface ReplayTarget {
  id: string;
  seed: number;
  path: string;
}

/** Renders the replay command of a failure. */
export type ReplayCommand = (failure: ReplayTarget) => string;

/** What a warning is about: reports and tools key on the kind, never on the wording. */
export type WarningKind = 'vacuous' | 'interrupted' | 'shrink-budget' | 'unused-recording' | 'flaky' | 'retried' | 'tolerated';

/** A warning: a pass that may mean less than it says, or a run that did less than was asked. */
export interface Warning {
  kind: WarningKind;
  message: string;
}
