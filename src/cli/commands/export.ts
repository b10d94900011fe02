import { resolve } from 'node:path';
import { formatCompact } from '../../format/compact';
import { resolveDiagnostics, totals } from '../../format/resolve';
import { toAif } from '../../format/export/aif';
import { toArgdown } from '../../format/export/argdown';
import { toJson } from '../../format/export/json';
import { displayPath } from '../../load/resolve-paths';
import { BLOCKING_RULES } from '../../rules/index';
import { writeFileAtomic } from '../../util/atomic-write';
import { chalkFor, colorLevel } from '../../util/terminal';
import { inertLines, jsonText, safeLine, safeText } from '../../util/safe-text';
import { EXIT, type CliIO } from '../io';
import { refuseOutputOntoInput, runPipeline } from '../run-pipeline';

export interface ExportOptions {
  to: 'aif' | 'argdown' | 'json';
  output?: string;
  maxFileSize?: number;
  color?: boolean;
}

/**
 * `argmap export FILE --to aif|argdown|json`: check the file as `argmap check` does; a file with
 * errors is not exported (its errors go to stderr, exit 1); otherwise write the export to stdout or
 * atomically to --output.
 */
export async function runExport(file: string, options: ExportOptions, io: CliIO): Promise<number> {
  const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
  const shown = displayPath(resolve(io.cwd, file), io.cwd);
  // The same path handling, config and checks as every other command (problems reported there).
  const run = await runPipeline([file], options, io);
  if (run.usageError || run.reports.length !== 1) {
    if (!run.usageError) io.stderr.write(`${err.red('argmap:')} ${safeLine(shown)}: export takes one file\n`);
    return EXIT.usage;
  }
  const report = run.reports[0]!;
  const errors = report.diagnostics.filter((d) => BLOCKING_RULES.has(d.rule));
  if (errors.length > 0 || !report.graph || !report.analyses) {
    const resolved = [{ diagnostics: resolveDiagnostics({ ...report, diagnostics: errors }) }];
    io.stderr.write(`${err.red('argmap:')} not exported: ${safeLine(shown)} has errors (see "argmap check"):\n`);
    io.stderr.write(formatCompact(resolved, totals(resolved), err));
    return EXIT.problems;
  }
  // Argdown is text: made inert for CI logs always, and terminal-safe on a terminal (to a file or
  // a pipe its characters are kept, as the next tool needs them). JSON escapes what it must itself.
  const toTerminal = options.output === undefined && io.stdout.isTTY === true;
  const text =
    options.to === 'argdown'
      ? inertLines(toTerminal ? safeText(toArgdown(report.graph)) : toArgdown(report.graph))
      : jsonText(options.to === 'aif' ? toAif(report.graph) : toJson(report.source, report.analyses));
  if (options.output !== undefined && refuseOutputOntoInput(resolve(io.cwd, options.output), run, io, options.color)) return EXIT.usage;
  if (options.output !== undefined) await writeFileAtomic(resolve(io.cwd, options.output), text);
  else io.stdout.write(text);
  return EXIT.ok;
}
