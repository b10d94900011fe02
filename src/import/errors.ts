import type { SourceFile } from '../load/source-file';

/**
 * Bad input to an import: not JSON, a node of an unknown type, an edge to a missing node, a Kialo
 * line that does not parse. Carries the file and position; the CLI prints it and exits 2.
 */
export class InterchangeError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }

  static at(source: SourceFile, offset: number, detail: string): InterchangeError {
    const p = source.position(offset);
    return new InterchangeError(source.path, p.line, p.column, detail);
  }
}
