/**
 * A failing boundary case (test/boundary-phase.test.ts) replays with the `--path` its report prints:
 * the bin run twice as a user would, the second time with the printed command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { startBoundaryEndpoint } from './helpers/boundary-endpoint.js';
import { runCli } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';

describe('a failing boundary case replays with the --path its report prints', () => {
  const dir = sharedTempDir('boundary-replay-');

  it('the printed replay command fails again on the same boundary case, and only runs that one', async () => {
    const endpoint = await startBoundaryEndpoint({ fault: 'max-zero' });
    try {
      const first = join(dir, 'first.json');
      const found = await runCli(['verify', '--endpoint', endpoint.url, '--seeded', '--only', 'errors.invalid-request', '--seed', '4', '--runs', '5', '--no-progress', '--json', first]);
      expect(found.code, found.stderr).toBe(1);
      const failed = (JSON.parse(readFileSync(first, 'utf8')) as Report).properties[0];
      const replay = failed.replay ?? '';
      expect(replay).toContain(`--path ${failed.counterexample?.path}`);
      // Everything after `verify` in the printed command, with the JSON report written elsewhere.
      const args = replay.slice(replay.indexOf(' verify ') + 1).split(' ').filter((a) => a !== '');
      const second = join(dir, 'second.json');
      const again = await runCli([...args, '--no-progress', '--json', second]);
      expect(again.code, again.stderr).toBe(1);
      const replayed = (JSON.parse(readFileSync(second, 'utf8')) as Report).properties[0];
      expect(replayed.counterexample?.message).toBe(failed.counterexample?.message);
      expect(replayed.counterexample?.scenario).toEqual(failed.counterexample?.scenario);
      expect(replayed.counterexample?.path).toBe(failed.counterexample?.path);
      expect(replayed.boundary).toBe(1);
    } finally {
      await endpoint.close();
    }
  });
});
