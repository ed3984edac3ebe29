/**
 * action.yml, the composite GitHub Action for emulator authors, run as GitHub runs it: each step's
 * `run` script with its `${{ … }}` expressions substituted (the inputs given, or their defaults, and
 * `github.action_path`), under `bash --noprofile --norc -eo pipefail`, with GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. First against a stand-in bin that echoes its arguments (how each input
 * becomes a flag), then against `athena-contract serve` on a loopback port: a conforming endpoint
 * passes, one with a fault fails the step, and both leave the three reports and the job summary.
 * The install step (`npm ci` in the action's folder) is read, not run: here the folder is this
 * checkout, whose node_modules the tests run on.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { startServe } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = sharedTempDir('athena-contract-action-');
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const server of servers) server.kill('SIGTERM');
});

interface Step {
  id: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = load(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` and `${{ github.action_path }}` as GitHub evaluates them; any other expression is a test failure. */
function substitute(text: string, inputs: Record<string, string>, actionPath: string): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return actionPath;
    const name = /^inputs\.(.+)$/.exec(expression)?.[1];
    if (name === undefined || !(name in action.inputs)) throw new Error(`action.yml: unexpected expression \${{ ${expression} }}`);
    return inputs[name] ?? action.inputs[name].default ?? '';
  });
}

interface StepsRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
  cwd: string;
}

