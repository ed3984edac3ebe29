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
  /** Random runs (the boundary cases are counted apart, in `boundary`). */
  runs: number;
  /** Boundary cases run: the property's enumerated edge cases, the same for every seed, run before the random runs. */
  boundary: number;
  /** Of those, the cases the target could not be set up for (e.g. a seeding route refusing an item with an empty id): skipped, not failed. */
  boundarySkipped: number;
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
  /** The same request as an `aws athena list-executors ...` command a person can run by hand (curl, for a body the CLI cannot send). */
  awsCli?: string;
  /**
   * A bash script that sends the failing run's requests again (the seeding, every call, each NextToken
   * from the previous answer) and says in comments what the answer should have been.
   */
  reproduce?: string;
  /** fast-check's seed and path of the counterexample. */
  seed: number;
  path: string;
}

/** One property's result. */
export interface PropertyReport {
  /** The law's id, the same for every operation (`ordering.newest-first`); `operation` and `id` together name the property. */
  id: string;
  /**
   * The operation whose law it is (`ListSessions`). Always set by the runner; absent in reports
   * written before a run could check several operations (those checked ListExecutors).
   */
  operation?: string;
  law: string;
  status: PropertyStatus;
  /** Runs executed (for a failure: up to and including the first failing one, before shrinking). */
  runs: number;
  /**
   * Boundary cases run before the random runs (for a failure: up to and including the first failing
   * one). Always set by the runner; absent in reports written before the boundary phase existed.
   */
  boundary?: number;
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
  /** What the runs exercised, item by item (absent in reports of older versions). */
  coverage?: Coverage;
  /** The calls the property made (seeding and shrinking included) and how long the target took to answer them. */
  latency?: Latency;
  /** The list calls the property made (shrink steps included, seeding not): what the call budget (`--max-calls`) counts. Absent in reports of older versions. */
  calls?: number;
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
  /**
   * The operations checked, in the family's order (`["ListExecutors"]` by default). Always set by the
   * runner; absent in reports written before a run could check several (those checked ListExecutors).
   */
  operations?: string[];
  properties: PropertyReport[];
  /** Run-level warnings, e.g. that some passes were vacuous. */
  warnings: Warning[];
  /**
   * What the whole run exercised: every property's coverage merged (absent in reports of older
   * versions). With several operations, their counts together: `coverageByOperation` has each apart.
   */
  coverage?: Coverage;
  /** With several operations: each one's coverage, its properties' merged, by operation name. */
  coverageByOperation?: Record<string, Coverage>;
  summary: { passed: number; failed: number; skipped: number; inconclusive: number };
  /** Set when the run could not be carried out (exit 2): the one line that says why. */
  error?: { message: string };
  /** Set when a signal stopped the run: the report holds what ran until then. */
  interrupted?: { signal: 'SIGINT' | 'SIGTERM' };
  /** Set when the run was one shard of several (`--shard i/n`). */
  shard?: { index: number; count: number };
  startedAt: string;
  durationMs: number;
  /** Set by live runs (`verify --live`): the session, the calculation that grew it, the DPUs it used. */
  live?: LiveReport;
  /** The calls of every property together (preflight's aside), and how long the target took to answer them. */
  latency?: Latency;
}

/** What the runner tells its listeners while it works. */
export interface RunListener {
  /** Property `id` of `operation` (ListExecutors' when absent) starts, the `index`th of `total`. */
  propertyStart?(id: string, index: number, total: number, operation?: string): void;
  /** One more run of property `id` of `operation` is done. */
  runDone?(id: string, runsDone: number, runsPlanned: number, operation?: string): void;
  propertyEnd?(report: PropertyReport): void;
}

/** One failure to replay. */
export interface ReplayTarget {
  id: string;
  /** The property's operation: ListExecutors when absent. */
  operation?: string;
  seed: number;
  path: string;
}

/** Renders the replay command of a failure. */
export type ReplayCommand = (failure: ReplayTarget) => string;

/** What a warning is about: reports and tools key on the kind, never on the wording. */
export type WarningKind = 'vacuous' | 'interrupted' | 'shrink-budget' | 'unused-recording' | 'flaky' | 'retried' | 'tolerated' | 'boundary-skipped'
  /** Coverage shows part of a property's law untested: no second page, a filter that never matched, every call failing for another reason. */
  | 'untested'
  /** The target moved during the run (items came, went or changed state between walks): cross-walk conclusions were limited to what held still. A note, never a failure. */
  | 'moving'
  /** The call budget (`--max-calls`) stopped a property before all its runs: those runs were left untested. */
  | 'budget';

/** A warning: a pass that may mean less than it says, or a run that did less than was asked. */
export interface Warning {
  kind: WarningKind;
  message: string;
}

/** A Spark session of a live run, as the report names it. */
export interface LiveSessionReport {
  sessionId: string;
  startedByHarness: boolean;
  /** The state last read: TERMINATED for a session the harness started and ended. */
  finalState: string;
  /** The session's DPU usage as Athena reports it (GetSession Statistics.DpuExecutionInMillis), read last. */
  dpuExecutionInMillis?: number;
  /** The SessionIdleTimeoutInMinutes the harness started it with. */
  idleTimeoutMinutes?: number;
}

