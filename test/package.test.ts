/**
 * The package as users get it: one `npm pack`, the tarball installed into copies of the example
 * projects (outside this checkout, with only the declared dependencies), and the examples' tests run
 * there, so a broken `exports` map, a file missing from the package or a second copy of the SDK fails
 * here, not in a user's project. Three projects, installed side by side: examples/dashboard (ESM) with
 * the oldest @aws-sdk/client-athena the peer range allows (its SDK-facing tests) and with the one this
 * repository pins (the newest; all its tests), and examples/commonjs ("type": "commonjs": a plain require and vitest tests). Each also
 * type-checks strictly (skipLibCheck false, no @types/node) against the package's declarations.
 * The npm registry is the one network this test may reach (through the npm cache where it can).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFromSources } from '../src/bin/source-digest.js';
import type { Report } from '../src/common/results.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = sharedTempDir('athena-contract-package-');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface Manifest {
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const SDK = '@aws-sdk/client-athena';
/** The lower bound of the peer range (`^3.245.0`): the oldest SDK the package claims to work with. */
const oldestSdk = /^\^(\d+\.\d+\.\d+)$/.exec(manifest.peerDependencies[SDK])?.[1];
const newestSdk = manifest.devDependencies[SDK];
const pinned = (name: string): string => `${name}@${manifest.devDependencies[name]}`;

interface Project {
  name: string;
  example: string;
  sdk: string;
  format: 'esm' | 'commonjs';
  dir: string;
  /** The example's test files to run (all of them when absent). */
  tests?: readonly string[];
}
const project = (name: string, example: string, sdk: string, format: Project['format'], tests?: readonly string[]): Project => ({ name, example, sdk, format, dir: join(work, name), tests });
/**
 * With the oldest SDK, the files where the SDK's version can show: the contract through each target
 * (the SDK client in process, over HTTP, observed), the SDK's paginator and exception classes, and
 * mockClient. The replay and verify() files call the same targets the same way; the newest SDK runs them.
 */
const SDK_FACING = ['test/contract.test.ts', 'test/running-executors.test.ts', 'test/user-sdk.test.ts'];
const esmOldest = project('esm-oldest-sdk', 'dashboard', oldestSdk ?? 'unknown', 'esm', SDK_FACING);
const esmNewest = project('esm-newest-sdk', 'dashboard', newestSdk, 'esm');
const commonjs = project('commonjs', 'commonjs', newestSdk, 'commonjs');
const PROJECTS = [esmOldest, esmNewest, commonjs];

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

/**
 * The example tests' own timeouts here, in place of vitest's 5 s: they run beside the other
 * projects' checks on a shared CPU (contractSuite's tests already have 120 s, its default).
 */
const EXAMPLE_TEST_TIMEOUT = 120_000;

/** Runs vitest in `dir` (with `args`) and returns its JSON report's tests. */
async function vitestIn(dir: string, out: string, args: readonly string[] = []): Promise<{ run: Run; results: VitestJson }> {
  const file = join(dir, out);
  const bounds = [`--testTimeout=${EXAMPLE_TEST_TIMEOUT}`, `--hookTimeout=${EXAMPLE_TEST_TIMEOUT}`];
  const result = await run('npx', ['vitest', 'run', ...args, ...bounds, '--reporter=json', `--outputFile=${file}`], dir);
  return { run: result, results: JSON.parse(readFileSync(file, 'utf8')) as VitestJson };
}

/**
 * The projects' checks run side by side on a shared CPU: each may take a while. Reached only by a
 * check that hangs: on a loaded machine (load 20, two busy loops beside) one example suite took
 * 400 s, where 180 s had been allowed, and a type check 125 s.
 */
const TIMEOUT = 900_000;

let tarball: string;
const timings: Record<string, number> = {};

/**
 * Copies an example (its own files only: no node_modules, no lock file) and installs the tarball into
 * it, or links the node_modules of `sameAs`, installed already with the same dependencies (npm installs
 * the same tree whatever the project's module type).
 */
async function install(p: Project, sameAs?: Project): Promise<void> {
  cpSync(join(root, 'examples', p.example), p.dir, { recursive: true, filter: (src) => !/[\\/](node_modules|package-lock\.json)$/.test(src) });
  if (sameAs) return symlinkSync(join(sameAs.dir, 'node_modules'), join(p.dir, 'node_modules'), 'dir');
  const started = performance.now();
  const deps = [tarball, pinned('vitest'), pinned('aws-sdk-client-mock'), `${SDK}@${p.sdk}`];
  expectExit(await run('npm', ['install', ...deps, '--prefer-offline', '--no-audit', '--no-fund'], p.dir), 0, `npm install into ${p.name}`);
  timings[`install ${p.name}`] = Math.round(performance.now() - started);
}

/**
 * Where to pack from, and how. While dist/ is built from the sources as they are (npm ci builds it),
 * the checkout as it is, without running prepare again: the same sources build the same dist/.
 * Otherwise a copy of the checkout (its node_modules linked), whose prepare builds dist/ afresh: never
 * the checkout's own, which the bin runs in the tests beside this one.
 */
