/**
 * Whether a quotation occurs in a text, as a reader would judge it: after normalising the
 * differences typing makes and meaning does not (curly or straight apostrophes, double quotation
 * marks, kinds of dash, spaces and line breaks, Markdown emphasis), and with `...` standing for an
 * omission. When it
 * does not occur, the passage of the text closest to it.
 */

const SINGLE_QUOTES = /[‘’‚‛′`]/g;
/** Double quotation marks, dropped: a quote may leave out the marks the text puts inside it. */
const DOUBLE_QUOTES = /["“”„‟″«»]/g;
const DASHES = /[‐‑‒–—―−]/g;
/** Markdown emphasis and code markers, and a blockquote's `>` at the start of a line. */
const MARKDOWN = /[*_]+|^[ \t]*>+[ \t]?/gm;
const ELLIPSIS = /\s*(?:\[(?:\.\.\.|…)\]|\.\.\.|…)\s*/;

/** The text with every typing difference removed: what quotes are compared in. */
function normaliseText(text: string, markdown = false): string {
  let s = text.normalize('NFC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '').replace(DASHES, '-');
  if (markdown) s = s.replace(MARKDOWN, '');
  return s
    .replace(/\s*-{2,}\s*|\s+-\s+/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A text prepared for finding quotes in it, once however many quotes are looked up. */
export class QuoteIndex {
  readonly normalised: string;
  /** The text's words (normalised, lowercase) and where each is in the original text. */
  readonly #words: Array<{ word: string; start: number; end: number }> = [];

  constructor(
    readonly text: string,
    readonly markdown = false,
  ) {
    this.normalised = normaliseText(text, markdown);
    for (const m of text.matchAll(/\S+/g)) {
      const word = wordKey(m[0], markdown);
      if (word !== '') this.#words.push({ word, start: m.index, end: m.index + m[0].length });
    }
  }

  /** Whether `quote` occurs in the text: each part between omissions (`...`), in order. */
  contains(quote: string): boolean {
    const parts = quote
      .split(ELLIPSIS)
      .map((p) => normaliseText(p, this.markdown))
      .filter((p) => p !== '');
    if (parts.length === 0) return true;
    let from = 0;
    for (const part of parts) {
      const at = this.normalised.indexOf(part, from);
      if (at === -1) return false;
      from = at + part.length;
    }
    return true;
  }

  /**
   * The passage of the original text closest to `quote`: the run of as many words as the quote has
   * that shares the most words with it (at least half of them), shown as the text has it (spaces
   * collapsed, at most `max` characters). Undefined when no passage comes that close.
   */
  closest(quote: string, max = 160): string | undefined {
    const wanted = quote
      .split(ELLIPSIS)
      .join(' ')
      .split(/\s+/)
      .map((w) => wordKey(w, this.markdown))
      .filter((w) => w !== '');
    const n = wanted.length;
    const words = this.#words;
    if (n === 0 || words.length === 0) return undefined;
    const need = new Map<string, number>();
    for (const w of wanted) need.set(w, (need.get(w) ?? 0) + 1);
    // A window of n words slides over the text; `shared` counts the words it has in common with the
    // quote (as multisets), updated as one word enters and one leaves: linear in the text.
    const have = new Map<string, number>();
    let shared = 0;
    const enter = (w: string) => {
      const h = (have.get(w) ?? 0) + 1;
      have.set(w, h);
      if (h <= (need.get(w) ?? 0)) shared++;
    };
    const leave = (w: string) => {
      const h = have.get(w)!;
      have.set(w, h - 1);
      if (h <= (need.get(w) ?? 0)) shared--;
    };
    let best = -1;
    let bestShared = 0;
    const size = Math.min(n, words.length);
    for (let i = 0; i < words.length; i++) {
      enter(words[i]!.word);
      if (i >= size) leave(words[i - size]!.word);
      if (i < size - 1) continue;
      const start = i - size + 1;
      // Of equally close windows, the first that starts where the quote starts.
      const better =
        shared > bestShared ||
        (shared === bestShared && best !== -1 && words[best]!.word !== wanted[0] && words[start]!.word === wanted[0]);
      if (better && shared > 0) {
        bestShared = shared;
        best = start;
      }
    }
    if (best === -1 || bestShared * 2 < n) return undefined;
    const first = best;
    const last = best + size - 1;
    const passage = this.text.slice(words[first]!.start, words[last]!.end).replace(/\s+/g, ' ').trim();
    return passage.length > max ? `${passage.slice(0, max - 1)}…` : passage;
  }
}

/** A word as the closest-passage search compares it: normalised, lowercase, without punctuation. */
function wordKey(word: string, markdown: boolean): string {
  return normaliseText(word, markdown)
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
