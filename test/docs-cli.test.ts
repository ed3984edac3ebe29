/**
 * docs/cli.md documents the command line as the code defines it: every flag of each command's option
 * table (VERIFY_OPTIONS and SERVE_OPTIONS as data; merge-reports' and diff's as their help renders
 * them) in that command's section; each command's help points to that section; and every flag, JSON
 * member and exit code the README pinned before issue 25 moved it (test/fixtures/readme-before-25.json)
 * is still documented in docs/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flagOf, type OptionTable } from '../src/cli/args.js';
import { SERVE_OPTIONS } from '../src/cli/serve-command.js';
import { VERIFY_OPTIONS } from '../src/cli/verify-command.js';
import { runCli } from './helpers/cli.js';
import { anchorsOf } from './helpers/doc-links.js';
import { LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');
const cli = read('docs/cli.md');
const before = JSON.parse(read('test/fixtures/readme-before-25.json')) as { flags: string[]; reportMembers: string[]; diffMembers: string[]; exitCodes: string[] };
const COMMANDS = ['verify', 'serve', 'merge-reports', 'diff'] as const;

/** The text of docs/cli.md under `## name`, up to the next `## `. */
function commandSection(name: string): string {
  const start = cli.indexOf(`\n## ${name}\n`);
  expect(start, name).toBeGreaterThanOrEqual(0);
  const end = cli.indexOf('\n## ', start + 1);
  return end < 0 ? cli.slice(start) : cli.slice(start, end);
}

/** The flags a table declares, with `--`. */
const flagsOf = (table: OptionTable) => Object.entries(table).map(([key, spec]) => `--${flagOf(key, spec)}`);

/** The flags a command's help lists, as the option table renders them. */
async function helpFlags(command: string): Promise<string[]> {
  const { code, stdout } = await runCli([command, '--help']);
  expect(code).toBe(0);
  return [...stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]);
}

/** Whether `text` names `flag` in code, alone or with its value (`` `--runs N` ``, `` `-h`, `--help` ``). */
const namesFlag = (text: string, flag: string) => new RegExp(`\`${flag}(?![a-z-])`).test(text);

describe('docs/cli.md', () => {
  it('documents every flag of verify and serve, from their option tables, in the command\'s section', () => {
    for (const [command, table] of [['verify', VERIFY_OPTIONS], ['serve', SERVE_OPTIONS]] as const) {
      const flags = flagsOf(table);
      expect(flags.length).toBeGreaterThan(3);
      for (const flag of flags) expect(namesFlag(commandSection(command), flag), `${command} ${flag}`).toBe(true);
    }
  });

  // Each runs the bin: seconds apiece on a loaded machine.
  it('documents every flag of merge-reports and diff, as their help lists them', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    for (const command of ['merge-reports', 'diff']) {
      const flags = await helpFlags(command);
      expect(flags).toContain('--help');
      for (const flag of flags) expect(namesFlag(commandSection(command), flag), `${command} ${flag}`).toBe(true);
    }
  });

  it('finds a flag only where it is named: a flag missing from the page fails', () => {
    expect(namesFlag('`--runs N` and `--seed`', '--runs')).toBe(true);
    expect(namesFlag('`--seed-file F`', '--seed')).toBe(false);
    expect(namesFlag(commandSection('serve'), '--workgroup')).toBe(false);
  });

  it('documents every flag, JSON member and exit code the README pinned before issue 25', () => {
    const docs = ['docs/cli.md', 'docs/reports.md', 'docs/live.md', 'docs/emulator.md'].map(read).join('\n');
    for (const flag of before.flags) expect(namesFlag(cli, flag), flag).toBe(true);
    const reports = read('docs/reports.md');
    // A dotted path opens its code span (`coverage.constraints["<Member>/<keyword>"].tried`); a member is quoted or in code.
    for (const member of before.reportMembers) expect(new RegExp(member.includes('.') ? `\`${member}` : `[\`"]${member}[\`"]`).test(reports), member).toBe(true);
    for (const member of before.diffMembers) expect(docs, member).toContain(`"${member}"`);
    const exitCodes = cli.slice(cli.indexOf('### Exit codes'), cli.indexOf('### Statuses'));
    for (const code of before.exitCodes) expect(exitCodes, code).toContain(`\`${code}\``);
  });
});

describe('the help of each command', () => {
  it('points to the command\'s section of docs/cli.md, which exists', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const anchors = anchorsOf(cli);
    for (const command of COMMANDS) {
      const [long, help] = await Promise.all([runCli([command, '--help']), runCli(['help', command])]);
      expect(long.stdout).toContain(`\nDocumentation: docs/cli.md#${command}\n`);
      expect(help.stdout).toBe(long.stdout);
      expect(anchors.has(command), command).toBe(true);
    }
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('docs/cli.md');
    for (const command of COMMANDS) expect(top.stdout).toContain(`#${command}`);
  });
});
