/**
 * `verify --replay DIR`: opens a recording, checks that its cassettes belong to one run, serves them
 * through a {@link replayTarget}, and turns what the book saw into the report's `replay` member (or,
 * when a request found no recorded twin, into one clear error).
 */
import type { Mode, Report, RunListener, Warning } from '../common/results.js';
import { TargetError, UsageError } from '../common/errors.js';
import { replayTarget } from './replay-target.js';
import type { Target } from '../targets/target.js';
import { cassetteKey, cassettePath, operationOf, readRecording, type Cassette, type CassetteHeader, type Recording } from './cassette.js';
import { FAMILY, type OperationProfile } from '../profiles/index.js';
import { createRedactor } from '../wire/redact.js';
import { ReplayBook, type UnusedExchanges } from './replay-book.js';

/** What a replay adds to the report. */
export interface ReplaySummary {
  dir: string;
  recordedFrom: string;
  recordedAt: string;
  /** Recorded exchanges, and how many the replay asked for. */
  recorded: number;
  served: number;
  /** Recorded exchanges no request asked for: the recording outgrew its checks. */
  unused: UnusedExchanges[];
}

/** The stale-cassette error: names the first unmatched request and the nearest recorded one. */
export class ReplayMismatchError extends TargetError {
  override name = 'ReplayMismatchError';
}

/** What the run on a replay needs. */
export interface ReplayRun {
  target: Target;
  mode: Mode;
  sessions: readonly string[];
  seed: number;
  runs: number;
  only: string[];
  listener: RunListener;
  /** The operations the recording holds cassettes of, in the family's order. */
  operations: OperationProfile[];
  /** The one operation the recording holds, when it holds one: what a run of one operation reads. */
  profile?: OperationProfile;
}

const SAME_RUN: readonly (keyof CassetteHeader)[] = ['seed', 'mode', 'runs', 'region', 'sessions', 'target'];

/** The cassettes `only` names (a law id, on every operation recorded, or `Operation/id`), their ids, and the operations they are of. */
function selection(recording: Recording, dir: string, names: readonly string[] | undefined): { cassettes: Cassette[]; only: string[]; operations: OperationProfile[] } {
  const chosen = (c: Cassette) => !names || names.some((o) => o === c.header.property || o === `${operationOf(c.header)}/${c.header.property}`);
  const cassettes = recording.cassettes.filter(chosen);
  if (!cassettes.length) throw new UsageError(`--only: ${dir} holds no cassette of ${names?.join(', ')}; it holds ${recording.cassettes.map((c) => cassetteKey(operationOf(c.header), c.header.property)).join(', ')}`);
  const operations = FAMILY.filter((p) => cassettes.some((c) => operationOf(c.header) === p.operation));
  return { cassettes, only: [...new Set(cassettes.map((c) => c.header.property))], operations };
}

/** Replays `dir` (only the properties in `only`, when given) through `run`, and adds the replay summary. */
export async function withReplay<R extends Pick<Report, 'warnings'>>(
  dir: string,
  options: { only?: readonly string[]; redact?: readonly string[] },
  run: (replay: ReplayRun) => Promise<R>,
): Promise<R & { replay: ReplaySummary }> {
  const recording = await readRecording(dir, '--replay');
  const first = recording.cassettes[0].header;
  for (const c of recording.cassettes)
    for (const field of SAME_RUN)
      if (JSON.stringify(c.header[field]) !== JSON.stringify(first[field]))
        throw new UsageError(`--replay: ${dir} mixes runs (${cassettePath(c.header)} has another ${field} than ${cassettePath(first)}); record the directory again in one run`);
  const { cassettes, only, operations } = selection(recording, dir, options.only);
  const selected = { dir, cassettes };
  const book = new ReplayBook(selected, createRedactor({ values: options.redact }));
  const target = replayTarget(book, first, dir);
  let report: R;
  try {
    report = await run({
      target,
      mode: first.mode,
      sessions: first.sessions,
      seed: first.seed,
      runs: first.runs,
      only,
      listener: { propertyStart: (id) => book.begin(id) },
      operations,
      ...(operations.length === 1 ? { profile: operations[0] } : {}),
    });
  } catch (e) {
    // A stale cassette can surface as a seeding or transport failure: the mismatch is the real cause.
    if (book.mismatch) throw new ReplayMismatchError(`--replay ${dir}: ${book.mismatch}; re-record it with verify --record`);
    throw e;
  } finally {
    await target.close();
  }
  if (book.mismatch) throw new ReplayMismatchError(`--replay ${dir}: ${book.mismatch}; re-record it with verify --record`);
  const unused = book.unused();
  const warnings: Warning[] = unused.length
    ? [{ kind: 'unused-recording', message: `${unused.reduce((n, u) => n + u.count, 0)} recorded exchanges were never requested (${unused.map((u) => `${u.property}: ${u.count}`).join(', ')}): the recording outgrew its checks; re-record it` }]
    : [];
  return {
    ...report,
    warnings: [...report.warnings, ...warnings],
    replay: { dir, recordedFrom: first.target.description, recordedAt: first.recordedAt, ...book.counts(), unused },
  };
}
