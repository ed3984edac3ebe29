/**
 * Scripts that start a server in the background and use it at once: `serve --ready-file F` writes the
 * URL once it listens (and removes F when it stops), and `verify --wait-for-endpoint S` retries the
 * first connection until something answers, or ends in one line and exit 2.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TargetError } from '../src/common/errors.js';
import { waitForEndpoint } from '../src/cli/wait-for-endpoint.js';
import { BIN, runCli } from './helpers/cli.js';
import { freePort, startServer } from './helpers/http-server.js';
import { EVENT_BOUND_MS, LOADED_TEST_TIMEOUT_MS, until, within } from './helpers/wait.js';
import { tempDir } from './helpers/temp-dir.js';

/**
 * Listens on `port`, closing every connection unanswered, until the first one comes; `attempted`
 * resolves once that has happened and `port` is free again.
 */
async function noAnswerOn(port: number): Promise<{ attempted: Promise<void> }> {
  const server = createNetServer();
  const attempted = new Promise<void>((resolve) =>
    server.on('connection', (socket) => {
      socket.destroy();
      if (server.listening) server.close(() => resolve());
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { attempted };
}

describe('serve --ready-file', () => {
  it('writes the URL once listening, and removes the file on SIGTERM', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const file = join(tempDir('ready-'), 'serve.url');
    const child = spawn(BIN, ['serve', '--port', '0', '--ready-file', file], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await until(() => existsSync(file) || child.exitCode !== null, 'the ready file');
    expect(child.exitCode, 'serve exited before writing its ready file').toBeNull();
    const url = readFileSync(file, 'utf8').trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AmazonAthena.ListExecutors' }, body: '{"SessionId":"nobody"}' });
    expect(res.status).toBe(400);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('a ready file that cannot be written is one line naming the flag, exit 2 (the server does not stay up)', async () => {
    const r = await runCli(['serve', '--port', '0', '--ready-file', join(tmpdir(), 'no-such-dir-here', 'x', 'serve.url')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^athena-contract: --ready-file: cannot write .*serve\.url \(ENOENT\); give a path in a writable directory$/);
  });
});

describe('verify --wait-for-endpoint', () => {
  it('any HTTP answer ends the wait (a 404 too): the run judges the answers, not the wait', async () => {
    const server = await startServer((_req, res) => res.writeHead(404).end());
    await expect(waitForEndpoint(server.url, 1)).resolves.toBeUndefined();
    await server.close();
  });

  it('nothing listening within S seconds is a TargetError naming the flag and the reason', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await waitForEndpoint(url, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as Error).message).toBe(`--wait-for-endpoint: nothing answered at ${url} within 1 s (ECONNREFUSED); start the endpoint first, or wait longer`);
  });

  // Serve starts once verify is seen waiting (its first attempt, answered by no HTTP), not after a
  // second, which a loaded machine can spend starting verify: serve would then be up before the wait.
  it('verify started before serve listens waits for it, and passes', { timeout: LOADED_TEST_TIMEOUT_MS }, async () => {
    const port = await freePort();
    const { attempted } = await noAnswerOn(port);
    const verifying = runCli(['verify', '--endpoint', `http://127.0.0.1:${port}`, '--seeded', '--wait-for-endpoint', String(EVENT_BOUND_MS / 1000), '--only', 'ordering.newest-first', '--runs', '5', '--no-progress'], { timeoutMs: LOADED_TEST_TIMEOUT_MS - 30_000 });
    await within(attempted, "verify's first attempt to reach the endpoint");
    const server = spawn(BIN, ['serve', '--port', String(port)], { stdio: 'ignore' });
    const r = await verifying;
    server.kill('SIGTERM');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ordering\.newest-first\s+passed\s+5/);
  });

  it('through the CLI: a timeout is one line and exit 2; without --endpoint it is a usage error', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const late = await runCli(['verify', '--endpoint', url, '--seeded', '--wait-for-endpoint', '1', '--runs', '5']);
    expect(late.code).toBe(2);
    expect(late.stderr.trim().split('\n')).toEqual([`athena-contract: --wait-for-endpoint: nothing answered at ${url} within 1 s (ECONNREFUSED); start the endpoint first, or wait longer`]);
    const alone = await runCli(['verify', '--wait-for-endpoint', '5']);
    expect(alone.code).toBe(2);
    expect(alone.stderr.trim()).toBe('athena-contract: --wait-for-endpoint applies to --endpoint URL: add one, or drop --wait-for-endpoint');
  });
});
