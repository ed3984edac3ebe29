/**
 * The end of `npm run mutation` and of the nightly mutation job: reads Stryker's JSON report, prints
 * the score, the equivalents by kind and every unexplained survivor (and appends them to
 * $GITHUB_STEP_SUMMARY when that is set), and exits 1 when any survivor has no reason.
 * Usage: `tsx src/bench/mutation-check.ts [reports/mutation/mutation.json]`.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { renderMutationSummary, summarizeMutationReport, type MutationReport } from './mutation-report.js';

const file = process.argv[2] ?? 'reports/mutation/mutation.json';
let report: MutationReport;
try {
  report = JSON.parse(readFileSync(file, 'utf8')) as MutationReport;
} catch (e) {
  console.error(`mutation-check: cannot read ${file} (${e instanceof Error ? e.message : String(e)}); run npm run mutation first`);
  process.exit(2);
}
const summary = summarizeMutationReport(report);
const text = renderMutationSummary(summary);
console.log(text);
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, text);
process.exit(summary.unexplained.length === 0 ? 0 : 1);
