import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findConfig, loadConfig, type Config } from '../config/load-config';
import { cacheNotWrittenMessage, pathProblemMessage } from '../diagnostics/messages';
import { formatCompact } from '../format/compact';
import { resolveDiagnostics, totals } from '../format/resolve';
import { boundaryOf } from '../load/boundary';
import { readProblem } from '../load/read';
import { displayPath, resolvePaths } from '../load/resolve-paths';
import { version } from '../../package.json';
import { CheckCache, buildId, cacheFile, cacheLocationProblem } from '../pipeline/cache';
import { checkFiles } from '../pipeline/check-files';
import type { CheckedFile } from '../pipeline/check-source';
import { chalkFor, colorLevel } from '../util/terminal';
import { safeLine } from '../util/safe-text';
import type { CliIO } from './io';

/** Options every command that reads argument files shares. */
export interface InputOptions {
  config?: string;
  maxFileSize?: number;
  color?: boolean;
}

/** What a command needs from the run beyond the reports' diagnostics. */
export interface PipelineMode {
  /** Only diagnostics are used (no graphs): files may be checked in worker threads. */
  diagnosticsOnly?: boolean;
  /** With diagnosticsOnly: `--cache` is on, kept at `location` (`--cache-location`; see cacheFile). */
  cache?: { location: string | undefined };
  /** Only the blocking rules' findings are used (see CheckOptions.blockingOnly). */
  blockingOnly?: boolean;
}

/** The folder read when no path is given. */
const DEFAULT_PATH = 'arguments';

export interface PipelineRun {
  reports: CheckedFile[];
  /** Anything that makes the run a usage error (exit 2): bad paths, a broken config. */
  usageError: boolean;
  config: Config;
  /** How many files each thread checked, this one first (files the cache answered not counted). */
  threads: number[];
  /** The absolute paths of the files read: argument files named or found, the files they use, the document texts they quote. */
  inputs: string[];
}

/**
 * The part every command shares: find and load the config, resolve the path arguments, read and
 * check every file. Usage problems are written to stderr here, once, in one wording.
 */
export async function runPipeline(
  paths: readonly string[],
  options: InputOptions,
  io: CliIO,
  mode: PipelineMode = {},
): Promise<PipelineRun> {
  const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
  const fail = (message: string) => io.stderr.write(`${err.red('argmap:')} ${safeLine(message)}\n`);
  const empty: PipelineRun = { reports: [], usageError: true, config: { severities: {} }, threads: [], inputs: [] };

  let config: Config = { severities: {} };
  const configPath = options.config !== undefined ? resolve(io.cwd, options.config) : findConfig(io.cwd);
  if (configPath !== undefined) {
    const shown = displayPath(configPath, io.cwd);
    if (!existsSync(configPath)) {
      fail(`${shown}: no such config file`);
      return empty;
    }
    let loaded;
    try {
      // A config found by its name (not named with --config) is a file found: it may not lead out.
      loaded = loadConfig(configPath, shown, options.config === undefined ? boundaryOf(dirname(configPath)) : undefined);
    } catch (error) {
      const problem = readProblem(shown, error);
      fail(problem.code === 'unreadable' ? `${shown}: cannot read config (${problem.detail})` : pathProblemMessage(problem));
      return empty;
    }
    if (!loaded.ok) {
      const resolved = [{ diagnostics: resolveDiagnostics(loaded.report) }];
      fail(`invalid config file ${shown}:`);
      io.stderr.write(formatCompact(resolved, totals(resolved), err));
      return empty;
    }
    config = loaded.config;
  }

  if (paths.length === 0 && !existsSync(resolve(io.cwd, DEFAULT_PATH))) {
    fail(`no path given and no ${DEFAULT_PATH}/ folder in ${io.cwd}: name the files or folders to read`);
    return { ...empty, config };
  }
  const { files, problems } = await resolvePaths(paths.length > 0 ? paths : [DEFAULT_PATH], io.cwd);
  const settings = {
    severities: config.severities,
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
  };
  const cacheAt = mode.diagnosticsOnly && mode.cache !== undefined ? cacheFile(mode.cache.location, io.cwd, io.env) : undefined;
  const named = mode.cache?.location;
  const cacheProblem =
    cacheAt !== undefined && named !== undefined ? cacheLocationProblem(cacheAt, `--cache-location ${named}`) : undefined;
  if (cacheProblem) {
    fail(pathProblemMessage(cacheProblem));
    return { ...empty, config };
  }
  const cache =
    cacheAt !== undefined ? await CheckCache.open(cacheAt, buildId(`source of ${version}`), settings, named !== undefined) : undefined;
  const result = await checkFiles(files, {
    ...settings,
    root: io.cwd,
    ...(mode.diagnosticsOnly ? { diagnosticsOnly: true } : {}),
    ...(mode.blockingOnly ? { blockingOnly: true } : {}),
    ...(cache ? { cache } : {}),
  });
  if (result.cacheError !== undefined && cacheAt !== undefined)
    io.stderr.write(
      `${err.yellow('argmap: warning:')} ${safeLine(cacheNotWrittenMessage(displayPath(cacheAt, io.cwd), result.cacheError))}\n`,
    );
  for (const problem of result.problems) problems.push(problem);
  for (const problem of problems) fail(pathProblemMessage(problem));
  const inputs = new Set(files.map((f) => f.absolute));
  for (const report of result.reports) {
    for (const f of report.graph?.files ?? []) inputs.add(f.absolute);
    // The files it uses and the document text it quotes (also known when no graph is kept).
    for (const path of report.uses?.dependencies ?? []) inputs.add(path);
  }
  return { reports: result.reports, usageError: problems.length > 0, config, threads: result.threads, inputs: [...inputs] };
}

/**
 * Refuses an `--output` that is one of the files the command read (an argument file, a file it
 * uses, a document text it quotes; the same file through any path, link or hard link): writing it
 * would replace what the user wrote with the output. Says why on stderr and returns true when so.
 */
export function refuseOutputOntoInput(output: string, run: PipelineRun, io: CliIO, color?: boolean): boolean {
  let target;
  try {
    target = statSync(output);
  } catch {
    return false;
  }
  for (const input of run.inputs) {
    let read;
    try {
      read = statSync(input);
    } catch {
      continue;
    }
    if (read.dev === target.dev && read.ino === target.ino) {
      const why = `will not write ${displayPath(output, io.cwd)}: it is ${displayPath(input, io.cwd)}, a file this command reads; name another output file`;
      io.stderr.write(`${chalkFor(colorLevel(io.stderr, io.env, color)).red('argmap:')} ${safeLine(why)}\n`);
      return true;
    }
  }
  return false;
}
