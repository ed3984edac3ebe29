/**
 * The recorder: listens to a run (which property is running, every exchange the target makes) and
 * turns it into one cassette per property, each exchange redacted the moment it is seen.
 */
import type { Mode, RunListener } from '../common/results.js';
import type { Exchange } from '../wire/exchange.js';
import type { Target } from '../targets/target.js';
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
  let current: Exchange[] | undefined;
  const unsubscribe = run.target.onExchange((e) => current?.push(redactor.exchange(e)));
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
      propertyStart() {
        current = [];
      },
      propertyEnd(report) {
        // A skipped property made no exchange: its cassette would replay nothing.
        if (report.status !== 'skipped' && current) cassettes.push({ cassette: CASSETTE_FORMAT, header: header(report.id, report.status), exchanges: current });
        current = undefined;
      },
    },
    async save(dir) {
      unsubscribe();
      return writeRecording(dir, cassettes);
    },
    stop: unsubscribe,
  };
}
