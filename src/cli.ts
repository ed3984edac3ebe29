/**
 * The `athena-contract` command line: `verify` runs the contract, `serve` runs the emulator. Every
 * usage, configuration or connection problem ends in one line on stderr and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './common/errors.js';
import { errorLine } from './cli/error-line.js';

const USAGE = `usage: athena-contract <command> [options]

commands:
  verify   run the ListExecutors contract against the built-in emulator or an endpoint
  serve    run the built-in ListExecutors emulator as an HTTP server
  merge-reports DIR...
           join the JSON reports of the shards of one run (verify --shard i/n)
  diff OLD NEW
           compare two recordings (verify --record) at the contract level: exit 1 on drift

Run \`athena-contract <command> --help\` (or -h, or \`athena-contract help <command>\`) for a command's options,
\`athena-contract --version\` for the version.

Documentation: README.md, and docs/cli.md for every command and flag (docs/cli.md#verify, #serve,
#merge-reports, #diff).
`;

type Io = { out(text: string): void; isTTY: boolean };

/**
 * Each command by name: what `athena-contract NAME` and `athena-contract help NAME` run. Each is
 * imported when it runs: `serve` (and `--help`) need not load the SDK's and the contract's modules
 * that `verify` needs, and start-up is most of a short command's time.
 */
const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  verify: async (argv, io) => (await import('./cli/verify-command.js')).verifyCommand(argv, io),
  serve: async (argv, io) => (await import('./cli/serve-command.js')).serveCommand(argv, io),
  'merge-reports': async (argv, io) => (await import('./cli/merge-command.js')).mergeCommand(argv, io),
  diff: async (argv, io) => (await import('./cli/diff-command.js')).diffCommand(argv, io),
};

/** The package's version, from the package.json one level above this file (src/ or dist/). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The command `name` names, or undefined (names of Object's prototype are no commands). */
function commandOf(name: string | undefined): ((argv: readonly string[], io: Io) => Promise<number>) | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function unknownCommand(command: string): UsageError {
  const names = Object.keys(COMMANDS);
  return new UsageError(`unknown command ${JSON.stringify(command)}: expected ${names.slice(0, -1).join(', ')} or ${names.at(-1)} (see athena-contract --help)`);
}

/** Runs the top-level words (no command, help, --version) and the command `command` names. */
async function dispatch(command: string | undefined, rest: readonly string[], io: Io): Promise<number> {
  const run = commandOf(command);
  if (run) return run(rest, io);
  switch (command) {
    case '--version':
      io.out(`${version()}\n`);
      return 0;
    case 'help': {
      if (rest[0] === undefined) {
        io.out(USAGE);
        return 0;
      }
      const help = commandOf(rest[0]);
      if (!help) throw unknownCommand(rest[0]);
      return help(['--help'], io);
    }
    case undefined:
    case '--help':
    case '-h':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw unknownCommand(command);
  }
}

/** Runs the command line with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // The SDK's notice about its own future Node support is not this tool's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [command, ...rest] = argv;
  const io = { out: (text: string) => void process.stdout.write(text), isTTY: !!process.stdout.isTTY };
  try {
    return await dispatch(command, rest, io);
  } catch (e) {
    process.stderr.write(`athena-contract: ${errorLine(e)}\n`);
    return 2;
  }
}