function packSource(): { dir: string; args: string[] } {
  if (builtFromSources()) return { dir: root, args: ['--ignore-scripts'] };
  const copy = join(work, 'source');
  cpSync(root, copy, { recursive: true, filter: (src) => !/[\\/](node_modules|\.git|dist|reports|\.stryker-tmp)$/.test(src) });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return { dir: copy, args: [] };
}

// Bounded for a loaded machine: one pack (which built dist/ afresh in 172 s at load 20) and two installs side by side (70 s).
beforeAll(async () => {
  const started = performance.now();
  // The tarball holds exactly what the sources build to (ESM and CommonJS).
  const source = packSource();
  const pack = await run('npm', ['pack', ...source.args, '--pack-destination', work, '--json'], source.dir);
  expectExit(pack, 0, 'npm pack');
  const [{ filename }] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string }[];
  tarball = join(work, basename(filename));
  timings.pack = Math.round(performance.now() - started);
  await Promise.all([install(esmOldest), install(esmNewest).then(() => install(commonjs, esmNewest))]);
}, 600_000);

afterAll(() => {
  console.info(`package test: ${Object.entries(timings).map(([k, ms]) => `${k} ${ms} ms`).join(', ')}`);
});

describe('the packed package installed into empty projects', () => {
  it('ships compiled JavaScript and types for import and require, and needs no TypeScript, tsx or dev dependency at run time', () => {
    const installed = join(esmNewest.dir, 'node_modules', 'athena-executors-contract');
    for (const entry of ['index', 'vitest', 'client-mock']) {
      for (const dir of ['dist', 'dist/cjs']) {
        expect(existsSync(join(installed, dir, `${entry}.js`)), `${dir}/${entry}.js`).toBe(true);
        expect(existsSync(join(installed, dir, `${entry}.d.ts`)), `${dir}/${entry}.d.ts`).toBe(true);
      }
    }
    expect(JSON.parse(readFileSync(join(installed, 'dist', 'cjs', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    expect(existsSync(join(installed, 'src', 'cli.ts'))).toBe(false);
    for (const dev of ['tsx', 'typescript', 'json-schema-to-typescript'])
      expect(existsSync(join(esmNewest.dir, 'node_modules', dev)), `${dev} installed`).toBe(false);
    const shipped = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    expect(Object.keys(shipped.exports)).toEqual(['.', './vitest', './client-mock', './package.json']);
    for (const entry of ['.', './vitest', './client-mock']) expect(Object.keys(shipped.exports[entry] as object)).toEqual(['import', 'require']);
  });

  it("uses the project's own SDK, whatever its version: the SDK is a peer dependency, never a copy of the package's", () => {
    expect(manifest.dependencies[SDK]).toBeUndefined();
    expect(oldestSdk).toBeDefined();
    for (const p of PROJECTS) {
      const own = JSON.parse(readFileSync(join(p.dir, 'node_modules', SDK, 'package.json'), 'utf8')) as { version: string };
      expect(own.version, p.name).toBe(p.sdk);
      expect(existsSync(join(p.dir, 'node_modules', 'athena-executors-contract', 'node_modules', SDK)), `a second SDK in ${p.name}`).toBe(false);
    }
    expect(esmOldest.sdk).not.toBe(esmNewest.sdk);
    // @smithy/core (the retry strategies) is a caret range: with a current SDK, npm installs one copy for both.
    for (const p of [esmNewest, commonjs]) {
      for (const nested of [join('athena-executors-contract', 'node_modules'), join(SDK, 'node_modules')])
        expect(existsSync(join(p.dir, 'node_modules', nested, '@smithy', 'core')), `a second @smithy/core in ${p.name}`).toBe(false);
    }
  });

  it.concurrent.each([esmOldest, esmNewest])(
    "$name: passes the example's tests: the contract suite per property, the client-mock handler, emulator.client() under the project's mockClient",
    async (p) => {
      const { results } = await vitestIn(p.dir, 'vitest.json', p.tests ?? []);
      const tests = results.testResults.flatMap((f) => f.assertionResults);
      const titles = tests.map((a) => a.fullName);
      const failed = tests.filter((a) => a.status === 'failed').map((a) => `${a.fullName}: ${a.failureMessages[0]?.slice(0, 300)}`);
      expect(failed).toEqual([]);
      expect(results.numFailedTests).toBe(0);
      // Observational mode cannot check what needs seeding: those properties are skipped, not passed.
      expect(tests.find((a) => a.fullName === 'HTTP endpoint, observed session data.faithful')?.status).toBe('skipped');
      expect(tests.find((a) => a.fullName === 'HTTP endpoint, observed session pagination.exactly-once')?.status).toBe('passed');
      // One test per property, named by its id, in each contractSuite; and the handler's tests.
      expect(titles).toContain('built-in emulator pagination.exactly-once');
      expect(titles).toContain('HTTP endpoint, seeded errors.invalid-token');
      expect(titles.filter((t) => t.startsWith('built-in emulator '))).toHaveLength(10);
      expect(titles.filter((t) => t.startsWith('replayed recording '))).toHaveLength(p.tests ? 0 : 10);
      expect(results.testResults).toHaveLength(p.tests?.length ?? 5);
      expect(titles).toContain('listRunningExecutors lists every running executor, newest first, across pages');
      expect(titles).toContain("emulator.client() is this project's AthenaClient, which the SDK's paginator accepts");
      expect(titles).toContain("this project's mockClient(AthenaClient) answers emulator.client() too");
      expect(titles).toContain("the ListSessions handler pages this project's paginateListSessions: every IDLE session once, newest first, its times as Dates");
    },
    TIMEOUT,
  );

  it.concurrent("CommonJS: a plain require() of the CommonJS build, and vitest tests in a \"type\": \"commonjs\" project", async () => {
    const node = await run(process.execPath, ['--test', 'test/plain-require.cjs'], commonjs.dir);
    expectExit(node, 0, 'node --test test/plain-require.cjs');
    expect(node.stdout).toMatch(/# pass 6\n# fail 0/);
    expect(node.stdout).toContain("ok 4 - the ListSessions handler pages this project's paginateListSessions");
    const { results } = await vitestIn(commonjs.dir, 'vitest.json');
    const tests = results.testResults.flatMap((f) => f.assertionResults);
    expect(tests.filter((a) => a.status !== 'passed').map((a) => a.fullName)).toEqual([]);
    expect(tests.map((a) => a.fullName)).toContain('built-in emulator ordering.newest-first');
    expect(tests.map((a) => a.fullName)).toContain("emulator.client() is this project's AthenaClient, and this project's mockClient(AthenaClient) answers it");
  }, TIMEOUT);

  it.concurrent.each(PROJECTS)('$name: the package\'s declarations type-check strictly (skipLibCheck false) without @types/node', async (p) => {
    expect(existsSync(join(p.dir, 'node_modules', '@types', 'node')), '@types/node installed').toBe(false);
    const check = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFiles'], p.dir);
    const errors = [...check.stdout.matchAll(/^(\S[^(\n]*)\(\d+,\d+\): error TS\d+: .*$/gm)];
    const ours = errors.filter(([, file]) => file.includes('node_modules/athena-executors-contract/')).map(([line]) => line);
    expect(ours).toEqual([]);
    // The SDK's and vitest's own declarations need @types/node in places: theirs, not this package's.
    // The project's files are clean too, but with the oldest SDK, whose types predate aws-sdk-client-mock 4's.
    if (p !== esmOldest) expect(errors.filter(([, file]) => !file.includes('node_modules/')).map(([line]) => line)).toEqual([]);
    // tsc lists files by their real path, which for a linked node_modules is the other project's.
    const dist = join(realpathSync(join(p.dir, 'node_modules')), 'athena-executors-contract', p.format === 'esm' ? 'dist' : 'dist/cjs');
    const read = check.stdout.split('\n');
    for (const entry of ['index', 'vitest', 'client-mock']) expect(read, `${entry}.d.ts checked`).toContain(join(dist, `${entry}.d.ts`));
  }, TIMEOUT);

  it.concurrent("shows a failing property's shrunk counterexample and replay command in the test's error, and the replay reproduces it", async () => {
    const { run: demo, results } = await vitestIn(esmNewest.dir, 'failure-demo.json', ['--config', 'vitest.failure-demo.config.ts']);
    expectExit(demo, 1, 'the failure demo');
    const [failure] = results.testResults.flatMap((f) => f.assertionResults).filter((a) => a.status === 'failed');
    expect(failure.title).toBe('ordering.newest-first');
    const message = failure.failureMessages.join('\n');
    expect(message).toContain('counterexample (shrunk):');
    expect(message).toContain('"population"');
    expect(message).toMatch(/by hand: aws athena list-executors --session-id \S+/);
    const replay = /replay: npx (athena-contract verify --fault oldest-first --only ordering\.newest-first --seed 42 --path [\d:]+)/.exec(message);
    expect(replay, message).not.toBeNull();
    const again = await run('npx', [...replay![1].split(' '), '--no-progress'], esmNewest.dir);
    expectExit(again, 1, 'the replay command');
    expect(again.stdout).toContain('1 failed, 0 passed');
  }, TIMEOUT);

  it.concurrent('runs `npx athena-contract verify` and writes the JSON report', async () => {
    const verify = await run('npx', ['athena-contract', 'verify', '--runs', '10', '--no-progress', '--json', 'out/report.json'], esmNewest.dir);
    expectExit(verify, 0, 'npx athena-contract verify');
    const report = JSON.parse(readFileSync(join(esmNewest.dir, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.summary).toEqual({ passed: 10, failed: 0, skipped: 0, inconclusive: 0 });
    expect(report.runs).toBe(10);
  }, TIMEOUT);
});
