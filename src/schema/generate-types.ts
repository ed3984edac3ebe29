/**
 * Emits src/generated/athena.ts from schemas/*.schema.json with json-schema-to-typescript.
 * Run by `npm run generate`; test/generated.test.ts fails when the checked-in file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderGeneratedTypes } from './render-types.js';

const out = fileURLToPath(new URL('../generated/athena.ts', import.meta.url));
const text = await renderGeneratedTypes();
const before = await readFile(out, 'utf8').catch(() => '');
if (before !== text) await writeFile(out, text);
console.log(`${before === text ? 'unchanged' : 'wrote'} ${out}`);
