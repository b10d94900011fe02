import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { version } from '../../../package.json';
import type { CheckFormat } from '../../format/check-format-names';
import { checkFormatter } from '../../format/check-formatters';
import { resolveDiagnostics, totals } from '../../format/resolve';
import type { FileResult } from '../../format/stylish';
import { plural } from '../../util/plural';
import { writeFileAtomic } from '../../util/atomic-write';
import { chalkFor, colorLevel } from '../../util/terminal';
import { inertLines } from '../../util/safe-text';
import { EXIT, type CliIO } from '../io';
import { refuseOutputOntoInput, runPipeline, type InputOptions } from '../run-pipeline';

export interface CheckCommandOptions extends InputOptions {
  format: CheckFormat;
  output?: string;
  maxWarnings?: number;
  /** Report errors only (the exit code still counts everything). */
  quiet?: boolean;
  /** Reuse the diagnostics of unchanged files (`--cache`), kept at `cacheLocation`. */
  cache?: boolean;
  cacheLocation?: string;
}

/**
 * The root that SARIF and GitHub paths are relative to: the top of the git work tree holding `cwd`
 * (a `.git` folder, or a `.git` file in a worktree or submodule), else `cwd` itself.
 */
function repositoryRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** A file's path relative to `root` with POSIX separators, or undefined when it lies outside. */
function relativeTo(root: string, cwd: string, file: string): string | undefined {
  const rel = relative(root, resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

/** Whether `ARGMAP_DEBUG` (a comma-separated list) names `topic`. */
function debugs(env: NodeJS.ProcessEnv, topic: string): boolean {
  return (env.ARGMAP_DEBUG ?? '').split(',').some((t) => t.trim() === topic);
}

/** `checked 420 files in 3 threads: 140 here, 150 and 130 in workers`, for ARGMAP_DEBUG=workers. */
function threadReport(threads: readonly number[]): string {
  const files = threads.reduce((a, b) => a + b, 0);
  if (threads.length <= 1) return `checked ${plural(files, 'file')} in 1 thread`;
  const [here = 0, ...workers] = threads;
  const shares = workers.length > 1 ? `${workers.slice(0, -1).join(', ')} and ${workers.at(-1)}` : String(workers[0] ?? 0);
  return `checked ${plural(files, 'file')} in ${threads.length} threads: ${here} here, ${shares} in ${workers.length > 1 ? 'workers' : 'a worker'}`;
}

/** `argmap check`: every problem in every file, a summary, and the exit code CI acts on. */
export async function runCheck(paths: string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  const run = await runPipeline(paths, options, io, {
    diagnosticsOnly: true,
    ...(options.cache ? { cache: { location: options.cacheLocation } } : {}),
  });
  if (run.usageError && run.reports.length === 0) return EXIT.usage;

  const all: FileResult[] = run.reports.map((r) => ({ file: r.source.path, diagnostics: resolveDiagnostics(r), source: r.source }));
  const t = totals(all);
  const shown = options.quiet ? all.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })) : all;
  const shownTotals = options.quiet
    ? {
        ...totals(shown),
        hidden: {
          warnings: t.warnings,
          infos: t.infos,
          ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
        },
      }
    : t;
  const toFile = options.output !== undefined;
  const chalk = () => chalkFor(toFile ? 0 : colorLevel(io.stdout, io.env, options.color));
  let root: string | undefined;
  let text = checkFormatter(options.format).format(shown, {
    totals: shownTotals,
    chalk,
    version,
    repositoryPath: (file) => relativeTo((root ??= repositoryRoot(io.cwd)), io.cwd, file),
    absolutePath: (file) => resolve(io.cwd, file),
  });
  // Text from the files cannot start a line a CI runner obeys; `github` lines are commands by
  // design, and escape their values instead.
  if (options.format !== 'github') text = inertLines(text);
  if (toFile && refuseOutputOntoInput(resolve(io.cwd, options.output!), run, io, options.color)) return EXIT.usage;
  if (toFile) await writeFileAtomic(resolve(io.cwd, options.output!), text);
  else io.stdout.write(text);
  if (debugs(io.env, 'workers')) io.stderr.write(`argmap: ${threadReport(run.threads)}\n`);

  if (run.usageError) return EXIT.usage;
  if (t.errors > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
    const hidden = options.quiet ? ' (not shown: --quiet)' : '';
    io.stderr.write(`${err.red('argmap:')} ${plural(t.warnings, 'warning')}${hidden} exceed --max-warnings ${options.maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
