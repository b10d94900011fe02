import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathProblemMessage } from '../../diagnostics/messages';
import { formatCompact } from '../../format/compact';
import { formatJson } from '../../format/json';
import { resolveDiagnostics, totals } from '../../format/resolve';
import { resolvePaths } from '../../load/resolve-paths';
import { checkFiles } from '../../pipeline/check-files';
import { writeFileAtomic } from '../../util/atomic-write';
import { chalkFor, colorLevel } from '../../util/terminal';
import { EXIT, type CliIO } from '../io';

export interface CheckCommandOptions {
  format: 'compact' | 'json';
  output?: string;
  maxWarnings?: number;
  maxFileSize?: number;
  color?: boolean;
}

/** The folder checked when no path is given. */
export const DEFAULT_PATH = 'arguments';

export async function runCheck(paths: string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
  const inputs = paths.length > 0 ? paths : [DEFAULT_PATH];
  if (paths.length === 0 && !existsSync(resolve(io.cwd, DEFAULT_PATH))) {
    io.stderr.write(
      `${err.red('argmap:')} no path given and no ${DEFAULT_PATH}/ folder in ${io.cwd}: name the files or folders to check\n`,
    );
    return EXIT.usage;
  }
  const { files, problems } = await resolvePaths(inputs, io.cwd);
  const result = await checkFiles(files, options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {});
  problems.push(...result.problems);
  for (const problem of problems) io.stderr.write(`${err.red('argmap:')} ${pathProblemMessage(problem)}\n`);

  const resolved = result.reports.map((r) => ({ file: r.source.path, diagnostics: resolveDiagnostics(r) }));
  const t = totals(resolved);
  if (problems.length > 0 && result.reports.length === 0) return EXIT.usage;
  const toFile = options.output !== undefined;
  const text =
    options.format === 'json'
      ? formatJson(resolved, t)
      : formatCompact(resolved, t, chalkFor(toFile ? 0 : colorLevel(io.stdout, io.env, options.color)));
  if (toFile) await writeFileAtomic(resolve(io.cwd, options.output!), text);
  else io.stdout.write(text);

  if (problems.length > 0) return EXIT.usage;
  if (t.errors > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    io.stderr.write(
      `${err.red('argmap:')} ${t.warnings} warnings is more than --max-warnings ${options.maxWarnings}\n`,
    );
    return EXIT.problems;
  }
  return EXIT.ok;
}
