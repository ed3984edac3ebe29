/**
 * Reports are CI artifacts: the exchanges of a counterexample that they keep are redacted like the
 * recordings, so no credential from the environment reaches --json, --junit or --markdown in any form.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

const ACCESS_KEY_ID = 'AKIACANARY1234567890';
const SECRET = 'canary/secret+KEY=with-specials';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjECanarySessionToken/With+Slashes==';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ faults: ['oldest-first'] });
});
afterAll(() => emulator.close());

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), JSON.stringify(secret).slice(1, -1)];
}

it('no credential of the environment reaches a failing run’s JSON, JUnit or Markdown report', async () => {
  const dir = tempDir('report-redaction-');
  const r = await runCli(
    ['verify', '--endpoint', emulator.url, '--seeded', '--only', 'ordering.newest-first', '--runs', '20', '--seed', '5', '--json', join(dir, 'r.json'), '--junit', join(dir, 'r.xml'), '--markdown', join(dir, 'r.md')],
    { env: { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: SESSION_TOKEN } },
  );
  expect(r.code, r.stderr).toBe(1);
  const json = await readFile(join(dir, 'r.json'), 'utf8');
  // The run signed with these credentials, so the exchanges had them before redaction.
  expect(JSON.parse(json).properties[0].counterexample.exchanges.length).toBeGreaterThan(0);
  expect(json).toMatch(/"authorization": "REDACTED"/);
  for (const file of ['r.json', 'r.xml', 'r.md']) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const secret of [ACCESS_KEY_ID, SECRET, SESSION_TOKEN]) for (const form of forms(secret)) expect(text, `${file} holds ${form}`).not.toContain(form);
  }
  for (const secret of [ACCESS_KEY_ID, SESSION_TOKEN]) expect(r.stdout).not.toContain(secret);
});
