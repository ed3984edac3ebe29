/**
 * Every recording under recordings/ replayed with the network disabled: the same checks on the same
 * requests reach the verdicts recorded, and every recorded exchange is still asked for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import type { Cassette } from '../src/recording/cassette.js';

const ROOT = fileURLToPath(new URL('../recordings/', import.meta.url));
const recordings = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('recordings/ replay', () => {
  it('there is at least the built-in emulator recording', () => {
    expect(recordings).toContain('builtin-emulator');
  });

  for (const name of recordings) {
    it(`${name}: replaying reaches the recorded verdicts with no unused exchange`, async () => {
      const dir = join(ROOT, name);
      const verdicts = Object.fromEntries(
        readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
          const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Cassette;
          return [c.header.property, c.header.verdict];
        }),
      );
      const report = await verify({ replay: dir });
      expect(Object.fromEntries(report.properties.map((p) => [p.id, p.status]))).toEqual(verdicts);
      expect(report.replay?.unused).toEqual([]);
      expect(report.replay?.served).toBe(report.replay?.recorded);
    });
  }
});
