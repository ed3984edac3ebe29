/**
 * nock patches node:http and fetch the moment it loads, and every request then passes through its
 * interceptor (verify against an HTTP endpoint ran about three times slower). So the CLI and the
 * library's main entry must not load it until a replay or an interceptor asks for it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Whether node:http or fetch was patched (as nock does on load) by the time `script` ran. */
function nockLoadedAfter(script: string): Promise<boolean> {
  const probe = `const http = await import('node:http');
const before = [http.default.request, http.default.get, globalThis.fetch];
${script}
const after = [http.default.request, http.default.get, globalThis.fetch];
console.log(before.some((f, i) => f !== after[i]));`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: root }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim().endsWith('true')),
    ),
  );
}

it('importing the CLI and the main entry leaves node:http unpatched (nock not loaded)', async () => {
  expect(await nockLoadedAfter("await import('./src/cli.ts'); await import('./src/index.ts');")).toBe(false);
});

it('interceptAthena loads nock when it is called (the probe can tell)', async () => {
  expect(await nockLoadedAfter("const e = await import('./src/emulator/index.ts'); e.interceptAthena(e.createEmulator()).restore();")).toBe(true);
});
