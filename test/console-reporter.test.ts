/**
 * The console reporter: on a terminal, one line per property rewritten in place with the count of
 * runs done; elsewhere (or with --no-progress) plain lines with no control sequences; colour only when
 * asked (the CLI asks on a terminal without NO_COLOR).
 */
import { describe, expect, it } from 'vitest';
import { consoleReporter } from '../src/contract/report/formats/console.js';
import { replayCommandFor } from '../src/app/replay-command.js';
import { runContract } from '../src/contract/run-contract.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

async function output(live: boolean, color: boolean): Promise<string> {
  let text = '';
  const reporter = consoleReporter({ write: (t) => void (text += t), live, color });
  const target = emulatorTarget({ region: 'us-east-1', faults: ['oldest-first'] });
  const report = await runContract({ target, mode: 'seeded', seed: 5, runs: 400, listener: reporter, only: ['response.conforms', 'ordering.newest-first'], replayCommand: replayCommandFor({ faults: ['oldest-first'] }) });
  reporter.summary(report);
  return text;
}

describe('console reporter', () => {
  it('on a terminal rewrites the progress line in place with the runs done', async () => {
    const text = await output(true, false);
    expect(text).toMatch(/\r\u001b\[2K\[1\/2\] response\.conforms … \d+\/400 runs/);
    expect(text).toMatch(/\[2\/2\] FAIL {2}ordering\.newest-first/);
  });

  it('without a terminal prints plain lines, one per property, with no control sequences', async () => {
    const text = await output(false, false);
    expect(text).not.toMatch(/\u001b|\r/);
    expect(text.split('\n').filter((l) => /^\[\d\/2\]/.test(l))).toHaveLength(2);
    expect(text).toMatch(/replay: {3}npx athena-contract verify --fault oldest-first --only ordering.newest-first --seed 5 --path \S+/);
  });

  it('colours only when asked', async () => {
    expect(await output(false, true)).toMatch(/\u001b\[31m/);
  });

  it('the CLI honours NO_COLOR and --no-progress, and appends the Markdown report to $GITHUB_STEP_SUMMARY', async () => {
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const summary = join(tempDir('step-summary-'), 'summary.md');
    const r = await runCli(['verify', '--runs', '3', '--no-progress', '--fault', 'oldest-first', '--only', 'ordering.newest-first', '--seed', '5'], { env: { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b/);
    const markdown = await readFile(summary, 'utf8');
    expect(markdown).toMatch(/^# ListExecutors conformance report/);
    expect(markdown).toContain('`ordering.newest-first`');
  });
});
