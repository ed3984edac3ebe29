/**
 * The README stays true: its first screen names the two commands of a fresh machine, its tables of
 * properties and faults list exactly the catalogue and the fault registry, and every shell block that
 * starts `serve` runs as a script, as a user's project would run it (see test/helpers/readme-blocks.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BLOCK_BOUND_MS, runServeBlock, serveBlocks } from './helpers/readme-blocks.js';
import { EVENT_BOUND_MS } from './helpers/wait.js';
import { catalogue } from '../src/contract/catalogue/index.js';
import { FAULTS, FAULT_NAMES } from '../src/emulator/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

/** The first column of every table row whose first cell is a backticked name. */
function backtickedRows(text: string): string[] {
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

describe('README', () => {
  it('gives the two commands of a fresh machine on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm install && npm start');
    expect(firstScreen).toContain('npm test');
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    expect(pkg.scripts.start).toMatch(/athena-contract(\.js)? verify$/);
  });

  it('lists exactly the catalogue, in order, with each law', () => {
    const section = readme.slice(readme.indexOf('## The property catalogue'), readme.indexOf('## Validating your emulator'));
    expect(backtickedRows(section)).toEqual(catalogue.map((p) => p.id));
    for (const p of catalogue) expect(section).toContain(p.law);
  });

  it('lists exactly the fault registry, each with its summary and the property meant to catch it', () => {
    const section = readme.slice(readme.indexOf('**Faults**'), readme.indexOf('## As a library'));
    expect(backtickedRows(section)).toEqual([...FAULT_NAMES]);
    for (const f of FAULT_NAMES) expect(section).toContain(`| \`${f}\` | ${FAULTS[f].summary} |`);
  });

  it('embeds the example files verbatim, so the snippets are the ones the packed-package test runs', () => {
    const embedded = [...readme.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)];
    expect(embedded.length).toBeGreaterThanOrEqual(3);
    for (const [, path, body] of embedded) expect(body, path).toBe(readFileSync(`${root}${path}`, 'utf8').replace(/\n$/, ''));
  });

  // Each block runs up to its bound, and its server is given up to the event bound to go.
  it('serve example: the AWS SDK lists the seed file through `athena-contract serve`, newest first', { timeout: BLOCK_BOUND_MS + EVENT_BOUND_MS + 30_000 }, async () => {
    const block = /<!-- serve-example -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const { code, stdout, stderr, leftovers, portFree } = await runServeBlock(block!);
    expect(code, stderr).toBe(0);
    expect(leftovers).toEqual([]);
    expect(portFree).toBe(true);
    const ids = stdout.split('\n').filter((l) => /^(worker|coordinator)-/.test(l)).map((l) => l.split(' ')[0]);
    expect(ids).toHaveLength(5);
    expect(ids[0]).toBe('worker-4');
    expect(ids.at(-1)).toBe('coordinator-1');
  });

  it('every shell block that starts `serve` runs as a script, and leaves no server and no taken port behind', { timeout: serveBlocks(readme).length * (BLOCK_BOUND_MS + EVENT_BOUND_MS) + 30_000 }, async () => {
    const blocks = serveBlocks(readme);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const { code, stderr, leftovers, portFree } = await runServeBlock(block);
      expect(code, `${block}\n${stderr}`).toBe(0);
      expect(leftovers, block).toEqual([]);
      expect(portFree, block).toBe(true);
    }
  });
});
