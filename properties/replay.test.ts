/**
 * Every recording under recordings/ replayed with the network disabled: the same checks on the same
 * requests reach the verdicts recorded, and every recorded exchange is still asked for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { profileNamed } from '../src/profiles/index.js';
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
      // ListExecutors' cassettes at the top, each other operation's in a folder named after it.
      const sets = [{ operation: 'ListExecutors', dir }, ...readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => ({ operation: d.name, dir: join(dir, d.name) }))];
      const verdicts = Object.fromEntries(
        sets.flatMap((set) =>
          readdirSync(set.dir).filter((f) => f.endsWith('.json')).map((f) => {
            const c = JSON.parse(readFileSync(join(set.dir, f), 'utf8')) as Cassette;
            return [`${set.operation}/${c.header.property}`, c.header.verdict];
          }),
        ),
      );
      const operations = sets.map((set) => profileNamed(set.operation)).filter((p) => p !== undefined);
      expect(operations).toHaveLength(sets.length);
      const report = await verify({ replay: dir, operations });
      expect(Object.fromEntries(report.properties.map((p) => [`${p.operation ?? 'ListExecutors'}/${p.id}`, p.status]))).toEqual(verdicts);
      expect(report.replay?.unused).toEqual([]);
      expect(report.replay?.served).toBe(report.replay?.recorded);
    });
  }
});
