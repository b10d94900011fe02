import { resolve } from 'node:path';
import { formatCompact } from '../format/compact';
import { resolveDiagnostics, totals } from '../format/resolve';
import type { ListedFile } from '../format/claim-lists';
import { BLOCKING_RULES } from '../rules/index';
import { writeFileAtomic, writeFilesAtomic, type ChunkProducer } from '../util/atomic-write';
import { chalkFor, colorLevel } from '../util/terminal';
import { inertLines, safeLine } from '../util/safe-text';
import { EXIT, UsageError, type CliIO } from './io';
import { refuseOutputOntoInput, runPipeline, type InputOptions } from './run-pipeline';

export interface ListingOptions extends InputOptions {
  output?: string;
  /** The output is a default the user did not name: a symbolic link there is replaced, not followed. */
  outputIsDefault?: boolean;
}

/**
 * Output rendered in chunks as it is written (the Markdown outline): to stdout chunk by chunk, or
 * through the temporary file of an atomic --output, so a large output is never one string.
 */
export interface Streamed {
  stream: ChunkProducer;
}

/** Output written to several files (`graph --split -o FILE`: FILE, FILE-2.svg, ...), all or none. */
export interface Files {
  files: Array<{ path: string; text: string }>;
}

/**
 * What the commands that analyse files share (outline, unsupported, counterpoints, evaluate, graph,
 * report): run the pipeline, set aside files with
 * errors (their errors go to stderr, as `check` prints them), render the rest, write it to stdout or
 * atomically to --output, and choose the exit code.
 */
export async function runListing(
  paths: readonly string[],
  options: ListingOptions,
  io: CliIO,
  render: (files: ListedFile[], color: boolean) => string | Streamed | Files,
  limits: { oneFile?: string } = {},
): Promise<number> {
  // Only blocking errors set a file aside here: the other rules need not run.
  const run = await runPipeline(paths, options, io, { blockingOnly: true });
  if (run.usageError && run.reports.length === 0) return EXIT.usage;
  if (limits.oneFile !== undefined && run.reports.length > 1) {
    io.stderr.write(
      `${chalkFor(colorLevel(io.stderr, io.env, options.color)).red('argmap:')} ${run.reports.length} files given: ${limits.oneFile}\n`,
    );
    return EXIT.usage;
  }
  const good: ListedFile[] = [];
  const bad = [];
  for (const report of run.reports) {
    // Blocking by rule, whatever severity a config gives it: the graph is unreliable either way.
    const errors = report.diagnostics.filter((d) => BLOCKING_RULES.has(d.rule));
    if (errors.length > 0 || !report.analyses) bad.push({ ...report, diagnostics: errors });
    else good.push({ source: report.source, analyses: report.analyses });
  }
  if (bad.length > 0) {
    const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
    const resolved = bad.map((r) => ({ diagnostics: resolveDiagnostics(r) }));
    io.stderr.write(
      `${err.red('argmap:')} skipped ${bad.length === 1 ? 'a file' : `${bad.length} files`} with errors (see "argmap check"):\n`,
    );
    io.stderr.write(formatCompact(resolved, totals(resolved), err));
  }
  const toFile = options.output !== undefined;
  const refuse = (path: string) => refuseOutputOntoInput(path, run, io, options.color);
  if (good.length > 0 || bad.length === 0) {
    let text: string | Streamed | Files;
    try {
      text = render(good, !toFile && colorLevel(io.stdout, io.env, options.color) > 0);
    } catch (error) {
      // A usage problem found while rendering (say, --explain naming no claim): nothing is written.
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`${chalkFor(colorLevel(io.stderr, io.env, options.color)).red('argmap:')} ${safeLine(error.message)}\n`);
      return EXIT.usage;
    }
    if (typeof text !== 'string' && 'files' in text) {
      if (text.files.some((f) => refuse(resolve(io.cwd, f.path)))) return EXIT.usage;
      await writeFilesAtomic(text.files.map((f) => ({ path: resolve(io.cwd, f.path), content: inertLines(f.text) })));
      return run.usageError ? EXIT.usage : bad.length > 0 ? EXIT.problems : EXIT.ok;
    }
    // Text from the files cannot start a line a CI runner obeys (JSON is inert already).
    const content: string | ChunkProducer =
      typeof text === 'string' ? inertLines(text) : (write) => text.stream((chunk) => write(inertLines(chunk)));
    if (toFile && refuse(resolve(io.cwd, options.output!))) return EXIT.usage;
    if (toFile) await writeFileAtomic(resolve(io.cwd, options.output!), content, { followLinks: !options.outputIsDefault });
    else if (typeof content === 'string') io.stdout.write(content);
    else content((chunk) => io.stdout.write(chunk));
  }
  if (run.usageError) return EXIT.usage;
  return bad.length > 0 ? EXIT.problems : EXIT.ok;
}
