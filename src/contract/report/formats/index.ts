/**
 * The report formats written to files, by name (vitest's `ReportersMap`): the command line's
 * `--json`, `--junit` and `--markdown` are these names, so a new format is one entry here.
 */
import type { Report } from '../../../common/results.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';

/** Each file format's renderer, by the name of the flag that asks for it. */
export const REPORTERS = { json: renderJson, junit: renderJunit, markdown: renderMarkdown } satisfies Record<string, (report: Report) => string>;

/** A file format's name: `json`, `junit` or `markdown`. */
export type ReporterName = keyof typeof REPORTERS;

/** Every format's name, in the order their files are written. */
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
