/**
 * The `--json` report: the {@link Report} value itself, with exchange bodies kept as text.
 */
import type { Report } from '../../../common/results.js';

/** Renders the report as pretty JSON (the shape `verify()` resolves to). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
