import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderGeneratedTypes } from '../src/schema/render-types.js';

describe('src/generated/athena.ts', () => {
  it('equals what the schemas generate now (stale types would let code and schemas drift apart)', async () => {
    const checkedIn = await readFile(new URL('../src/generated/athena.ts', import.meta.url), 'utf8');
    const fresh = await renderGeneratedTypes();
    const a = checkedIn.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    const where = line === -1 ? `line ${a.length + 1}` : `line ${line + 1}`;
    expect(checkedIn === fresh, `src/generated/athena.ts is stale from ${where}: run \`npm run generate\` and commit the result`).toBe(true);
  });

  it('starts with the line saying it is generated and must not be edited', async () => {
    const checkedIn = await readFile(new URL('../src/generated/athena.ts', import.meta.url), 'utf8');
    expect(checkedIn.split('\n').slice(0, 3).join('\n')).toMatch(/GENERATED from schemas\/.*Do not edit by hand/s);
  });
});
