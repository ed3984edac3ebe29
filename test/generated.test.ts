import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXECUTOR_STATES, EXECUTOR_TYPES, REQUEST_CONSTRAINTS } from '../src/generated/constraints.js';
import { loadSchema } from '../src/schema/load.js';
import { renderConstraints } from '../src/schema/render-constraints.js';
import { renderGeneratedTypes } from '../src/schema/render-types.js';

/** Every generated file and how to render it from the schemas on disk now. */
const generated: [string, () => Promise<string> | string][] = [
  ['athena.ts', renderGeneratedTypes],
  ['constraints.ts', renderConstraints],
];

const checkedIn = (name: string): Promise<string> => readFile(new URL(`../src/generated/${name}`, import.meta.url), 'utf8');

describe.each(generated)('src/generated/%s', (name, render) => {
  it('equals what the schemas generate now (stale types would let code and schemas drift apart)', async () => {
    const text = await checkedIn(name);
    const fresh = await render();
    const a = text.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((t, i) => t !== b[i]);
    const where = line === -1 ? `line ${a.length + 1}` : `line ${line + 1}`;
    expect(text === fresh, `src/generated/${name} is stale from ${where}: run \`npm run generate\` and commit the result`).toBe(true);
  });

  it('starts with the line saying it is generated and must not be edited', async () => {
    const text = await checkedIn(name);
    expect(text.split('\n').slice(0, 3).join('\n')).toMatch(/GENERATED from schemas\/.*Do not edit by hand/s);
  });
});

describe('src/generated/constraints.ts', () => {
  it('holds the enums and the request bounds exactly as the schemas state them', () => {
    expect(EXECUTOR_STATES).toEqual(loadSchema('executor-state.schema.json').enum);
    expect(EXECUTOR_TYPES).toEqual(loadSchema('executor-type.schema.json').enum);
    const request = loadSchema('list-executors-request.schema.json');
    expect(Object.keys(REQUEST_CONSTRAINTS)).toEqual(Object.keys(request.properties ?? {}));
    expect(REQUEST_CONSTRAINTS.SessionId).toEqual({ type: 'string', required: true, minLength: 1, maxLength: 256 });
    expect(REQUEST_CONSTRAINTS.MaxResults).toEqual({ type: 'integer', required: false, minimum: 1, maximum: 100 });
    expect(REQUEST_CONSTRAINTS.NextToken).toEqual({ type: 'string', required: false, minLength: 0, maxLength: 2048 });
    expect(REQUEST_CONSTRAINTS.ExecutorStateFilter).toEqual({ type: 'string', required: false, enum: EXECUTOR_STATES });
  });
});
