/**
 * Regenerates examples/reports/oldest-first.md (`npm run example-report`): the Markdown report of
 * `athena-contract verify` against the built-in emulator with the oldest-first fault, at a fixed seed,
 * so the committed example is always what the tool writes. Never edit the report by hand.
 *
 * usage: node examples/reports/regenerate.mjs [OUT]   (OUT defaults to examples/reports/oldest-first.md)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../src/bin/athena-contract.js', import.meta.url));
const out = process.argv[2] ?? fileURLToPath(new URL('./oldest-first.md', import.meta.url));
// The report goes to OUT only, never into a CI job summary.
const { GITHUB_STEP_SUMMARY: _summary, ...env } = process.env;
const args = ['verify', '--fault', 'oldest-first', '--seed', '42', '--runs', '20', '--no-progress', '--markdown', out];
const run = spawnSync(process.execPath, [bin, ...args], {
  cwd: root,
  env: { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// Exit 1 is the point: the fault must be caught. Anything else means the example shows nothing.
if (run.status !== 1) {
  process.stderr.write(`example-report: expected athena-contract ${args.join(' ')} to fail with exit 1 (the fault caught), got ${run.status ?? run.signal}\n`);
  process.exit(1);
}
process.stdout.write(`example-report: wrote ${out}\n`);
