#!/usr/bin/env node
// The `athena-contract` command. In a checkout it runs the TypeScript sources through tsx, so a fresh
// clone needs no build step, unless dist/ was built from the sources as they are (npm ci builds it):
// then dist/, which starts faster. In the installed package (no src/*.ts) it runs the compiled dist/.
import { existsSync } from 'node:fs';

const source = new URL('../cli.ts', import.meta.url);
const compiled = new URL('../../dist/cli.js', import.meta.url);

async function load() {
  if (existsSync(source)) {
    const { builtFromSources } = await import('./source-digest.js');
    if (builtFromSources()) return import(compiled.href);
    const tsx = await import('tsx/esm/api').catch(() => undefined);
    if (tsx) {
      tsx.register();
      return import(source.href);
    }
  }
  if (existsSync(compiled)) return import(compiled.href);
  process.stderr.write('athena-contract: neither tsx (to run the sources) nor dist/ (the build) is here; run `npm install`, or `npm run build`\n');
  process.exit(2);
}

const cli = await load();
const code = await cli.main(process.argv.slice(2));
// Exit explicitly: a target may leave keep-alive sockets open, and the report is already written.
process.stdout.write('', () => process.exit(code));
