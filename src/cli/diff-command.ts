/**
 * `athena-contract diff OLD NEW`: compares two recordings at the contract level and prints the drift.
 * Exit 0 when there is none, 1 on drift, 2 on usage errors (the nightly job keys on these).
 */
import { UsageError } from '../common/errors.js';
import { readRecording } from '../recording/cassette.js';
import { contractFacts } from '../recording/contract-facts.js';
import { drift } from '../recording/drift.js';
import { helpText, parseOptions, type OptionTable } from './args.js';
import { writeReport } from './report-files.js';
import { checkReportPaths } from './report-paths.js';

/** The options of `diff`, as data. */
const DIFF_OPTIONS = {
  json: { type: 'string', value: 'FILE', description: 'also write the comparison as JSON ({"old", "new", "drift": [lines], "info": [lines]})' },
  help: { type: 'boolean', short: 'h', description: 'print this help' },
} satisfies OptionTable;

/** Runs `athena-contract diff` and resolves to its exit code. */
export async function diffCommand(argv: readonly string[], io: { out(text: string): void }): Promise<number> {
  const { values, positionals } = parseOptions('diff', DIFF_OPTIONS, argv, true);
  if (values.help) {
    io.out(helpText('athena-contract diff OLD NEW [--json FILE]   (OLD and NEW: directories written by verify --record)', DIFF_OPTIONS));
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(`diff: expected two recording directories, OLD and NEW, got ${positionals.length}; e.g. athena-contract diff recordings/builtin-emulator reports/my-emulator`);
  await checkReportPaths({ '--json': values.json });
  const [oldDir, newDir] = positionals;
  const [old, next] = await Promise.all([readRecording(oldDir, 'diff OLD'), readRecording(newDir, 'diff NEW')]);
  const report = drift(contractFacts(old), contractFacts(next));
  const describe = (r: typeof old) => `${r.dir} (${r.cassettes[0].header.target.description}, ${r.cassettes[0].header.recordedAt.slice(0, 10)})`;
  const indented = (lines: readonly string[]) => lines.map((l) => `  ${l}\n`).join('');
  if (report.drift.length) io.out(`drift from ${describe(old)} to ${describe(next)}:\n${indented(report.drift)}`);
  else io.out(`no drift from ${describe(old)} to ${describe(next)} (${old.cassettes.length} and ${next.cassettes.length} cassettes)\n`);
  if (report.info.length) io.out(`information (data, not drift):\n${indented(report.info)}`);
  if (values.json) await writeReport(values.json, `${JSON.stringify({ old: oldDir, new: newDir, drift: report.drift, info: report.info }, null, 2)}\n`);
  return report.drift.length ? 1 : 0;
}
