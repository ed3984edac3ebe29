#!/usr/bin/env node
// The `athena-contract` command. In a checkout it runs the TypeScript sources through tsx, so a fresh
// clone needs no build step; in the installed package (no src/*.ts) it runs the compiled dist/.
import { existsSync } from 'node:fs';

const source = new URL('../cli.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import(new URL('../../dist/cli.js', import.meta.url).href);
}
const code = await cli.main(process.argv.slice(2));
// Exit explicitly: a target may leave keep-alive sockets open, and the report is already written.
process.stdout.write('', () => process.exit(code));
