import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../../package.json';
import { errnoText } from '../diagnostics/messages';
import { CHECK_FORMATS } from '../format/check-format-names';
import { DIRECTIONS } from '../format/diagram-direction';
import type { CheckCommandOptions } from './commands/check';
import type { ExportOptions } from './commands/export';
import type { FmtOptions } from './commands/fmt';
import type { ImportOptions } from './commands/import';
import type { LspOptions } from './commands/lsp';
import type { RenameOptions } from './commands/rename';
import { EXIT, type CliIO } from './io';
import { safeLine } from '../util/safe-text';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander hands options over untyped
type ListingRunner = (paths: string[], options: any, io: CliIO) => Promise<number>;

function nonNegativeInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${flag} takes a whole number, got "${value}"`);
    return Number(value);
  };
}

/** Options of every command that reads a file: size limit and colour. */
function readOptions(command: Command): Command {
  return command
    .option('--max-file-size <bytes>', 'refuse files larger than this (default 50 MiB)', nonNegativeInteger('--max-file-size'))
    .option('--color', 'force colour on')
    .option('--no-color', 'force colour off');
}

/** Options of every command that checks argument files: the config, then what any reader takes. */
function inputOptions(command: Command): Command {
  return readOptions(command.option('-c, --config <file>', 'config file (default: argmap.config.yaml here or in a folder above)'));
}

/**
 * The command line: commander options wired to the pipeline. Commands are loaded only when run, so
 * start-up pays for the one command in use. Nothing below this layer prints or exits.
 */
function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
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
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', nonNegativeInteger('--max-warnings'))
    .option('-q, --quiet', 'report errors only (warnings and notes still count for the exit code)')
    .option(
      '--cache',
      'only check files whose content changed since the last --cache run (results kept in node_modules/.cache/argmap/, or the user cache folder)',
    )
    .option('--cache-location <path>', 'the file where --cache keeps its results, or a folder (existing, or ending with /) to keep it in')
    .action(async (paths: string[], options: CheckCommandOptions) => {
      const { runCheck } = await import('./commands/check');
      setExitCode(await runCheck(paths, options, io));
    });
  inputOptions(check);

  const listing = (
    name: string,
    description: string,
    load: () => Promise<ListingRunner>,
    formats: [string, ...string[]] = ['text', 'json'],
    operand: [string, string] = ['[paths...]', 'files, folders and globs (default: arguments/)'],
  ) =>
    inputOptions(
      program
        .command(name)
        .description(description)
        .argument(operand[0], operand[1])
        .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]))
        .option(
          '-o, --output <file>',
          name === 'report'
            ? 'the file to write (atomically; default report.html)'
            : 'write to a file (atomically) instead of standard output',
        )
        .action(async (paths: string[] | string | undefined, options) => {
          const list = paths === undefined ? [] : typeof paths === 'string' ? [paths] : paths;
          setExitCode(await (await load())(list, options, io));
        }),
    );
  listing(
    'outline',
    'print the argument as a Markdown outline: recommendation, reasons with attributed evidence, risks, counterpoints, sources',
    async () => (await import('./commands/outline')).runOutline,
    ['markdown', 'json'],
  ).option('--diagram', 'embed the Mermaid drawing of the argument after the title (GitHub renders it)');
  listing(
    'unsupported',
    'list every claim that rests on nothing, with its kind, location and why',
    async () => (await import('./commands/unsupported')).runUnsupported,
  );
  listing(
    'counterpoints',
    'list every counterpoint: what it attacks, its evidence, its rebuttals',
    async () => (await import('./commands/counterpoints')).runCounterpoints,
  );

  listing(
    'evaluate',
    'label every claim in, out or undecided (grounded semantics over support, attack and undercut), say why, and whether the recommendation stands',
    async () => (await import('./commands/evaluate')).runEvaluate,
  ).option('--explain <id>', 'print the whole chain of reasons behind the claim with this id');

  program
    .command('schema')
    .description("print the argument file schema's $id and its path in the package (for editors: see docs/editors.md)")
    .option('--print', 'print the schema itself (JSON)')
    .action(async (options: { print?: boolean }) => {
      setExitCode((await import('./commands/schema')).runSchema(options, io));
    });
  program
    .command('init')
    .description('write a new argument file from a commented template that passes argmap check')
    .argument('[file]', 'the file to write', 'arguments/argument.yaml')
    .option('--force', 'replace the file if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
      setExitCode(await (await import('./commands/init')).runInit(file, options, io));
    });

  listing(
    'graph',
    'draw the argument: Mermaid, Graphviz DOT, or SVG (drawn in-process, no Graphviz needed; see docs/graphs.md)',
    async () => (await import('./commands/graph')).runGraph,
    ['mermaid', 'dot', 'svg'],
    ['[path]', 'the argument file, or a folder or glob that holds one (default: arguments/)'],
  )
    .addOption(
      new Option('--evidence <where>', 'draw evidence inside its claim, in boxes of its own, or not at all')
        .choices(['inline', 'nodes', 'none'])
        .default('inline'),
    )
    .addOption(
      new Option(
        '--direction <dir>',
        'which way the map grows from the recommendation: LR (it at the left), TB (at the top), RL, BT',
      ).choices(DIRECTIONS),
    )
    .option(
      '--depth <n>',
      'draw n levels below the recommendation (or the --focus claim; default 2 there) and count the claims left out',
      nonNegativeInteger('--depth'),
    )
    .option('--focus <id>', 'draw only this claim and what supports or attacks it')
    .option(
      '--split',
      'one drawing of the top of the map, then one per reason, risk and counterpoint under it: -o FILE writes FILE, FILE-2, ...',
    );
  listing(
    'report',
    'write one self-contained HTML page (default report.html): the map, the outline, unsupported claims, counterpoints, sources',
    async () => (await import('./commands/report')).runReport,
    ['html'],
  );

  const importCommand = program
    .command('import')
    .description('convert an AIF JSON map, a Kialo text export or an Argdown file to an argument file (docs/interchange.md)')
    .argument('<file>', 'the AIF (.json), Kialo (.txt) or Argdown (.argdown) file')
    .addOption(new Option('--from <format>', 'what the file is').choices(['aif', 'kialo', 'argdown']).makeOptionMandatory())
    .option('-o, --output <file>', 'write the YAML to a file (atomically); a map of several parts also gets FILE-2.yaml, ...')
    .option('--force', 'replace FILE-2.yaml, ... of a map of several parts when they exist (FILE itself is always replaced)')
    .action(async (file: string, options: ImportOptions) => {
      const { runImport } = await import('./commands/import');
      setExitCode(await runImport(file, options, io));
    });
  readOptions(importCommand);
  const exportCommand = program
    .command('export')
    .description('convert an argument file to AIF JSON, Argdown or JSON (docs/interchange.md, docs/json.md)')
    .argument('<file>', 'the argument file')
    .addOption(new Option('--to <format>', 'output format').choices(['aif', 'argdown', 'json']).makeOptionMandatory())
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .action(async (file: string, options: ExportOptions) => {
      const { runExport } = await import('./commands/export');
      setExitCode(await runExport(file, options, io));
    });
  inputOptions(exportCommand);

  program
    .command('lsp')
    .description(
      'run the language server for editors (Language Server Protocol over standard input and output): the checks as you type, and what argmap knows of ids (docs/editors.md)',
    )
    .option('--stdio', 'use standard input and output (the default and only transport; editors may pass it)')
    .option('--clientProcessId <pid>', "end when the editor's process does (editors pass it)")
    .option('--max-file-size <bytes>', 'refuse files larger than this (default 50 MiB)', nonNegativeInteger('--max-file-size'))
    .action(async (options: LspOptions) => {
      const { runLsp } = await import('./commands/lsp');
      setExitCode(await runLsp(options, io));
    });

  const rename = program
    .command('rename')
    .description('rename a claim or source id at its definition and every reference, in the files given and the files they use')
    .argument('<old>', 'the id to rename (file#id: the one defined in that file)')
    .argument('<new>', 'the new id (kebab-case)')
    .argument('[paths...]', 'files, folders and globs (default: arguments/)')
    .option('--dry-run', 'print the changes as a unified diff and write nothing')
    .action(async (oldId: string, newId: string, paths: string[], options: RenameOptions) => {
      const { runRename } = await import('./commands/rename');
      setExitCode(await runRename(oldId, newId, paths, options, io));
    });
  inputOptions(rename);

  const fmt = program
    .command('fmt')
    .description(
      'write argument files in the canonical layout (docs/format.md): key order, ids first, two-space indentation, long text folded; every comment kept',
    )
    .argument('[paths...]', 'files, folders and globs (default: arguments/)')
    .option('--check', 'write nothing: list the files that would change, and exit 1 if there is one')
    .action(async (paths: string[], options: FmtOptions) => {
      const { runFmt } = await import('./commands/fmt');
      setExitCode(await runFmt(paths, options, io));
    });
  readOptions(fmt);

  return program;
}

/**
 * Operands after `--` that commander is handed itself. It adds everything after `--` in a single
 * spread call (`push(...args)`), which overflows the stack somewhere past 120,000 arguments; past
 * this many, all but the first are added by `addOperands` instead.
 */
export const MAX_SPREAD_OPERANDS = 10_000;

/**
 * Adds the operands held back from commander to the command's variadic argument (`[paths...]`)
 * before its action runs; a command that takes no list gets commander's "too many arguments".
 */
function addOperands(program: Command, held: readonly string[]): void {
  program.hook('preAction', (_program, command) => {
    const last = command.registeredArguments[command.registeredArguments.length - 1];
    const list = command.processedArgs[command.registeredArguments.length - 1] as unknown;
    if (!last?.variadic || !Array.isArray(list)) {
      const expected = command.registeredArguments.length;
      command.error(
        `error: too many arguments for '${command.name()}'. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${command.args.length + held.length}.`,
        { code: 'commander.excessArguments', exitCode: EXIT.usage },
      );
    }
    for (const operand of held) (list as string[]).push(operand);
  });
}

/**
 * The `--` that ends the options, and the command it belongs to: read as commander reads the line,
 * so a `--` that is the value of an option (`--output --`) is not taken for it.
 */
function findSeparator(program: Command, argv: readonly string[]): { index: number; command: Command } | undefined {
  let command = program;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return { index: i, command };
    if (arg.startsWith('-')) {
      // A value given as `--name=value` or `-xvalue` is part of the word; a required one is the next.
      const named = (o: Option) => o.short === arg || o.long === arg;
      const option = command.options.find(named) ?? program.options.find(named);
      if (option?.required) i++;
    } else if (command === program) {
      command = program.commands.find((c) => c.name() === arg || c.aliases().includes(arg)) ?? program;
    }
  }
  return undefined;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  const separator = findSeparator(program, argv);
  let args = argv;
  if (separator && argv.length - separator.index - 1 > MAX_SPREAD_OPERANDS) {
    // commander gets the first operand where the command takes any (so its own checks of the
    // arguments still run; before a command's name, that is the name), the hook the rest.
    const { index, command } = separator;
    const keep = command === program || command.registeredArguments.length > 0 ? 1 : 0;
    args = argv.slice(0, index + 1 + keep);
    addOperands(program, argv.slice(index + 1 + keep));
  }
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof Error && error.name === 'WriteError') {
      // Thrown by util/atomic-write (not imported here: start-up loads only what every command needs).
      const { path, code } = error as Error & { path: string; code: string };
      io.stderr.write(`argmap: cannot write ${safeLine(path)}: ${errnoText(code)}\n`);
      return EXIT.usage;
    }
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
