/**
 * The recorder: listens to a run (every exchange the target makes, and the run it was made in) and
 * turns it into one cassette per property, each exchange redacted the moment it is seen. Runs in
 * flight at once do not interleave: a cassette holds its property's runs in index order, each run's
 * exchanges in the order made, and leaves out runs that did not count (past the failing one).
 */
import type { Mode, RunListener } from '../common/results.js';
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

/** Starts recording every exchange `run.target` makes while a property runs (not preflight's probes). */
export function startRecorder(run: RecordedRun, redactor: Redactor): Recorder {
  const recordedAt = new Date().toISOString();
  const cassettes: Cassette[] = [];
  const runs = new Map<string, Map<ExchangeScope, Exchange[]>>();
  const unsubscribe = run.target.onExchange((e) => {
    const scope = currentScope();
    if (!scope) return;
    const ofProperty = runs.get(scope.property) ?? runs.set(scope.property, new Map()).get(scope.property)!;
    const ofRun = ofProperty.get(scope) ?? ofProperty.set(scope, []).get(scope)!;
    ofRun.push(redactor.exchange(e));
  });
  const exchangesOf = (property: string): Exchange[] =>
    [...(runs.get(property) ?? [])]
      .filter(([scope]) => !scope.discarded)
      .sort(([a], [b]) => a.run - b.run)
      .flatMap(([, exchanges]) => exchanges);
  const header = (property: string, verdict: CassetteHeader['verdict']): CassetteHeader => ({
    property,
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
        if (report.status !== 'skipped') cassettes.push({ cassette: CASSETTE_FORMAT, header: header(report.id, report.status), exchanges: exchangesOf(report.id) });
        runs.delete(report.id);
      },
    },
    async save(dir) {
      unsubscribe();
      return writeRecording(dir, cassettes);
    },
    stop: unsubscribe,
  };
}
