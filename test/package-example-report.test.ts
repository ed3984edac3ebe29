/**
 * The committed example report (examples/reports/oldest-first.md) is what `npm run example-report`
 * writes today: regenerated into a temporary file and compared, timings aside. When it fails, run
 * `npm run example-report` and commit the result; never edit the report by hand.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { sharedTempDir } from './helpers/temp-dir.js';

const script = fileURLToPath(new URL('../examples/reports/regenerate.mjs', import.meta.url));
const committed = fileURLToPath(new URL('../examples/reports/oldest-first.md', import.meta.url));
const dir = sharedTempDir('athena-contract-example-report-');

/** The report with its timings blanked: they change from run to run, the rest must not. */
function withoutTimings(markdown: string): string {
  return markdown.replace(/\b\d+(\.\d+)? (s|ms)\b/g, '<time>');
}

it('the committed example report is the one `npm run example-report` writes: a run that catches the oldest-first fault', async () => {
  const fresh = join(dir, 'oldest-first.md');
  await new Promise<void>((resolve, reject) => execFile(process.execPath, [script, fresh], (error) => (error ? reject(error) : resolve())));
  const report = readFileSync(fresh, 'utf8');
  expect(report).toContain('❌ `ordering.newest-first`');
  expect(withoutTimings(readFileSync(committed, 'utf8')), 'examples/reports/oldest-first.md is stale: run npm run example-report').toBe(withoutTimings(report));
});
