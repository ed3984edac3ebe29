/**
 * The layer rules bite: dependency-cruiser, run with the project's own .dependency-cruiser.mjs, fails a
 * tree that imports upwards, sideways between siblings, or in a circle, and its message names both
 * files. (`npm run lint` runs the same rules over src/ itself, where there are none.)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sharedTempDir, tempDir } from './helpers/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** Writes `files` (path → source) into `dir`, a fresh tree, with a tsconfig, as a checkout would have. */
function tree(dir: string, files: Record<string, string>): string {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

/** Runs the project's dependency-cruiser rules over `dir`/src: exit code and what it printed. */
async function cruise(dir: string): Promise<{ code: number; out: string }> {
  const bin = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  try {
    const { stdout } = await run(process.execPath, [bin, 'src', '--config', join(root, '.dependency-cruiser.mjs'), '--output-type', 'err'], { cwd: dir });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

describe('layer rules', () => {
  /** A tree of `files` for one test. */
  const make = (files: Record<string, string>) => tree(tempDir('layers-'), files);
  const clean = tree(sharedTempDir('layers-'), {
    'src/model/pure.ts': "export const x = 1;\n",
    'src/contract/uses-model.ts': "import { x } from '../model/pure.js';\nexport const y = x;\n",
  });

  it('pass a tree whose imports only look down', async () => {
    expect(await cruise(clean)).toMatchObject({ code: 0 });
  });

  it('fail an upward import, naming both files', async () => {
    const dir = make({
      'src/model/climbs.ts': "import { run } from '../cli/command.js';\nexport const y = run;\n",
      'src/cli/command.ts': 'export const run = 1;\n',
    });
    const { code, out } = await cruise(dir);
    expect(code).not.toBe(0);
    expect(out).toMatch(/layer:model: src\/model\/climbs\.ts → src\/cli\/command\.ts/);
  });

  it('fail an import between siblings of one layer', async () => {
    const dir = make({
      'src/recording/peeks.ts': "import { r } from '../contract/runner.js';\nexport const y = r;\n",
      'src/contract/runner.ts': 'export const r = 1;\n',
    });
    const { code, out } = await cruise(dir);
    expect(code).not.toBe(0);
    expect(out).toMatch(/layer:recording: src\/recording\/peeks\.ts → src\/contract\/runner\.ts/);
  });

  it.each([
    ['catalogue', 'engine', 'catalogue'],
    ['catalogue', 'report', 'catalogue'],
    ['engine', 'report', 'engine'],
    ['coverage', 'catalogue', 'coverage'],
  ])('fail an import from contract/%s into contract/%s, naming both files', async (from, to, rule) => {
    const dir = make({
      [`src/contract/${from}/reads.ts`]: `import { z } from '../${to}/thing.js';\nexport const y = z;\n`,
      [`src/contract/${to}/thing.ts`]: 'export const z = 1;\n',
    });
    const { code, out } = await cruise(dir);
    expect(code).not.toBe(0);
    expect(out).toContain(`room:contract/${rule}: src/contract/${from}/reads.ts → src/contract/${to}/thing.ts`);
  });

  it('pass the imports the rooms may make: the report reads the engine and the catalogue, the engine the catalogue', async () => {
    const dir = make({
      'src/contract/catalogue/law.ts': 'export const law = 1;\n',
      'src/contract/engine/run.ts': "import { law } from '../catalogue/law.js';\nexport const run = law;\n",
      'src/contract/report/tell.ts': "import { run } from '../engine/run.js';\nimport { law } from '../catalogue/law.js';\nexport const tell = run + law;\n",
      'src/contract/run-all.ts': "import { tell } from './report/tell.js';\nexport const all = tell;\n",
    });
    expect(await cruise(dir)).toMatchObject({ code: 0 });
  });

  it('fail a room that imports the root module joining the rooms', async () => {
    const dir = make({
      'src/contract/engine/climbs.ts': "import { all } from '../run-all.js';\nexport const y = all;\n",
      'src/contract/run-all.ts': 'export const all = 1;\n',
    });
    const { code, out } = await cruise(dir);
    expect(code).not.toBe(0);
    expect(out).toContain('room:contract/root: src/contract/engine/climbs.ts → src/contract/run-all.ts');
  });

  it('fail an import cycle, naming the files of the circle', async () => {
    const dir = make({
      'src/emulator/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/emulator/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    const { code, out } = await cruise(dir);
    expect(code).not.toBe(0);
    expect(out).toMatch(/no-circular: src\/emulator\/(a|b)\.ts →/);
    expect(out).toMatch(/src\/emulator\/a\.ts/);
    expect(out).toMatch(/src\/emulator\/b\.ts/);
  });
});
