import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../../package.json';
import { EXIT, type CliIO } from './io';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander hands options over untyped
type ListingRunner = (paths: string[], options: any, io: CliIO) => Promise<number>;

function nonNegativeInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${flag} takes a whole number, got "${value}"`);
    return Number(value);
  };
}

/** Options of every command that reads argument files. */
function inputOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'config file (default: argmap.config.yaml here or in a folder above)')
    .option('--max-file-size <bytes>', 'refuse files larger than this (default 50 MiB)', nonNegativeInteger('--max-file-size'))
    .option('--color', 'force colour on')
    .option('--no-color', 'force colour off');
}

/**
 * The command line: commander options wired to the pipeline. Commands are loaded only when run, so
 * start-up pays for the one command in use. Nothing below this layer prints or exits.
 */
export function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command('argmap')
    .description('Check, outline and analyse arguments kept as YAML: recommendation, reasons, risks, evidence, counterpoints.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run "argmap --help" for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 problems found in the input, 2 usage error, missing or unreadable path.\nDocs: README.md, docs/format.md (the file format), docs/rules.md (what check reports).',
    );

  const check = program
    .command('check')
    .description('validate argument files: YAML syntax, the JSON Schema and the rules of docs/rules.md (default path: arguments/)')
    .argument('[paths...]', 'files, folders (searched for *.yaml, *.yml) and globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['compact', 'json']).default('compact'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', nonNegativeInteger('--max-warnings'))
    .action(async (paths: string[], options) => {
      const { runCheck } = await import('./commands/check');
      setExitCode(await runCheck(paths, options, io));
    });
  inputOptions(check);

  const listing = (
    name: string,
    description: string,
    load: () => Promise<ListingRunner>,
    formats: [string, ...string[]] = ['text', 'json'],
  ) =>
    inputOptions(
      program
        .command(name)
        .description(description)
        .argument('[paths...]', 'files, folders and globs (default: arguments/)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]))
        .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
        .action(async (paths: string[], options) => {
          setExitCode(await (await load())(paths, options, io));
        }),
    );
  listing(
    'outline',
    'print the argument as a Markdown outline: recommendation, reasons with attributed evidence, risks, counterpoints, sources',
    async () => (await import('./commands/outline')).runOutline,
    ['markdown', 'json'],
  );
  listing('unsupported', 'list every claim that rests on nothing, with its kind, location and why', async () =>
    (await import('./commands/unsupported')).runUnsupported,
  );
  listing('counterpoints', 'list every counterpoint: what it attacks, its evidence, its rebuttals', async () =>
    (await import('./commands/counterpoints')).runCounterpoints,
  );

  return program;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`argmap: internal error: ${message}\n`);
    if (io.env.ARGMAP_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    io.stderr.write('This is a bug in argmap; please report it with the file that caused it.\n');
    return EXIT.usage;
  }
  return code;
}
