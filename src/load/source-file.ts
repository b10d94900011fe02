/**
 * A file's text and the one place where offsets become line:column.
 *
 * Every stage keeps positions as offsets into `text` (the `yaml` Document's own unit, UTF-16 code
 * units); line and column are computed only when a formatter asks, as eemeli/yaml does.
 */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (SARIF's default column kind). */
  column: number;
}

export class SourceFile {
  #lineStarts: number[] | undefined;

  constructor(
    /** The path as the user named it (relative to the working directory where possible). */
    readonly path: string,
    /** The decoded text, without a byte-order mark. */
    readonly text: string,
    /** The file began with a UTF-8 byte-order mark, which `text` leaves out: a command that edits the file in place keeps it. */
    readonly bom = false,
  ) {}

  /** Offsets at which each line starts; computed once, on first use. */
  get lineStarts(): readonly number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }

  /** The 1-based line and column of an offset (clamped into the text). */
  position(offset: number): Position {
    const starts = this.lineStarts;
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
