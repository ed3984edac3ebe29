/**
 * `athena-contract merge-reports DIR...`: joins the shards' JSON reports into one report, printed as
 * a summary and written as JSON, JUnit or Markdown on request, once they are known to be each shard
 * of one run exactly once. Exit 0 when nothing failed, 1 when something did, 2 when the shards do
 * not make one whole run (missing, doubled, of other runs, or ended early).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../common/errors.js';
import { mergeReports } from '../contract/report/shard-merge.js';
import { exitCodeOf } from '../contract/report/summary.js';
import type { Report } from '../common/results.js';
import { consoleReporter } from '../contract/report/formats/console.js';
import { helpText, parseOptions, type OptionTable } from './args.js';
import { checkReportFiles, writeReports } from './report-files.js';

const MERGE_OPTIONS = {
  json: { type: 'string', value: 'FILE', description: 'write the merged report as JSON' },
  junit: { type: 'string', value: 'FILE', description: 'write the merged report as JUnit XML' },
  markdown: { type: 'string', value: 'FILE', description: 'write the merged report as Markdown' },
  help: { type: 'boolean', short: 'h', description: 'print this help' },
} satisfies OptionTable;

async function reportFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`merge-reports: ${path} does not exist; give the directories (or files) that verify --json wrote`);
  if (info.isFile()) return [path];
  return (await readdir(path)).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
}

async function readReport(file: string): Promise<Report> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`merge-reports: ${file} is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const r = parsed as Partial<Report>;
  if (!r || typeof r.seed !== 'number' || !Array.isArray(r.properties) || typeof r.mode !== 'string')
    throw new UsageError(`merge-reports: ${file} is not a report of verify --json (no seed, mode or properties)`);
  return r as Report;
}

/** Runs `merge-reports` and resolves to its exit code. */
export async function mergeCommand(argv: readonly string[], io: { out(text: string): void }): Promise<number> {
  const { values, positionals } = parseOptions('merge-reports', MERGE_OPTIONS, argv, true);
  if (values.help) {
    io.out(helpText('athena-contract merge-reports DIR... [--json FILE] [--junit FILE] [--markdown FILE]', MERGE_OPTIONS));
    return 0;
  }
  if (!positionals.length) throw new UsageError('merge-reports: give the directories (or files) of the shards\' JSON reports');
  const outputs = { json: values.json, junit: values.junit, markdown: values.markdown };
  await checkReportFiles(outputs);
  const files = (await Promise.all(positionals.map(reportFiles))).flat();
  const merged = mergeReports(await Promise.all(files.map(readReport)), files);
  consoleReporter({ write: io.out, live: false, color: false }).summary(merged);
  await writeReports(merged, outputs);
  // A shard that ended in an error or on a signal leaves the run unfinished: no verdict.
  return merged.error || merged.interrupted ? 2 : exitCodeOf(merged);
}
