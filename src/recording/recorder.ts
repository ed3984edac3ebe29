/**
 * The recorder: listens to a run (every exchange the target makes, and the run it was made in) and
 * turns it into one cassette per property and operation, each exchange redacted the moment it is
 * seen. Runs in flight at once do not interleave: a cassette holds its property's runs in index
 * order, each run's exchanges in the order made, and leaves out runs that did not count (past the
 * failing one). A run's operation is the one its calls name in `X-Amz-Target` (a run of a family's
 * law calls only its own operation, besides the seeding routes), so that the runs of one law id
 * checked on several operations go to each operation's cassette.
 */
import type { Mode, PropertyReport, RunListener } from '../common/results.js';
import { FAMILY } from '../profiles/index.js';
import type { Exchange } from '../wire/exchange.js';
import type { Target } from '../targets/target.js';
import { currentScope, type ExchangeScope } from '../targets/exchange-scope.js';
import { CASSETTE_FORMAT, writeRecording, type Cassette, type CassetteHeader } from './cassette.js';
import type { Redactor } from '../wire/redact.js';
import { harnessVersion, sdkVersion } from './versions.js';

/** What the header says about the run besides the property. */
export interface RecordedRun {
  target: Target;
  seed: number;
  mode: Mode;
  runs: number;
  sessions: readonly string[];
  live?: CassetteHeader['live'];
  /** The operation of the runs whose calls do not say it (none reached the target). @defaultValue ListExecutors */
  operation?: string;
}

/** The operation an exchange calls, when it is a call of the family (not a seeding route). */
function operationCalled(exchange: Exchange): string | undefined {
  const target = exchange.request.headers['x-amz-target'];
  return FAMILY.find((p) => p.amzTarget === target)?.operation;
}

/** The exchanges of one run, and the operation its calls named. */
interface RunRecord {
  operation?: string;
  exchanges: Exchange[];
}

/** A recorder attached to a target. */
export interface Recorder {
  /** Tells the recorder which property the exchanges belong to. */
  readonly listener: RunListener;
  /** Stops listening and writes the cassettes of the properties that ran into `dir`. */
  save(dir: string): Promise<string[]>;
  /** Stops listening without writing. */
  stop(): void;
}

/** The runs of a run's properties, per property id, per run. */
type Runs = Map<string, Map<ExchangeScope, RunRecord>>;

/** The property's counted runs, per operation (`fallback` for runs that called none), each operation's runs in index order. */
function exchangesOf(runs: Runs, property: string, fallback: string): Map<string, Exchange[]> {
  const byOperation = new Map<string, Exchange[]>();
  const counted = [...(runs.get(property) ?? [])].filter(([scope]) => !scope.discarded).sort(([a], [b]) => a.run - b.run);
  for (const [, record] of counted) {
    const operation = record.operation ?? fallback;
    byOperation.set(operation, [...(byOperation.get(operation) ?? []), ...record.exchanges]);
  }
  return byOperation;
}

/**
 * Takes the runs of a property that ended out of `runs`, per operation: those of the operation its
 * report names (the others stay for their own reports), or of every operation when it names none.
 * A property that made no call still gets its (empty) set, under the operation it names or `fallback`.
 */
function takeRuns(runs: Runs, report: PropertyReport, fallback: string): Map<string, Exchange[]> {
  const named = (report as PropertyReport & { operation?: string }).operation;
  const recorded = exchangesOf(runs, report.id, fallback);
  const own = named ?? (recorded.size ? undefined : fallback);
  if (own !== undefined) recorded.set(own, recorded.get(own) ?? []);
  if (named !== undefined) for (const operation of recorded.keys()) if (operation !== named) recorded.delete(operation);
  const left = runs.get(report.id);
  for (const [scope, record] of left ?? []) if (named === undefined || (record.operation ?? fallback) === named) left?.delete(scope);
  if (!left?.size) runs.delete(report.id);
  return recorded;
}

/** Starts recording every exchange `run.target` makes while a property runs (not preflight's probes). */
export function startRecorder(run: RecordedRun, redactor: Redactor): Recorder {
  const recordedAt = new Date().toISOString();
  const cassettes: Cassette[] = [];
  const runs: Runs = new Map();
  const unsubscribe = run.target.onExchange((e) => {
    const scope = currentScope();
    if (!scope) return;
    const ofProperty = runs.get(scope.property) ?? runs.set(scope.property, new Map()).get(scope.property)!;
    const ofRun = ofProperty.get(scope) ?? ofProperty.set(scope, { exchanges: [] }).get(scope)!;
    ofRun.operation ??= operationCalled(e);
    ofRun.exchanges.push(redactor.exchange(e));
  });
  const fallback = run.operation ?? 'ListExecutors';
  const header = (property: string, operation: string, verdict: CassetteHeader['verdict']): CassetteHeader => ({
    property,
    operation,
    target: { kind: run.target.kind, description: redactor.text(run.target.description), endpoint: redactor.text(run.target.endpoint) },
    recordedAt,
    harnessVersion: harnessVersion(),
    sdkVersion: sdkVersion(),
    region: run.target.region,
    seed: run.seed,
    mode: run.mode,
    runs: run.runs,
    sessions: run.sessions.map(redactor.text),
    verdict,
    ...(run.live ? { live: run.live } : {}),
  });
  return {
    listener: {
      propertyEnd(report) {
        // A skipped property made no exchange: its cassette would replay nothing.
        if (report.status === 'skipped') return void runs.delete(report.id);
        for (const [operation, exchanges] of takeRuns(runs, report, fallback)) cassettes.push({ cassette: CASSETTE_FORMAT, header: header(report.id, operation, report.status), exchanges });
      },
    },
    async save(dir) {
      unsubscribe();
      return writeRecording(dir, cassettes);
    },
    stop: unsubscribe,
  };
}
