/**
 * `serve --latency MS` and `startEmulator({ latencyMs })`: every answer waits MS first, the answer
 * itself unchanged; a bad value is one line naming --latency.
 */
import { ListExecutorsCommand } from '@aws-sdk/client-athena';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { runCli } from './helpers/cli.js';
import { captureWrites, LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';

/** The median of `n` timed calls of `fn`, in milliseconds. */
async function medianMs(n: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

describe('latency', () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    vi.restoreAllMocks();
  });

  it('startEmulator({ latencyMs }) holds every answer back that long, and answers as without it', async () => {
    emulator = await startEmulator({ latencyMs: 60, sessions: { s: [{ ExecutorId: 'e-1', StartDateTime: 1 }] } });
    const client = emulator.client();
    const ms = await medianMs(3, () => client.send(new ListExecutorsCommand({ SessionId: 's' })));
    expect(ms).toBeGreaterThanOrEqual(55);
    const out = await client.send(new ListExecutorsCommand({ SessionId: 's' }));
    expect(out.ExecutorsSummary?.map((e) => e.ExecutorId)).toEqual(['e-1']);
    await expect(client.send(new ListExecutorsCommand({ SessionId: 'missing' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  // Waits on serve's first line, however long a loaded machine takes to print it.
  it('serve --latency MS serves with that latency', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const out = captureWrites(process.stdout);
    const done = main(['serve', '--port', '0', '--latency', '60']);
    const ended = done.then((code) => Promise.reject(new Error(`serve ended (exit ${code}) before printing its URL`)));
    const [, url] = await Promise.race([out.printed(/listening on (\S+)\n/, "serve's listening line"), ended]);
    const ms = await medianMs(3, () => fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: '{"SessionId":"x"}' }).then((r) => r.text()));
    expect(ms).toBeGreaterThanOrEqual(55);
    process.emit('SIGTERM');
    expect(await done).toBe(0);
  });

  it.each([['-3'], ['ten'], ['1.5']])('serve --latency %s is one line naming --latency, exit 2', async (raw) => {
    const { code, stderr } = await runCli(['serve', '--latency', raw]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--latency: expected milliseconds/);
  });

  it('startEmulator refuses a negative latency with a message naming it', async () => {
    await expect(startEmulator({ latencyMs: -1 })).rejects.toThrow(/latencyMs must be a number of milliseconds >= 0/);
  });
});
