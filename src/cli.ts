/**
 * The `athena-contract` command line: `verify` runs the contract, `serve` runs the emulator. Every
 * usage, configuration or connection problem ends in one line on stderr and exit code 2.
 */
import { UsageError, TargetError, FatalRunError } from './common/errors.js';
import { serveCommand } from './cli/serve-command.js';
import { verifyCommand } from './cli/verify-command.js';
import { mergeCommand } from './cli/merge-command.js';
import { diffCommand } from './cli/diff-command.js';

const USAGE = `usage: athena-contract <command> [options]

commands:
  verify   run the ListExecutors contract against the built-in emulator or an endpoint
  serve    run the built-in ListExecutors emulator as an HTTP server
  merge-reports DIR...
           join the JSON reports of the shards of one run (verify --shard i/n)
  diff OLD NEW
           compare two recordings (verify --record) at the contract level: exit 1 on drift

Run \`athena-contract <command> --help\` for a command's options.
`;

/** Runs the command line with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // The SDK's notice about its own future Node support is not this tool's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [command, ...rest] = argv;
  const io = { out: (text: string) => void process.stdout.write(text), isTTY: !!process.stdout.isTTY };
  try {
    switch (command) {
      case 'verify':
        return await verifyCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'merge-reports':
        return await mergeCommand(rest, io);
      case 'diff':
        return await diffCommand(rest, io);
      case undefined:
      case '--help':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}: expected verify, serve, merge-reports or diff (see athena-contract --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof TargetError || e instanceof FatalRunError) {
      process.stderr.write(`athena-contract: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`athena-contract: internal error: ${err.name}: ${err.message} (please report it with the command line)\n`);
    return 2;
  }
}
