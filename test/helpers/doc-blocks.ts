/**
 * The shell blocks of README.md, CONTRIBUTING.md and docs/, run the way a reader runs them: pasted
 * into bash (its standard input) and saved as a script (`bash file.sh`), in a fresh directory laid
 * out as a project that installed the package, or in this checkout for a block marked so.
 *
 * The comment on the line before a block's fence says how it runs:
 * - none: in a user's project: node_modules/athena-executors-contract is the package (this checkout,
 *   or for a block that imports the library and while dist/ is stale, a built copy of it), its bin in
 *   node_modules/.bin, and
 *   each package an `npm install` line names linked from this checkout's node_modules. The
 *   `npm install` lines themselves are dropped (the package is not on the registry yet; the
 *   packed-package test installs for real);
 * - `<!-- checkout -->`: in this checkout, as a contributor runs it;
 * - `<!-- env: aws -->`: as in a user's project, with credentials in the environment: an emulator
 *   started by the test stands in for AWS (`AWS_ENDPOINT_URL_ATHENA` and placeholder keys);
 * - `<!-- npm-scripts -->`: the npm scripts of this checkout (`npm test` runs the suite this test is
 *   part of; `npm run mutation` takes minutes): checked, not run (see {@link npmScriptProblems});
 *
 * The README's port 4566 becomes a free one, so that a block cannot collide with a local LocalStack.
 * Every process a block starts carries a marker in its environment: afterwards, those still running
 * are reported (and killed, so that a failing block leaks nothing) once the block's own stopping has
 * had the event bound to take effect.
 */
import { spawn, execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { builtFromSources } from '../../src/bin/source-digest.js';
import { freePort } from './http-server.js';
import { until } from './wait.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The Markdown files whose blocks and links the tests check, relative to the checkout. */
export function docFiles(): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`);
  return ['README.md', 'CONTRIBUTING.md', ...docs];
}

/** How a block runs, from the comment before its fence. */
export type BlockKind = 'user' | 'checkout' | 'aws' | 'npm-scripts';

const KINDS: Record<string, BlockKind> = { checkout: 'checkout', 'env: aws': 'aws', 'npm-scripts': 'npm-scripts' };

/** One fenced block of a Markdown file. */
export interface DocBlock {
  /** The file, relative to the checkout, and the line of its opening fence (1-based). */
  file: string;
  line: number;
  /** The fence's language (`sh`, `ts`, `yaml`, ...), '' when none. */
  lang: string;
  /** The comment on the line before the fence, without `<!--` and `-->`, if any. */
  marker?: string;
  body: string;
}

/** Every fenced block of `markdown` (a file's text), in order. */
export function fencedBlocks(file: string, markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) break;
    const marker = /^<!--\s*(.*?)\s*-->$/.exec(lines[i - 1] ?? '')?.[1];
    const body = lines.slice(i + 1, end).map((l) => l.slice(open[1].length)).join('\n');
    blocks.push({ file, line: i + 1, lang: open[2], marker, body });
    i = end;
  }
  return blocks;
}

/** Every ```sh block of the checked files. */
export function shellBlocks(): DocBlock[] {
  return docFiles().flatMap((f) => fencedBlocks(f, readFileSync(join(root, f), 'utf8'))).filter((b) => b.lang === 'sh');
}

/** How `block` runs; a marker that names no kind is an error (a typo would silently change how it runs). */
export function kindOf(block: DocBlock): BlockKind {
  if (block.marker === undefined || block.marker.startsWith('file:') || block.marker === 'serve-example') return 'user';
  const kind = KINDS[block.marker];
  if (!kind) throw new Error(`${block.file}:${block.line}: unknown block marker <!-- ${block.marker} --> (known: ${Object.keys(KINDS).join(', ')})`);
  return kind;
}

/**
 * What is wrong with a block of npm scripts: a command that is not `npm install`, `npm ci`,
 * `npm test`, `npm start` or `npm run SCRIPT`, or a script package.json does not have.
 */
export function npmScriptProblems(body: string, scripts: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const line of body.split('\n')) {
    const code = line.replace(/\s#.*$/, '').replace(/^#.*$/, '').trim();
    if (!code) continue;
    for (const command of code.split('&&').map((c) => c.trim())) {
      const m = /^npm (install|ci|test|start|run (\S+))(\s|$)/.exec(command);
      if (!m) problems.push(`not an npm script: ${command}`);
      else if (m[1] === 'test' || m[1] === 'start' ? !(m[1] in scripts) : m[2] !== undefined && !(m[2] in scripts)) problems.push(`no such script: ${command}`);
    }
  }
  return problems;
}


/** Whether `port` can be listened on now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Pid and command line of every running process whose environment holds `marker`. */
function processesMarked(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker)) continue;
      found.push(`${pid}: ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()}`);
    } catch {
      // Gone meanwhile, or another user's.
    }
  }
  return found;
}

/** Runs a command to its end (never rejects on a non-zero exit). */
function run(command: string, args: readonly string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ code: error ? 1 : 0, output: `${stdout}${stderr}` }));
  });
}

let packageDir: Promise<string> | undefined;

/**
 * The directory a user's project gets as node_modules/athena-executors-contract: this checkout while
 * its dist/ is built from the sources as they are, else a copy of it that builds dist/ afresh (never
 * the checkout's own dist/, which the bin of the tests beside this one runs). Made once per file.
 */
