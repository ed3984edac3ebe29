/**
 * Every shell block of README.md, CONTRIBUTING.md and docs/ runs as written (pasted into bash) and as
 * a script, exits 0 and leaves no process and no taken port behind (test/helpers/doc-blocks.ts says
 * how each kind of block runs). Blocks of npm scripts are checked against package.json instead. The
 * runner itself is shown to catch a failing block and a block that leaves a server.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_BOUND_MS, installedPackage, kindOf, npmScriptProblems, runBlock, shellBlocks, type BlockWay } from './helpers/doc-blocks.js';
import { EVENT_BOUND_MS } from './helpers/wait.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
const blocks = shellBlocks();
const runnable = blocks.filter((b) => ['user', 'checkout', 'aws'].includes(kindOf(b)));
const WAYS: readonly BlockWay[] = ['pasted', 'script'];
const BLOCK_TIMEOUT_MS = BLOCK_BOUND_MS + EVENT_BOUND_MS + 30_000;

describe('the shell blocks of README.md and docs/', () => {
  it('are many, each with a known marker; the npm-script blocks name scripts package.json has', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    expect(runnable.length).toBeGreaterThanOrEqual(8);
    for (const b of blocks.filter((x) => kindOf(x) === 'npm-scripts')) expect(npmScriptProblems(b.body, scripts), `${b.file}:${b.line}`).toEqual([]);
  });

  describe('run as written and as a script', () => {
    let aws: Emulator;
    // Building the installed package (a copy of the checkout, when dist/ is stale) takes 172 s at load 20.
    beforeAll(async () => {
      await installedPackage();
      aws = await startEmulator({ growth: { stepMs: 200, calculationMs: 60_000 } });
    }, BLOCK_BOUND_MS);
    afterAll(() => aws?.close());

    for (const b of runnable) {
      for (const way of WAYS) {
        it(`${b.file}:${b.line} (${kindOf(b)}, ${way})`, { timeout: BLOCK_TIMEOUT_MS }, async () => {
          const kind = kindOf(b);
          const ran = await runBlock(b.body, { way, kind, aws: kind === 'aws' ? aws.url : undefined });
          expect(ran.code, `${b.body}\n--- stdout\n${ran.stdout.slice(-3000)}\n--- stderr\n${ran.stderr.slice(-3000)}`).toBe(0);
          expect(ran.leftovers, b.body).toEqual([]);
          expect(ran.portFree, b.body).toBe(true);
        });
      }
    }
  });
});

describe('the block runner', () => {
  it('reports a block that fails, pasted or as a script', { timeout: BLOCK_TIMEOUT_MS }, async () => {
    for (const way of WAYS) expect((await runBlock('true\nfalse', { way, kind: 'checkout' })).code).not.toBe(0);
  });

  it('reports a server a block leaves behind, and the port it holds, then stops it', { timeout: BLOCK_TIMEOUT_MS }, async () => {
    const ran = await runBlock('node_modules/.bin/athena-contract serve --port 4566 --ready-file s.url &\nuntil [ -f s.url ]; do sleep 0.1; done', { way: 'script' });
    expect(ran.code).toBe(0);
    expect(ran.leftovers).toHaveLength(1);
    expect(ran.leftovers[0]).toMatch(/athena-contract serve --port \d+/);
    expect(ran.portFree).toBe(false);
  });

  it('finds npm commands that name no script, and commands that are no npm script', () => {
    expect(npmScriptProblems('npm install && npm start\nnpm test   # the suite\nnpm run lint', { start: 'x', test: 'y', lint: 'z' })).toEqual([]);
    expect(npmScriptProblems('npm run bnech', { bench: 'x' })).toEqual(['no such script: npm run bnech']);
    expect(npmScriptProblems('npm start', {})).toEqual(['no such script: npm start']);
    expect(npmScriptProblems('npx athena-contract verify', {})).toEqual(['not an npm script: npx athena-contract verify']);
  });

  it('refuses a marker it does not know', () => {
    expect(() => kindOf({ file: 'x.md', line: 3, lang: 'sh', marker: 'needs: something', body: '' })).toThrow(/unknown block marker/);
  });
});
