/**
 * The package as users get it: `npm pack`, install the tarball into a copy of examples/dashboard
 * (outside this checkout, with only the declared dependencies), and run the example's tests there,
 * so a broken `exports` map or a file missing from the package fails here, not in a user's project.
 * The npm registry is the one network this test may reach (through the npm cache where it can).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples', 'dashboard');
const work = mkdtempSync(join(tmpdir(), 'athena-contract-package-'));
const project = join(work, 'dashboard');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and resolves to its exit code and output (never rejects on a non-zero exit). */
function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  // The SDK's notice about its own future Node support would only clutter the output read here.
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' };
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Fails with the command's output when it did not exit as expected. */
function expectExit(result: Run, code: number, what: string): void {
  if (result.code !== code) throw new Error(`${what}: expected exit ${code}, got ${result.code}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
}

interface VitestJson {
  numFailedTests: number;
  numPassedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; title: string; status: string; failureMessages: string[] }[] }[];
}

let tarball: string;
let installMs: number;

beforeAll(async () => {
  // prepack cleans dist/ and compiles it, so the tarball holds exactly what the sources build to.
  const pack = await run('npm', ['pack', '--pack-destination', work, '--json'], root);
  expectExit(pack, 0, 'npm pack');
  const [{ filename }] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string }[];
  tarball = join(work, basename(filename));
  // A user's project: the example's own files, none of this checkout's node_modules or lock file.
  cpSync(example, project, { recursive: true, filter: (src) => !/[\\/](node_modules|package-lock\.json)$/.test(src) });
  const started = performance.now();
  const install = await run(
    'npm',
    ['install', tarball, 'vitest@4.1.12', 'aws-sdk-client-mock@4.1.0', '@aws-sdk/client-athena@3.1164.0', '--prefer-offline', '--no-audit', '--no-fund'],
    project,
  );
  installMs = Math.round(performance.now() - started);
  expectExit(install, 0, 'npm install of the tarball');
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package installed into an empty project', () => {
  it('ships compiled JavaScript and types, and needs no TypeScript, tsx or dev dependency at run time', () => {
    const installed = join(project, 'node_modules', 'athena-executors-contract');
    for (const entry of ['index', 'vitest', 'client-mock']) {
      expect(existsSync(join(installed, 'dist', `${entry}.js`)), `dist/${entry}.js`).toBe(true);
      expect(existsSync(join(installed, 'dist', `${entry}.d.ts`)), `dist/${entry}.d.ts`).toBe(true);
    }
    expect(existsSync(join(installed, 'src', 'cli.ts'))).toBe(false);
    for (const dev of ['tsx', 'typescript', 'json-schema-to-typescript'])
      expect(existsSync(join(project, 'node_modules', dev)), `${dev} installed`).toBe(false);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(manifest.exports)).toEqual(['.', './vitest', './client-mock', './package.json']);
    console.info(`installed ${basename(tarball)} into an empty project in ${installMs} ms`);
  });

  it("passes the example's tests: the contract suite per property (emulator, endpoint, replay), the client-mock handler and the main entry", async () => {
    const out = join(project, 'vitest.json');
    expectExit(await run('npx', ['vitest', 'run', '--reporter=json', `--outputFile=${out}`], project), 0, 'vitest run in the example');
    const results = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
    const tests = results.testResults.flatMap((f) => f.assertionResults);
    const titles = tests.map((a) => a.fullName);
    expect(results.numFailedTests).toBe(0);
    // Observational mode cannot check what needs seeding: those properties are skipped, not passed.
    expect(tests.find((a) => a.fullName === 'HTTP endpoint, observed session data.faithful')?.status).toBe('skipped');
    expect(tests.find((a) => a.fullName === 'HTTP endpoint, observed session pagination.exactly-once')?.status).toBe('passed');
    // One test per property, named by its id, in each contractSuite; and the handler's tests.
    expect(titles).toContain('built-in emulator pagination.exactly-once');
    expect(titles).toContain('HTTP endpoint, seeded errors.invalid-token');
    expect(titles.filter((t) => t.startsWith('built-in emulator '))).toHaveLength(10);
    expect(titles.filter((t) => t.startsWith('replayed recording '))).toHaveLength(10);
    expect(titles).toContain('listRunningExecutors lists every running executor, newest first, across pages');
  });

  it("shows a failing property's shrunk counterexample and replay command in the test's error, and the replay reproduces it", async () => {
    const out = join(project, 'failure-demo.json');
    const demo = await run('npx', ['vitest', 'run', '--config', 'vitest.failure-demo.config.ts', '--reporter=json', `--outputFile=${out}`], project);
    expectExit(demo, 1, 'the failure demo');
    const results = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
    const [failure] = results.testResults.flatMap((f) => f.assertionResults).filter((a) => a.status === 'failed');
    expect(failure.title).toBe('ordering.newest-first');
    const message = failure.failureMessages.join('\n');
    expect(message).toContain('counterexample (shrunk):');
    expect(message).toContain('"population"');
    expect(message).toMatch(/by hand: aws athena list-executors --session-id \S+/);
    const replay = /replay: npx (athena-contract verify --fault oldest-first --only ordering\.newest-first --seed 42 --path [\d:]+)/.exec(message);
    expect(replay, message).not.toBeNull();
    const again = await run('npx', [...replay![1].split(' '), '--no-progress'], project);
    expectExit(again, 1, 'the replay command');
    expect(again.stdout).toContain('1 failed, 0 passed');
  });

  it('runs `npx athena-contract verify` and writes the JSON report', async () => {
    const verify = await run('npx', ['athena-contract', 'verify', '--runs', '10', '--no-progress', '--json', 'out/report.json'], project);
    expectExit(verify, 0, 'npx athena-contract verify');
    const report = JSON.parse(readFileSync(join(project, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.summary).toEqual({ passed: 10, failed: 0, skipped: 0, inconclusive: 0 });
    expect(report.runs).toBe(10);
  });
});