/** Runs every step but the install one, in order, in a fresh workspace; stops at the first that fails, as GitHub does. */
async function runAction(inputs: Record<string, string>, actionPath = root): Promise<StepsRun> {
  for (const [name, input] of Object.entries(action.inputs)) if (input.required && !inputs[name]) throw new Error(`input ${name} is required`);
  const cwd = mkdtempSync(join(work, 'workspace-'));
  const files = { GITHUB_OUTPUT: join(cwd, '.output'), GITHUB_STEP_SUMMARY: join(cwd, '.summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const out = { code: 0, stdout: '', stderr: '', cwd };
  for (const step of action.runs.steps.filter((s) => s.id !== 'install')) {
    const env: Record<string, string> = { ...process.env, ...files, GITHUB_ACTION_PATH: actionPath, NO_COLOR: '1' };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(v, inputs, actionPath);
    const script = join(cwd, `.step-${step.id}.sh`);
    writeFileSync(script, substitute(step.run, inputs, actionPath));
    const dir = step['working-directory'] ? substitute(step['working-directory'], inputs, actionPath) : cwd;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: dir, env, timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      ),
    );
    out.stdout += result.stdout;
    out.stderr += result.stderr;
    out.code = result.code;
    if (result.code !== 0) break;
  }
  return { ...out, outputs: readFileSync(files.GITHUB_OUTPUT, 'utf8'), summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

/** Starts `athena-contract serve` on a free loopback port and resolves to its URL. */
function serve(...args: string[]): Promise<string> {
  return startServe(['--port', '0', ...args], servers);
}

/** A stand-in action folder whose bin prints the arguments it got as JSON. */
function echoingActionPath(): string {
  const dir = join(work, 'echo-action');
  mkdirSync(join(dir, 'src', 'bin'), { recursive: true });
  const bin = join(dir, 'src', 'bin', 'athena-contract.js');
  writeFileSync(bin, 'console.log(JSON.stringify(process.argv.slice(2)));\n');
  chmodSync(bin, 0o755);
  return dir;
}

describe('action.yml', () => {
  it('is a composite action whose install step is `npm ci` in its own folder, and whose outputs name the reports', () => {
    expect(action.runs.using).toBe('composite');
    const install = action.runs.steps.find((s) => s.id === 'install');
    expect(install?.['working-directory']).toBe('${{ github.action_path }}');
    expect(install?.run.trim()).toBe('npm ci --ignore-scripts --no-audit --no-fund');
    expect(Object.keys(action.inputs)).toEqual(['endpoint', 'seeded', 'session-ids', 'workgroups', 'operations', 'runs', 'seed', 'concurrency', 'reports-dir']);
    expect(Object.keys(action.outputs)).toEqual(['json', 'junit', 'markdown']);
  });

  it('passes each input given as its verify flag, and none of those left empty (--concurrency only when given)', async () => {
    const stub = echoingActionPath();
    const reports = ['--json', 'contract-reports/contract.json', '--junit', 'contract-reports/junit.xml', '--markdown', 'contract-reports/contract.md'];
    const seeded = await runAction({ endpoint: 'http://127.0.0.1:9', seeded: 'true', runs: '5', seed: '7', concurrency: '3' }, stub);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout)).toEqual(['verify', '--endpoint', 'http://127.0.0.1:9', '--no-progress', ...reports, '--seeded', '--runs', '5', '--seed', '7', '--concurrency', '3']);
    const observed = await runAction({ endpoint: 'http://127.0.0.1:9', 'session-ids': 'a, b\nc d', 'reports-dir': 'out' }, stub);
    expect(JSON.parse(observed.stdout)).toEqual([
      'verify', '--endpoint', 'http://127.0.0.1:9', '--no-progress', '--json', 'out/contract.json', '--junit', 'out/junit.xml', '--markdown', 'out/contract.md',
      '--session-id', 'a', '--session-id', 'b', '--session-id', 'c', '--session-id', 'd',
    ]);
    expect(observed.outputs).toBe('json=out/contract.json\njunit=out/junit.xml\nmarkdown=out/contract.md\n');
    // An input is text for the script's environment, never script text itself.
    const endpoint = 'http://127.0.0.1:9"; echo INJECTED; "';
    const hostile = await runAction({ endpoint, 'session-ids': '$(echo INJECTED)' }, stub);
    expect(hostile.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(hostile.stdout)).toEqual(['verify', '--endpoint', endpoint, '--no-progress', ...reports, '--session-id', '$(echo', '--session-id', 'INJECTED)']);
  });

  it('passes the operations input as one comma-separated --operation, none for ListExecutors alone (the default), and each workgroup as --workgroup', async () => {
    const stub = echoingActionPath();
    const reports = ['--json', 'contract-reports/contract.json', '--junit', 'contract-reports/junit.xml', '--markdown', 'contract-reports/contract.md'];
    const base = ['verify', '--endpoint', 'http://127.0.0.1:9', '--no-progress', ...reports, '--seeded'];
    expect(action.inputs.operations.default).toBe('ListExecutors');
    for (const [operations, flag] of [
      [undefined, []],
      ['ListExecutors', []],
      [' ListExecutors\n', []],
      ['all', ['--operation', 'all']],
      ['ListSessions', ['--operation', 'ListSessions']],
      ['ListSessions, ListCalculationExecutions\nListExecutors', ['--operation', 'ListSessions,ListCalculationExecutions,ListExecutors']],
    ] as const) {
      const run = await runAction({ endpoint: 'http://127.0.0.1:9', seeded: 'true', ...(operations === undefined ? {} : { operations }) }, stub);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout), JSON.stringify(operations)).toEqual([...base, ...flag]);
    }
    const observed = await runAction({ endpoint: 'http://127.0.0.1:9', 'session-ids': 's-1', workgroups: 'primary, team-b', operations: 'all' }, stub);
    expect(JSON.parse(observed.stdout)).toEqual([
      'verify', '--endpoint', 'http://127.0.0.1:9', '--no-progress', ...reports,
      '--session-id', 's-1', '--workgroup', 'primary', '--workgroup', 'team-b', '--operation', 'all',
    ]);
    // An input is text for the script's environment, never script text itself.
    const hostile = await runAction({ endpoint: 'http://127.0.0.1:9', seeded: 'true', operations: '$(echo INJECTED);ListSessions' }, stub);
    expect(JSON.parse(hostile.stdout)).toEqual([...base, '--operation', '$(echo,INJECTED);ListSessions']);
  });

  it('against `serve` (seeded): the step passes and leaves the JSON, JUnit and Markdown reports and the job summary', async () => {
    const url = await serve();
    const run = await runAction({ endpoint: url, seeded: 'true', runs: '5', seed: '11' });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(run.cwd, 'contract-reports', 'contract.json'), 'utf8')) as Report;
    expect(report.summary).toEqual({ passed: 10, failed: 0, skipped: 0, inconclusive: 0 });
    expect(report.runs).toBe(5);
    expect(report.seed).toBe(11);
    expect(readFileSync(join(run.cwd, 'contract-reports', 'junit.xml'), 'utf8').match(/<testcase /g)).toHaveLength(10);
    const markdown = readFileSync(join(run.cwd, 'contract-reports', 'contract.md'), 'utf8');
    expect(markdown).toContain('pagination.exactly-once');
    expect(run.summary).toBe(markdown);
  });

  it('against `serve --fault oldest-first`: the step fails with exit 1, and the reports and summary name the property that caught it', async () => {
    const url = await serve('--fault', 'oldest-first');
    const run = await runAction({ endpoint: url, seeded: 'true', runs: '10', seed: '11' });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(run.cwd, 'contract-reports', 'contract.json'), 'utf8')) as Report;
    expect(report.properties.find((p) => p.id === 'ordering.newest-first')?.status).toBe('failed');
    expect(existsSync(join(run.cwd, 'contract-reports', 'junit.xml'))).toBe(true);
    expect(run.summary).toContain('ordering.newest-first');
    expect(run.summary).toContain('❌');
  });

  it('against `serve` holding sessions (observational): the sessions named are read, the properties that need seeding skipped', async () => {
    const seedFile = join(work, 'seed.json');
    const executors = [1, 2, 3].map((i) => ({ ExecutorId: `e-${i}`, ExecutorState: 'REGISTERED', StartDateTime: 1_700_000_000_000 + i }));
    writeFileSync(seedFile, JSON.stringify({ sessions: { 's-1': executors, 's-2': executors.slice(1) } }));
    const url = await serve('--seed-file', seedFile);
    const run = await runAction({ endpoint: url, 'session-ids': 's-1, s-2', runs: '5' });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(run.cwd, 'contract-reports', 'contract.json'), 'utf8')) as Report;
    expect(report.mode).toBe('observational');
    expect(report.properties.find((p) => p.id === 'data.faithful')?.status).toBe('skipped');
    expect(report.summary.failed).toBe(0);
  });
});
