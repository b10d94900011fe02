import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathProblemMessage } from '../../diagnostics/messages';
import { formatSource } from '../../edit/layout';
import { formatCompact } from '../../format/compact';
import { resolveDiagnostics, totals } from '../../format/resolve';
import { readProblem, readSourceSync } from '../../load/read';
import { resolvePaths } from '../../load/resolve-paths';
import { writeFilesAtomic } from '../../util/atomic-write';
import { plural } from '../../util/plural';
import { safeLine } from '../../util/safe-text';
import { chalkFor, colorLevel } from '../../util/terminal';
import { EXIT, type CliIO } from '../io';

export interface FmtOptions {
  check?: boolean;
  maxFileSize?: number;
  color?: boolean;
}

/** The folder read when no path is given, as for every other command. */
const DEFAULT_PATH = 'arguments';

/**
 * `argmap fmt [paths...]`: writes each argument file in the canonical layout (edit/layout.ts).
 * Files are found and read as `check` finds and reads them (no system file, no link leading out of
 * the tree); only files whose layout changes are written, atomically. `--check` writes nothing,
 * lists the files that would change and exits 1 when there is one. A file with YAML errors is left
 * as it is, its errors reported, and the exit code is 1.
 */
export async function runFmt(paths: readonly string[], options: FmtOptions, io: CliIO): Promise<number> {
  const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
  const fail = (message: string) => io.stderr.write(`${err.red('argmap:')} ${safeLine(message)}\n`);
  if (paths.length === 0 && !existsSync(resolve(io.cwd, DEFAULT_PATH))) {
    fail(`no path given and no ${DEFAULT_PATH}/ folder in ${io.cwd}: name the files or folders to format`);
    return EXIT.usage;
  }
  const { files, problems } = await resolvePaths(paths.length > 0 ? paths : [DEFAULT_PATH], io.cwd);
  let usage = problems.length > 0;
  for (const problem of problems) fail(pathProblemMessage(problem));
  let broken = 0;
  const changed: Array<{ path: string; display: string; content: string }> = [];
  let formatted = 0;
  for (const file of files) {
    let read;
    try {
      read = readSourceSync(file.absolute, file.display, options.maxFileSize, file.within);
    } catch (error) {
      fail(pathProblemMessage(readProblem(file.display, error)));
      usage = true;
      continue;
    }
    const result = read.ok ? formatSource(read.source) : { ok: false as const, problem: 'syntax' as const, diagnostics: read.diagnostics };
    if (!result.ok) {
      if (result.problem === 'unsafe') {
        // Never expected: the layout is checked to keep the data and every comment.
        fail(`internal error: formatting ${file.display} would change its data or lose a comment; it was left as it is`);
        io.stderr.write('This is a bug in argmap; please report it with the file that caused it.\n');
        usage = true;
      } else if (result.problem === 'carriage-return') {
        const { line, column } = read.source.position(result.offset);
        fail(
          `not formatted: ${file.display}:${line}:${column}: a carriage return without a line feed in a comment; YAML readers disagree on where that line ends, so fmt leaves the file as it is (replace it with a line feed, or delete it)`,
        );
        broken++;
      } else {
        const resolved = [{ diagnostics: resolveDiagnostics({ source: read.source, diagnostics: result.diagnostics }) }];
        fail(`not formatted: ${file.display} has YAML errors:`);
        io.stderr.write(formatCompact(resolved, totals(resolved), err));
        broken++;
      }
      continue;
    }
    formatted++;
    if (result.changed) changed.push({ path: file.absolute, display: file.display, content: result.text });
  }
  if (options.check) {
    for (const c of changed) io.stdout.write(`${safeLine(c.display)}\n`);
    if (changed.length > 0) {
      io.stderr.write(
        `${plural(changed.length, 'file')} of ${formatted} not formatted: run argmap fmt to format ${changed.length === 1 ? 'it' : 'them'}\n`,
      );
    } else if (formatted > 0) io.stderr.write(`all ${plural(formatted, 'file')} formatted\n`);
  } else {
    await writeFilesAtomic(changed.map((c) => ({ path: c.path, content: c.content })));
    for (const c of changed) io.stdout.write(`formatted ${safeLine(c.display)}\n`);
    io.stdout.write(`${plural(changed.length, 'file')} formatted, ${formatted - changed.length} already formatted\n`);
  }
  if (usage) return EXIT.usage;
  return broken > 0 || (options.check && changed.length > 0) ? EXIT.problems : EXIT.ok;
}