export function installedPackage(): Promise<string> {
  packageDir ??= (async () => {
    if (builtFromSources()) return root;
    const copy = join(mkdtempSync(join(tmpdir(), 'doc-blocks-package-')), 'athena-executors-contract');
    cpSync(root, copy, { recursive: true, filter: (src) => !/[\\/](node_modules|\.git|dist|reports|\.stryker-tmp)$/.test(src) });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const build = await run(process.execPath, ['scripts/build.mjs'], copy);
    if (build.code !== 0) throw new Error(`building the package for the doc blocks failed:\n${build.output}`);
    return copy;
  })();
  return packageDir;
}

/** The packages the `npm install` lines of `block` name, without versions, flags and the package itself. */
function installedNames(block: string): string[] {
  return block.split('\n').filter((l) => /^npm install\b/.test(l)).flatMap((l) => l.replace(/#.*$/, '').split(/\s+/).slice(2))
    .filter((w) => w && !w.startsWith('-') && !w.includes('/athena-executors-contract') && w !== 'athena-executors-contract')
    .map((w) => w.replace(/(.)@[^/]*$/, '$1'));
}

/** A directory laid out as a project that installed the package and the packages `block` installs. */
function userProject(pkg: string, block: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'doc-block-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  symlinkSync(pkg, join(modules, 'athena-executors-contract'));
  symlinkSync(join(pkg, 'src', 'bin', 'athena-contract.js'), join(modules, '.bin', 'athena-contract'));
  for (const name of installedNames(block)) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
    const bin = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> }).bin;
    for (const command of typeof bin === 'string' ? [name.split('/').pop() ?? name] : Object.keys(bin ?? {}))
      if (existsSync(join(root, 'node_modules', '.bin', command))) symlinkSync(join(root, 'node_modules', '.bin', command), join(modules, '.bin', command));
  }
  // Only where a block reads them: vitest would otherwise run the examples' own tests too.
  if (block.includes('examples/')) symlinkSync(join(root, 'examples'), join(dir, 'examples'));
  return dir;
}

/**
 * The most a block may run before it is killed: one runs a whole default `verify --seeded`, which at
 * load 20 ran past the 90 s allowed before. Reached only by a block that hangs.
 */
export const BLOCK_BOUND_MS = 300_000;

/** Pasted into bash (read from its standard input, as a terminal would), or saved and run as a script. */
export type BlockWay = 'pasted' | 'script';

/** What running a block produced, and what it left behind. */
export interface BlockRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Processes the block started that were still running once it ended and had time to stop them. */
  leftovers: string[];
  /** Whether the block's port (its 4566) is free again. */
  portFree: boolean;
}

/** What a block runs with: `aws` is the endpoint that stands in for AWS, for blocks marked `env: aws`. */
export interface BlockSetting {
  way: BlockWay;
  kind?: BlockKind;
  aws?: string;
}

/** The environment of a block: no AWS settings of this machine's, no job summary, the marker of its processes. */
function blockEnv(marker: string, aws: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'GITHUB_STEP_SUMMARY' && k !== 'CI'));
  const [key, value] = marker.split('=');
  Object.assign(env, { NO_COLOR: '1', [key]: value });
  if (aws) Object.assign(env, { AWS_ENDPOINT_URL_ATHENA: aws, AWS_ACCESS_KEY_ID: 'doc-block', AWS_SECRET_ACCESS_KEY: 'doc-block', AWS_REGION: 'us-east-1' });
  return env;
}

/** Runs `block` with bash, pasted or as a script, its port replaced by a free one; see the module comment. */
export async function runBlock(block: string, setting: BlockSetting): Promise<BlockRun> {
  const port = await freePort();
  const kind = setting.kind ?? 'user';
  const script = `${block.split('\n').filter((l) => !/^npm install\b/.test(l)).join('\n').replaceAll('4566', String(port))}\n`;
  // The bin runs from the sources wherever it is; only a block that imports the library needs dist/.
  const pkg = block.includes("from 'athena-executors-contract") ? await installedPackage() : root;
  const cwd = kind === 'checkout' ? root : userProject(pkg, block);
  const marker = `DOC_BLOCK_RUN=${randomUUID()}`;
  const file = join(mkdtempSync(join(tmpdir(), 'doc-block-script-')), 'block.sh');
  writeFileSync(file, script);
  const ran = await new Promise<Omit<BlockRun, 'leftovers' | 'portFree'>>((resolve) => {
    const child = spawn('bash', setting.way === 'script' ? [file] : ['-s'], { cwd, env: blockEnv(marker, setting.aws), stdio: [setting.way === 'script' ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (setting.way === 'pasted') child.stdin?.end(script);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_BOUND_MS);
    // On exit, not on close: a process the block left behind would hold the pipes open for ever.
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
  // A server the block stopped closes its socket and ends on its own: wait for that, however long a
  // loaded machine takes, and no longer.
  await until(async () => processesMarked(marker).length === 0 && (await portIsFree(port)), 'the block\'s processes gone').catch(() => undefined);
  const leftovers = processesMarked(marker);
  const portFree = await portIsFree(port);
  // Reported, then stopped: a failing block must not leave servers for the rest of the suite.
  for (const line of leftovers) process.kill(Number(line.split(':')[0]), 'SIGKILL');
  return { ...ran, leftovers, portFree };
}
