import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../diagnostics/diagnostic';

/**
 * One file's text as the editor sees it, and the conversions between the pipeline's offsets and
 * LSP positions. The pipeline's offsets count UTF-16 code units into the decoded text (the yaml
 * package's unit, without a byte-order mark); an LSP position is a line and a UTF-16 character on
 * it (the protocol's default encoding, the only one this server announces), lines broken at `\n`,
 * `\r\n` or `\r`. `TextDocument` does the line arithmetic; a buffer that starts with a byte-order
 * mark is one code unit ahead of the pipeline's text, and `shift` adds it.
 */
export class EditorText {
  readonly document: TextDocument;
  /** 1 when the text starts with a byte-order mark (which the pipeline's text leaves out). */
  readonly shift: number;

  constructor(document: TextDocument) {
    this.document = document;
    this.shift = document.getText().startsWith('\uFEFF') ? 1 : 0;
  }

  /** A file's text that is not open in the editor (read from disk, its mark dropped). */
  static of(uri: string, text: string): EditorText {
    return new EditorText(TextDocument.create(uri, 'yaml', 0, text));
  }

  get uri(): string {
    return this.document.uri;
  }

  position(offset: number): Position {
    return this.document.positionAt(offset + this.shift);
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The pipeline's offset of an LSP position (clamped into the text). */
  offset(position: Position): number {
    return Math.max(0, this.document.offsetAt(position) - this.shift);
  }
}
