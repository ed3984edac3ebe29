/**
 * `athena-contract serve`: ready at once with its URL on stdout, serving the seed file (and any
 * faults) until a signal, and every bad input one line on stderr naming the flag, with exit code 2.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { runCli } from './helpers/cli.js';
import { startServer } from './helpers/http-server.js';
import { captureWrites, LOADED_TEST_TIMEOUT_MS } from './helpers/wait.js';
import { tempDir } from './helpers/temp-dir.js';

function capture(stream: NodeJS.WriteStream): string[] {
  return captureWrites(stream).chunks;
}

describe('athena-contract serve', () => {
  afterEach(() => vi.restoreAllMocks());

  // Waits on serve's first line, not for a second: on a loaded machine listening took longer than that.
  it('prints its URL at once, serves the seed file with its faults, and exits 0 on SIGTERM', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const dir = tempDir('serve-');
    const file = join(dir, 'seed.json');
    const executors = [1, 2].map((i) => ({ ExecutorId: `e-${i}`, StartDateTime: 1_700_000_000_000 + i }));
    writeFileSync(file, JSON.stringify({ sessions: { s: executors } }));
    const out = captureWrites(process.stdout);
    const done = main(['serve', '--port', '0', '--seed-file', file, '--fault', 'oldest-first']);
    const ended = done.then((code) => Promise.reject(new Error(`serve ended (exit ${code}) before printing its URL`)));
    await Promise.race([out.printed(/listening on \S+\n/, "serve's listening line"), ended]);
    expect(out.chunks.join('')).toMatch(/^athena-contract emulator listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = /on (\S+)/.exec(out.chunks.join(''))?.[1] as string;
    const res = await fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: '{"SessionId":"s"}' });
    const ids = ((await res.json()) as { ExecutorsSummary: { ExecutorId: string }[] }).ExecutorsSummary.map((e) => e.ExecutorId);
    expect(ids).toEqual(['e-1', 'e-2']);
    process.emit('SIGTERM');
    expect(await done).toBe(0);
  });

  it('bad usage is one line on stderr naming the flag, and exit code 2', async () => {
    const dir = tempDir('serve-');
    const invalid = join(dir, 'bad.json');
    writeFileSync(invalid, JSON.stringify({ sessions: { s: [{ ExecutorId: 1 }] } }));
    const cases: [string[], RegExp][] = [
      [['--port', 'ten'], /^athena-contract: --port: expected an integer 0\.\.65535, got "ten"/],
      [['--fault', 'olest-first'], /^athena-contract: --fault: unknown fault "olest-first" \(did you mean oldest-first\?\)/],
      [['--seed-file', join(dir, 'missing.json')], /^athena-contract: --seed-file: cannot read /],
      [['--seed-file', invalid], /^athena-contract: --seed-file: .*session "s"/],
      [['--bogus'], /^athena-contract: serve: unknown option --bogus/],
    ];
    for (const [argv, pattern] of cases) {
      const err = capture(process.stderr);
      expect(await main(['serve', ...argv])).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(pattern);
      expect(err[0].trimEnd()).not.toContain('\n');
      vi.restoreAllMocks();
    }
  });

  it('prints its options with --help', async () => {
    const out = capture(process.stdout);
    expect(await main(['serve', '--help'])).toBe(0);
    expect(out.join('')).toMatch(/--seed-file F/);
  });

  it('through the bin, a failure to listen names the option at fault: --host for an address not of this machine, --port for a taken port', async () => {
    const taken = await startServer();
    const { port } = taken;
    try {
      const [host, busy] = await Promise.all([runCli(['serve', '--host', '999.1.1.1', '--port', '0']), runCli(['serve', '--port', String(port)])]);
      expect(host.code, host.stderr).toBe(2);
      expect(host.stderr).toMatch(/^athena-contract: --host: cannot listen on 999\.1\.1\.1 \((ENOTFOUND|EAI_AGAIN|EAI_FAIL|EADDRNOTAVAIL)\); give an address of this machine such as 127\.0\.0\.1\n$/);
      expect(busy.code, busy.stderr).toBe(2);
      expect(busy.stderr).toBe(`athena-contract: --port: cannot listen on 127.0.0.1:${port} (EADDRINUSE); choose a free port, or --port 0 for any\n`);
    } finally {
      await taken.close();
    }
  });
});
