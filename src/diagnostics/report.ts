import type { SourceFile } from '../load/source-file';
import type { Diagnostic } from './diagnostic';

/** One file's diagnostics, whichever stage found them (read, parse, config, rules). */
export interface FileReport {
  source: SourceFile;
  diagnostics: Diagnostic[];
  /**
   * For a file that uses others or names a document text: the absolute paths its results depend on
   * (for `--cache`), and the sources of used sources files its evidence cites (`path#id`), which
   * `unused-source` counts across the files checked together.
   */
  uses?: { dependencies: string[]; citations: string[] };
}

/** Sorts by position, then rule, so output is the same on every run. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
