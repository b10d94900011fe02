/** A sink for text as it is produced: a chunk of whole lines, each ending in `\n`. */
export type WriteChunk = (chunk: string) => void;

/** Lines handed to the sink at a time: big enough that writes are few, small enough to die young. */
export const CHUNK_LINES = 2048;

/**
 * Markdown lines written in place at the current indentation: a nested list item is written once,
 * already indented, instead of being built as lines and re-indented at every level above it (which
 * costs time and memory in proportion to depth on a deep map). Finished lines go to the sink in
 * chunks, so a large outline is never one string in memory; the last line is always kept back, as
 * `blank` and `end` look at it.
 */
export class MarkdownWriter {
  readonly #out: string[] = [];
  #pad = '';
  readonly #pads: string[] = [];

  constructor(
    readonly write: WriteChunk,
    readonly chunkLines: number,
  ) {}

  line(text: string) {
    this.#push(text === '' ? '' : this.#pad + text);
  }

  /** A blank line between blocks: never two in a row, none at the start. */
  blank() {
    const out = this.#out;
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  }

  /** A `- ` bullet with no sub-items. */
  bullet(text: string) {
    this.#push(`${this.#pad}- ${text}`);
  }

  /**
   * A list item: `marker` before `first`. The lines written until the matching `close` line up under
   * the item's text.
   */
  open(marker: string, first: string) {
    this.line(`${marker} ${first}`);
    this.#pads.push(this.#pad);
    this.#pad += marker.length === 1 ? '  ' : ' '.repeat(marker.length + 1);
  }

  close() {
    this.#pad = this.#pads.pop()!;
  }

  /** The rest, without a blank line at the end: the text ends with exactly one newline. */
  end() {
    const out = this.#out;
    if (out[out.length - 1] === '') out.pop();
    if (out.length > 0) this.write(`${out.join('\n')}\n`);
    out.length = 0;
  }

  #push(line: string) {
    const out = this.#out;
    out.push(line);
    if (out.length > this.chunkLines) {
      // Everything but the line just written, which stays as the last line.
      out.pop();
      this.write(`${out.join('\n')}\n`);
      out.length = 0;
      out.push(line);
    }
  }
}
