/**
 * A correct service read while it moves (test/helpers/churning-endpoint.ts: every parent gains a
 * newest item and moves one a state forward every 100-300 ms, keyset tokens) passes the observational
 * catalogue on all three operations at seeds 1-3, here at the default concurrency (8 for an endpoint;
 * moving-target-serial.test.ts runs it at 1), and the report says it moved: `coverage.moving`, a
 * `moving` note on each property whose walks saw a change and one for the run. Seeds 1 and 2 run the
 * verify app in process, seed 3 the bin by its path, as a user types it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../src/common/results.js';
import { runCli } from './helpers/cli.js';
import { expectMovingPass, startChurningEndpoint, verifyChurning, type ChurningEndpoint } from './helpers/churning-endpoint.js';
import { tempDir } from './helpers/temp-dir.js';

const open: ChurningEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function started(seed: number): Promise<ChurningEndpoint> {
  const endpoint = await startChurningEndpoint({ seed });
  open.push(endpoint);
  return endpoint;
}

describe('a service that moves while it is read: cross-walk laws bind only what held still', () => {
  it('passes every observational law of all three operations at the default concurrency, seeds 1-3, with the moving note', async () => {
    for (const seed of [1, 2]) {
      const endpoint = await started(seed);
      expectMovingPass(await verifyChurning(endpoint, seed), endpoint, `seed ${seed}`);
    }
    const endpoint = await started(3);
    const json = join(tempDir('moving-'), 'report.json');
    const cli = await runCli(['verify', '--endpoint', endpoint.url, '--session-id', endpoint.sessions[0], '--workgroup', endpoint.workgroups[0], '--operation', 'all', '--seed', '3', '--runs', '3', '--json', json], { timeoutMs: 120_000 });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/warning the target moved during the run: \d+ came, \d+ went, \d+ changed state/);
    expectMovingPass(JSON.parse(readFileSync(json, 'utf8')) as Report, endpoint, 'seed 3, the bin');
  }, 150_000);
});