/** The calculation a live run started so that its session lists executors besides the coordinator. */
export interface LiveCalculationReport {
  calculationId: string;
  /** The state last read (CANCELED after the harness stopped it, COMPLETED when it ended by itself first). */
  finalState: string;
  /** Executors besides the coordinator the run waited for (`--min-executors`). */
  minExecutors: number;
  /** Whether the session listed that many before the catalogue started. */
  reached: boolean;
  /** Executors besides the coordinator: the most listed at once not yet ended, and how many distinct ones were seen. */
  executors: { peak: number; distinct: number };
}

/** What a live run adds to the report (`live`): where it ran, its session(s), the calculation, the bill. */
export interface LiveReport {
  endpoint: string;
  region: string;
  workGroup?: string;
  sessions: LiveSessionReport[];
  /** MaxConcurrentDpus of a session the harness started (`--max-dpus`). */
  maxDpus?: number;
  /** The growth calculation, when the run started one. */
  calculation?: LiveCalculationReport;
}

/** How often something was tried, and what the target answered (`200`, `400 InvalidRequestException`, `no answer`) how often. */
export interface CoverageTally {
  tried: number;
  answers: Record<string, number>;
}

/** The buckets of the MaxResults values that started a listing: the bounds, none, and the rest. */
export type MaxResultsBucket = '1' | '100' | 'absent' | 'other';

/** The buckets of seeded population sizes: empty, one, up to a full page, more than the largest page. */
export type PopulationBucket = '0' | '1' | '2-100' | '101+';

/**
 * Kinds of NextToken a request carried, told apart by what the run's answers issued: a walk's own
 * (`issued`), another session's (`foreign`), the same session's with another filter (`other-filter`),
 * one near an issued token (`tampered`: cut, extended, a few characters changed), none of these
 * (`garbage`), and the empty string (`empty`).
 */
export type TokenKind = 'issued' | 'foreign' | 'other-filter' | 'tampered' | 'garbage' | 'empty';

/**
 * What a property's runs (or a whole run) exercised, as counts. Pinned for outside tools:
 * `walks.total`, `walks.multiPage`, and `constraints["<Member>/<keyword>"].tried` for every constraint
 * of the request schema (present with 0 when untried).
 */
export interface Coverage {
  /** The operation whose calls are counted; absent in reports of older versions (ListExecutors) and in a merge of several operations. */
  operation?: string;
  /** Every ListExecutors call, by answer. */
  answers: Record<string, number>;
  /** Answers (200) that carried a NextToken: a second page to ask for. */
  tokensIssued: number;
  /** Walks made; those with two pages or more; the most pages of one; those that completed. */
  walks: { total: number; multiPage: number; longest: number; complete: number };
  /** Listings started (valid requests without NextToken), by MaxResults. */
  maxResults: Record<MaxResultsBucket, number>;
  /** Per ExecutorState value: the walks filtered by it and the executors they listed. */
  filters: Record<string, { walks: number; matched: number }>;
  /** Sessions seeded, by size, and the largest. */
  populations: { seeded: number; sizes: Record<PopulationBucket, number>; largest: number };
  /** Page boundaries where the last executor of a page and the first of the next share an ordering key. */
  ties: number;
  /** Executors listed by walks, and how many of them lacked each optional member (null counts as absent). */
  executors: { listed: number; lacking: Record<string, number> };
  /** Every constraint of the request schema, `<Member>/<keyword>`: requests that broke it, by answer. */
  constraints: Record<string, CoverageTally>;
  /** Requests carrying a NextToken, by kind. */
  tokens: Record<TokenKind, CoverageTally>;
  /** Walks during which the session was seeded again with more executors, and how many more in all. */
  inserted: { walks: number; executors: number };
  /**
   * Observational runs: items that came, went or changed state between complete unfiltered walks of
   * one parent (with the same page size), each change counted once; all 0 when the target held still.
   * Absent in reports of older versions.
   */
  moving?: { came: number; went: number; changed: number };
  /**
   * Observational runs over parents too large to walk whole at a small page size: the walks sampled
   * instead (a reference walk at the largest page size, short walks resumed from its tokens) and the
   * page boundaries their short walks tested. Absent when nothing was sampled.
   */
  sampled?: { walks: number; boundaries: number };
  /**
   * Observational `pagination.exactly-once`: its boundary sweep, by parent: the items the sweep's
   * basis (a walk at the largest page size) listed, so `listed - 1` page boundaries to test (the
   * largest a part saw, when parts are merged); the page boundaries its walks tested; and the sweep's
   * walks whose target refused a token issued under another page size (legal: a whole walk at the
   * smallest page size tests the boundaries instead). Absent when nothing was swept.
   */
  sweep?: Record<string, { listed: number; tested: number; refused: number }>;
}
