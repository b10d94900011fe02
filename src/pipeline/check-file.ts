import { sortDiagnostics } from '../diagnostics/report';
import { decode, readProblem, readSourceSync } from '../load/read';
import type { PathProblem, ResolvedFile } from '../load/resolve-paths';
import { SourceFile } from '../load/source-file';
import type { CheckCache } from './cache';
import { checkSource, type CheckedFile, type CheckOptions } from './check-source';

export interface RunOptions extends CheckOptions {
  /** Largest file read, in bytes. */
  maxFileSize?: number;
  /**
   * Only the diagnostics are wanted (no graph, no analyses): files may then be checked in worker
   * threads, and diagnostics taken from `cache`.
   */
  diagnosticsOnly?: boolean;
  /** Diagnostics of unchanged files from earlier runs (with `diagnosticsOnly`). */
  cache?: CheckCache;
  /**
   * Threads that check files: undefined decides by the number of files and cores; 0 or 1 checks in
   * this thread alone; n > 1 checks in this thread and n − 1 workers. The environment variable
   * ARGMAP_WORKERS sets the same.
   */
  workers?: number;
}

/** One file's outcome: a report, or a problem reading it. */
export type Outcome = { report: CheckedFile } | { problem: PathProblem };

export type Read = ReturnType<typeof readSourceSync> | { error: unknown };

/**
 * Reads one file synchronously. Measured on 1,000 files of the op-ed's size: reading them through
 * the event loop (stat, open, fstat, read, close, each a thread-pool round trip), even 32 at a
 * time, cost about a second more than these direct reads; a local file is read in microseconds.
 */
export function readOne(file: ResolvedFile, options: RunOptions): Read {
  try {
    return readSourceSync(file.absolute, file.display, options.maxFileSize, file.within);
  } catch (error) {
    return { error };
  }
}

/** A file's outcome from its read: a problem, the read's own diagnostics, or the pipeline's report. */
export function outcomeOf(file: ResolvedFile, read: Read, options: RunOptions): Outcome {
  if ('error' in read) return { problem: readProblem(file.display, read.error) };
  if (!read.ok) return { report: { source: read.source, diagnostics: sortDiagnostics(read.diagnostics) } };
  return { report: checkSource(read.source, { ...options, absolute: file.absolute }) };
}

/** Reads and checks one file; `text` when the caller has read it already. */
export function checkFile(file: ResolvedFile, options: RunOptions, text?: string): Outcome {
  if (text !== undefined) return { report: checkSource(new SourceFile(file.display, text), { ...options, absolute: file.absolute }) };
  return outcomeOf(file, readOne(file, options), options);
}

/**
 * Checks a file's text as an editor holds it (the language server's open buffers): the checks a read
 * makes of the bytes (size limit, UTF-8, control characters), then the pipeline, as `check` would
 * check the file saved.
 */
export function checkText(absolute: string, display: string, text: string, options: RunOptions): CheckedFile {
  const read = decode(display, Buffer.from(text, 'utf8'), options.maxFileSize);
  if (!read.ok) return { source: read.source, diagnostics: sortDiagnostics(read.diagnostics) };
  return checkSource(read.source, { ...options, absolute });
}
