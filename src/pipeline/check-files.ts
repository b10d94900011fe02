import { readSource } from '../load/read';
import type { PathProblem, ResolvedFile } from '../load/resolve-paths';
import { sortDiagnostics, checkSource, type CheckOptions, type FileReport } from './check-source';

export interface RunOptions extends CheckOptions {
  /** Largest file read, in bytes. */
  maxFileSize?: number;
}

export interface RunResult {
  reports: FileReport[];
  /** Files that could not be read at all (exit code 2). */
  problems: PathProblem[];
}

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
}

/** Reads and checks each file in order. I/O failures become problems; content problems, diagnostics. */
export async function checkFiles(files: readonly ResolvedFile[], options: RunOptions = {}): Promise<RunResult> {
  const reports: FileReport[] = [];
  const problems: PathProblem[] = [];
  for (const file of files) {
    let read;
    try {
      read = await readSource(file.absolute, file.display, options.maxFileSize);
    } catch (error) {
      problems.push({ input: file.display, code: 'unreadable', detail: errnoCode(error) });
      continue;
    }
    if (!read.ok) {
      reports.push({ source: read.source, diagnostics: sortDiagnostics(read.diagnostics) });
      continue;
    }
    reports.push(checkSource(read.source, options));
  }
  return { reports, problems };
}
