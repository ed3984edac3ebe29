/**
 * The `athena-contract` command line: verify | serve | diff.
 */
/** Runs the command line with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  process.stderr.write(`athena-contract: not built yet (${argv.join(' ')})\n`);
  return 2;
}
