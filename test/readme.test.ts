/**
 * The README stays true and short: at most 250 lines, its first screen names the two commands of a
 * fresh machine (and `npm start` runs as written), its catalogue table lists exactly the catalogue,
 * the fault table of docs/emulator.md exactly the fault registry, the embedded example files are the
 * files, and the serve example lists the seed file through `athena-contract serve`. The README's and
 * the docs' other shell blocks run in test/docs-blocks.test.ts.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BLOCK_BOUND_MS, docFiles, fencedBlocks, runBlock } from './helpers/doc-blocks.js';
import { EVENT_BOUND_MS } from './helpers/wait.js';
import { catalogueFor } from '../src/contract/catalogue/index.js';
import { FAMILY } from '../src/profiles/index.js';
import { FAULTS, FAULT_NAMES } from '../src/emulator/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');
const readme = read('README.md');

/** The first column of every table row whose first cell is a backticked name. */
function backtickedRows(text: string): string[] {
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

/** The section of `text` under the heading `heading`, up to the next heading of its level or above. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0];
  const next = text.slice(start + heading.length + 2).search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next < 0 ? text.slice(start) : text.slice(start, start + heading.length + 2 + next);
}

describe('README', () => {
  it('is at most 250 lines', () => {
    expect(readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0)).toBeLessThanOrEqual(250);
  });

  it('gives the two commands of a fresh machine on its first screen, as package.json defines them', () => {
    const firstScreen = readme.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm install && npm start');
    expect(firstScreen).toContain('npm test');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toMatch(/athena-contract(\.js)? verify --operation all$/);
    expect(pkg.scripts.test).toMatch(/vitest run/);
  });

  it('`npm start` runs as written in a checkout: the contract against the built-in emulator, exit 0', { timeout: BLOCK_BOUND_MS + 30_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.GITHUB_STEP_SUMMARY;
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (c) => resolve({ code: c, stdout: out }));
    });
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/0 failed, \d+ passed/);
  });

  it.each(FAMILY.map((p) => [p.operation, p] as const))('lists exactly the catalogue of %s, in order, with each law in its words', (operation, profile) => {
    const table = section(section(readme, '## The property catalogue'), `### ${operation}`);
    const laws = catalogueFor(profile);
    expect(backtickedRows(table)).toEqual(laws.map((p) => p.id));
    for (const p of laws) expect(table).toContain(p.law);
  });
});

describe('docs/emulator.md', () => {
  const emulator = read('docs/emulator.md');

  it('lists exactly the fault registry, each with its summary and the property meant to catch it', () => {
    const faults = section(emulator, '## Faults');
    expect(backtickedRows(faults)).toEqual([...FAULT_NAMES]);
    for (const f of FAULT_NAMES) expect(faults).toContain(`| \`${f}\` | ${FAULTS[f].summary} |`);
  });

  // The block runs up to its bound, and its server is given up to the event bound to go.
  it('serve example: the AWS SDK lists the seed file through `athena-contract serve`, newest first', { timeout: BLOCK_BOUND_MS + EVENT_BOUND_MS + 30_000 }, async () => {
    const block = fencedBlocks('docs/emulator.md', emulator).find((b) => b.marker === 'serve-example');
    expect(block).toBeDefined();
    const { code, stdout, stderr, leftovers, portFree } = await runBlock(block!.body, { way: 'script' });
    expect(code, stderr).toBe(0);
    expect(leftovers).toEqual([]);
    expect(portFree).toBe(true);
    const ids = stdout.split('\n').filter((l) => /^(worker|coordinator)-/.test(l)).map((l) => l.split(' ')[0]);
    expect(ids).toHaveLength(5);
    expect(ids[0]).toBe('worker-4');
    expect(ids.at(-1)).toBe('coordinator-1');
  });
});

describe('README and docs/', () => {
  it('embed the example files verbatim, so the snippets are the ones the packed-package test runs', () => {
    const embedded = docFiles().flatMap((f) => fencedBlocks(f, read(f))).filter((b) => b.marker?.startsWith('file: '));
    expect(embedded.length).toBeGreaterThanOrEqual(3);
    for (const b of embedded) {
      const path = b.marker!.slice('file: '.length);
      expect(b.body, path).toBe(read(path).replace(/\n$/, ''));
    }
  });
});
