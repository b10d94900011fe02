import { defineRule } from './rule';

const CURLY = /[’‘“”]/;
/**
 * Characters that show as nothing: zero-width space, non-joiner and joiner, word joiner, the
 * zero-width no-break space (BOM) and the soft hyphen. A pasted claim often carries one.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Anything outside ASCII: only such text can need Unicode normalisation or hold an invisible. */
const NON_ASCII = /[\u0080-\uffff]/;
/** Whitespace other than single plain spaces: collapsing is needed (most text has none). */
const UNUSUAL_SPACE = /[^\S ]| {2}/;

/**
 * Normalises claim text for comparison: Unicode form (NFC, so a precomposed `é` and `e` + accent
 * agree), invisible characters (removed), case, spacing, curly quotes and final punctuation. Linear in
 * the length of the text: the final `.!? ` are cut by a loop, not by a regular expression anchored at
 * the end (which V8 retries from every position: a text of 100,000 dots took minutes).
 */
export function normalise(text: string): string {
  let s = text.toLowerCase();
  if (NON_ASCII.test(s)) s = s.replace(INVISIBLE, '').normalize('NFC');
  if (CURLY.test(s)) s = s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  if (UNUSUAL_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 46 /* . */ && c !== 33 /* ! */ && c !== 63 /* ? */ && c !== 32 /* space */) break;
    end--;
  }
  return (end < s.length ? s.slice(0, end) : s).trim();
}

/** The same claim written twice: the graph then has two claims where the author made one. */
export default defineRule({
  id: 'duplicate-claim',
  severity: 'warn',
  description: 'Two claims have the same text; write it once and reuse it with `ref`.',
  codes: ['duplicate-claim'],
  analysis: true,
  check({ graph, report }) {
    const seen = new Map<string, number>();
    for (const claim of graph.claims) {
      // The same text in a file this one uses is no duplicate: reuse it by id, or answer it.
      if (claim.file !== graph.file) break;
      const key = normalise(claim.text);
      if (key === '') continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, claim.span.start);
      else report('duplicate-claim', claim, { first });
    }
  },
});
