/**
 * Writing reports to files: each format of the reporters map that the command line names a file for.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Report } from '../common/results.js';
import { REPORTER_NAMES, REPORTERS, type ReporterName } from '../contract/reporters/index.js';

/** Writes a report file, creating its directory. */
export async function writeReport(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Writes `report` in every format that `files` names a file for (`{ json: FILE, ... }`), in the map's order. */
export async function writeReports(report: Report, files: Partial<Record<ReporterName, string>>): Promise<void> {
  for (const name of REPORTER_NAMES) {
    const file = files[name];
    if (file) await writeReport(file, REPORTERS[name](report));
  }
}
