import { resolve } from 'node:path';
import { formatCompact } from '../../format/compact';
import { formatJson } from '../../format/json';
import { resolveDiagnostics, totals } from '../../format/resolve';
import { writeFileAtomic } from '../../util/atomic-write';
import { chalkFor, colorLevel } from '../../util/terminal';
import { EXIT, type CliIO } from '../io';
import { runPipeline, type InputOptions } from '../run-pipeline';

export interface CheckCommandOptions extends InputOptions {
  format: 'compact' | 'json';
  output?: string;
  maxWarnings?: number;
}

/** `argmap check`: every problem in every file, a summary, and the exit code CI acts on. */
export async function runCheck(paths: string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  const run = await runPipeline(paths, options, io);
  if (run.usageError && run.reports.length === 0) return EXIT.usage;

  const resolved = run.reports.map((r) => ({ file: r.source.path, diagnostics: resolveDiagnostics(r) }));
  const t = totals(resolved);
  const toFile = options.output !== undefined;
  const text =
    options.format === 'json'
      ? formatJson(resolved, t)
      : formatCompact(resolved, t, chalkFor(toFile ? 0 : colorLevel(io.stdout, io.env, options.color)));
  if (toFile) await writeFileAtomic(resolve(io.cwd, options.output!), text);
  else io.stdout.write(text);

  if (run.usageError) return EXIT.usage;
  if (t.errors > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
    io.stderr.write(`${err.red('argmap:')} ${t.warnings} warnings is more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
