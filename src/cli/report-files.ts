/**
 * Writing reports to files: each format of the reporters map that the command line names a file for,
 * and the Markdown report appended to the CI job summary when `$GITHUB_STEP_SUMMARY` names one.
 */
import { appendFile, chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Report } from '../common/results.js';
import { REPORTER_NAMES, REPORTERS, type ReporterName } from '../contract/report/formats/index.js';
import { checkReportPaths } from './report-paths.js';
import { propertyKey } from '../contract/engine/seeds.js';

/** The file each format is asked for in, by format name (`{ json: FILE, ... }`). */
export type ReportFiles = Partial<Record<ReporterName, string>>;

/** Writes a report file, creating its directory. */
export async function writeReport(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Writes `report` in every format that `files` names a file for, in the map's order. */
export async function writeReports(report: Report, files: ReportFiles): Promise<void> {
  for (const name of REPORTER_NAMES) {
    const file = files[name];
    if (file) await writeReport(file, REPORTERS[name](report));
  }
}

/** Checks, before any work, that every file of `files` can be written (a UsageError naming the first that cannot). */
export async function checkReportFiles(files: ReportFiles): Promise<void> {
  await checkReportPaths(Object.fromEntries(REPORTER_NAMES.map((name) => [`--${name}`, files[name]])));
}

/** {@link checkReportFiles}, and the job summary {@link writeRunReports} appends to. */
export async function checkRunReportFiles(files: ReportFiles): Promise<void> {
  await checkReportFiles(files);
  await checkReportPaths({ $GITHUB_STEP_SUMMARY: process.env.GITHUB_STEP_SUMMARY || undefined });
}

/** Writes a run's reports: the files of `files`, and the Markdown appended to `$GITHUB_STEP_SUMMARY` when it is set. */
export async function writeRunReports(report: Report, files: ReportFiles): Promise<void> {
  await writeReports(report, files);
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (!summary) return;
  await mkdir(dirname(summary), { recursive: true });
  await appendFile(summary, REPORTERS.markdown(report));
}

/**
 * Where `--reproduce DIR` writes the reproducer of property `id` of `operation`: `<id>.sh` for
 * ListExecutors' laws (as before there were several operations), `<Operation>.<id>.sh` for another's.
 */
export function reproducerFile(dir: string, id: string, operation?: string): string {
  return join(dir, `${propertyKey(id, operation).replace('/', '.')}.sh`);
}

/** Checks, before any work, that `--reproduce DIR` can take files (a UsageError when it cannot). */
export async function checkReproducerDir(dir: string | undefined): Promise<void> {
  if (dir !== undefined) await checkReportPaths({ '--reproduce': reproducerFile(dir, 'reproduce') });
}

/** Writes each failure's reproducer into `dir` as an executable `<property id>.sh` (`<Operation>.<id>.sh` beyond ListExecutors); resolves to the files written. */
export async function writeReproducers(report: Report, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const p of report.properties) {
    const script = p.counterexample?.reproduce;
    if (script === undefined) continue;
    const file = reproducerFile(dir, p.id, p.operation);
    await writeReport(file, script);
    await chmod(file, 0o755);
    written.push(file);
  }
  return written;
}
