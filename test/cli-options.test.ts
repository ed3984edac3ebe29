/**
 * The command line's words, through the bin: negative numbers are values (`--seed -5`, `--seed=-5`),
 * `--runs -1` is the usual one-line error, `-h` is `--help` everywhere, `help COMMAND` prints the
 * command's help, `--version` prints the package's version, and `--concurrency` and `--max-calls` refuse
 * what is not a positive integer in one line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinNegativeValues, type OptionTable } from '../src/cli/args.js';
import type { Report } from '../src/common/results.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const dir = sharedTempDir('athena-contract-options-');

function oneLine(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0];
}

describe('joinNegativeValues', () => {
  const table = { seed: { type: 'string', description: '' }, seeded: { type: 'boolean', description: '' } } satisfies OptionTable;

  it('joins a string option and a value that starts with - and a digit, and nothing else', () => {
    expect(joinNegativeValues(table, ['--seed', '-5', '--seeded'])).toEqual(['--seed=-5', '--seeded']);
    expect(joinNegativeValues(table, ['--seed=-5'])).toEqual(['--seed=-5']);
    expect(joinNegativeValues(table, ['--seed', '-x'])).toEqual(['--seed', '-x']);
    expect(joinNegativeValues(table, ['--seeded', '-5'])).toEqual(['--seeded', '-5']);
    expect(joinNegativeValues(table, ['--', '--seed', '-5'])).toEqual(['--', '--seed', '-5']);
  });
});

describe.concurrent('athena-contract options through the bin', () => {
  it('--seed -5 and --seed=-5 run with seed -5', async () => {
    const files = ['spaced', 'joined'].map((n) => join(dir, `${n}.json`));
    const [spaced, joined] = await Promise.all([
      runCli(['verify', '--seed', '-5', '--runs', '2', '--only', 'response.conforms', '--json', files[0]]),
      runCli(['verify', '--seed=-5', '--runs', '2', '--only', 'response.conforms', '--json', files[1]]),
    ]);
    for (const [r, file] of [[spaced, files[0]], [joined, files[1]]] as const) {
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(await readFile(file, 'utf8')) as Report).seed).toBe(-5);
    }
  });

  it('--runs -1 and --deadline -3 are the usual one-line errors', async () => {
    const [runs, deadline] = await Promise.all([runCli(['verify', '--runs', '-1']), runCli(['verify', '--deadline', '-3'])]);
    expect(oneLine(runs)).toBe('athena-contract: --runs: expected a positive integer, got "-1"');
    expect(oneLine(deadline)).toBe('athena-contract: --deadline: expected a positive integer, got "-3"');
  });

  it('-h is --help on each command, help COMMAND prints the same, and verify’s help documents negative seeds', async () => {
    for (const command of ['verify', 'serve', 'merge-reports', 'diff']) {
      const [long, short, help] = await Promise.all([runCli([command, '--help']), runCli([command, '-h']), runCli(['help', command])]);
      expect(long.code, long.stderr).toBe(0);
      expect(long.stdout).toMatch(new RegExp(`^athena-contract ${command} `));
      expect(long.stdout).toContain('-h, --help');
      expect(short).toEqual(long);
      expect(help).toEqual(long);
      if (command === 'verify') expect(long.stdout).toMatch(/--seed N .*negative ones too \(--seed -5\)/);
    }
  });

  it('-h at the top prints the usage; --version prints the package version; help of an unknown command is one line', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const [short, long, version, unknown] = await Promise.all([runCli(['-h']), runCli(['--help']), runCli(['--version']), runCli(['help', 'verfy'])]);
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(/^usage: athena-contract <command>/);
    expect(short).toEqual(long);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(oneLine(unknown)).toMatch(/unknown command "verfy": expected verify, serve, merge-reports or diff/);
  });
});

// From test/concurrency-latency.test.ts and test/call-budget.test.ts, whose other tests run in process.
describe('numeric flags refused through the bin: one line naming the flag, exit 2', () => {
  it.each([['0'], ['two'], ['1.5']])('--concurrency %s', async (raw) => {
    const { code, stderr } = await runCli(['verify', '--concurrency', raw]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--concurrency: expected a positive integer/);
  });

  it.each([['0'], ['1.5']])('--max-calls %s, naming the fix', async (value) => {
    const { code, stderr, stdout } = await runCli(['verify', `--max-calls=${value}`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/--max-calls: expected a positive integer, got "/)]);
  });
});
