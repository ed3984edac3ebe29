/**
 * Reading Stryker's JSON report (the mutation-testing-report-schema of `npm run mutation`): the score,
 * the mutants marked equivalent counted by the kind of reason they give, and every survivor that has
 * no reason, which is what makes the nightly mutation job red. Pure: the report in, a summary out.
 */
import { LIST_EXECUTORS } from '../profiles/index.js';

/** The operation whose tolerance list the kinds quote (its item, ordering key and token). */
const P = LIST_EXECUTORS;

/** One mutant as the report schema has it (only the members read here). */
export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
  location: { start: { line: number; column: number } };
}

/** The report as the schema has it (only the members read here). */
export interface MutationReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

/**
 * The kinds of reason a `// Stryker disable next-line <Mutator>: <kind>: <why>` comment may give, each
 * naming the rule of the contract (README, "The property catalogue" and its tolerance list) or of
 * the code that makes the mutant equivalent. A reason must start with one of these kinds.
 */
export const EQUIVALENCE_KINDS = {
  'message wording': 'an error Message must be there and not empty; its words are not part of the contract',
  'tie order': `the tolerance list: any order among ${P.itemNoun}s with equal ${P.orderKey.path.join('.')}`,
  'default page size': 'the tolerance list: any default page size',
  'unknown session': 'the tolerance list: ResourceNotFoundException or InvalidRequestException for an unknown session',
  'empty token': `the tolerance list: an empty ${P.token} read as "start" or rejected (the harness never sends one)`,
  'token binding': 'the tolerance list: a token bound to its filter or not',
  'tampered token': 'the tolerance list: a tampered token answered 200 with the session\'s own executors',
  'opaque token': `a ${P.token} is opaque: a client passes it back unchanged and never reads it`,
  'memo': 'a cache of a pure computation: a miss computes the same answer again',
  'same answer': 'the mutated code computes the same value on every input it can receive (the reason says why)',
} as const;

/** A kind of reason, as a disable comment's reason starts. */
export type EquivalenceKind = keyof typeof EQUIVALENCE_KINDS;

/** The kind a reason starts with (`<kind>: ...`), or undefined when it names none of EQUIVALENCE_KINDS. */
export function kindOf(reason: string | undefined): EquivalenceKind | undefined {
  const head = reason?.split(':')[0].trim().toLowerCase();
  return head !== undefined && Object.hasOwn(EQUIVALENCE_KINDS, head) ? (head as EquivalenceKind) : undefined;
}

/** A survivor as reported: where it stands and what it changed. */
export interface Survivor {
  where: string;
  mutator: string;
  replacement: string;
  status: string;
}

/** What a report says: counts by status, the score over the mutants not marked, equivalents by kind, survivors. */
export interface MutationSummary {
  total: number;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  errors: number;
  /** Marked equivalent, by kind of reason; reasons of no known kind count under "unexplained". */
  equivalent: Record<string, number>;
  /** Killed or timed out, over killed, timed out, survived and not covered, in percent. */
  score: number;
  /** Survived or not covered, and marked mutants whose reason names no kind: what must be fixed. */
  unexplained: Survivor[];
}

function survivorOf(path: string, m: ReportMutant): Survivor {
  return { where: `${path}:${m.location.start.line}:${m.location.start.column}`, mutator: m.mutatorName, replacement: m.replacement ?? '', status: m.status };
}

/** The summary of a Stryker JSON report. */
export function summarizeMutationReport(report: MutationReport): MutationSummary {
  const s: MutationSummary = { total: 0, killed: 0, timedOut: 0, survived: 0, noCoverage: 0, errors: 0, equivalent: {}, score: 0, unexplained: [] };
  for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const m of file.mutants) {
      s.total++;
      if (m.status === 'Killed') s.killed++;
      else if (m.status === 'Timeout') s.timedOut++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        if (m.status === 'Survived') s.survived++;
        else s.noCoverage++;
        s.unexplained.push(survivorOf(path, m));
      } else if (m.status === 'Ignored') {
        const kind = kindOf(m.statusReason) ?? 'unexplained';
        s.equivalent[kind] = (s.equivalent[kind] ?? 0) + 1;
        if (kind === 'unexplained') s.unexplained.push(survivorOf(path, m));
      } else s.errors++;
    }
  }
  const detected = s.killed + s.timedOut;
  const valid = detected + s.survived + s.noCoverage;
  s.score = valid === 0 ? 100 : (100 * detected) / valid;
  return s;
}

/** The summary as Markdown: the figures, the equivalents by kind, and each unexplained survivor. */
export function renderMutationSummary(s: MutationSummary): string {
  const marked = Object.values(s.equivalent).reduce((a, b) => a + b, 0);
  const lines = [
    `## Mutation score: ${s.score.toFixed(2)}%`,
    '',
    `${s.total} mutants: ${s.killed} killed, ${s.timedOut} timed out (killed), ${s.survived} survived, ${s.noCoverage} not covered, ${marked} marked equivalent, ${s.errors} compile or runtime errors.`,
    '',
    '| equivalent, by kind of reason | mutants |',
    '| --- | ---: |',
    ...Object.entries(s.equivalent).sort(([, a], [, b]) => b - a).map(([kind, n]) => `| ${kind} | ${n} |`),
    '',
    s.unexplained.length === 0 ? 'Unexplained survivors: none.' : `Unexplained survivors: ${s.unexplained.length}`,
    ...s.unexplained.map((u) => `- ${u.where} ${u.mutator} (${u.status}): \`${u.replacement.replace(/\s+/g, ' ').slice(0, 120)}\``),
  ];
  return `${lines.join('\n')}\n`;
}
