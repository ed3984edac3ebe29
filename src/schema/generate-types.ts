/**
 * Emits src/generated/athena.ts (the types, with json-schema-to-typescript) and
 * src/generated/constraints.ts (the request's constraints and the enums) from schemas/*.schema.json.
 * Run by `npm run generate`; test/generated.test.ts fails when a checked-in file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderConstraints } from './render-constraints.js';
import { renderGeneratedTypes } from './render-types.js';

const outputs: [string, string][] = [
  ['athena.ts', await renderGeneratedTypes()],
  ['constraints.ts', renderConstraints()],
];
for (const [name, text] of outputs) {
  const out = fileURLToPath(new URL(`../generated/${name}`, import.meta.url));
  const before = await readFile(out, 'utf8').catch(() => '');
  if (before !== text) await writeFile(out, text);
  console.log(`${before === text ? 'unchanged' : 'wrote'} ${out}`);
}
