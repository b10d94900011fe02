import type { SourceFile } from '../load/source-file';
import type { Diagnostic } from './diagnostic';

/** One file's diagnostics, whichever stage found them (read, parse, config, rules). */
export interface FileReport {
  source: SourceFile;
  diagnostics: Diagnostic[];
}

/** Sorts by position, then rule, so output is the same on every run. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
