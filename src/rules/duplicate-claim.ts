import { defineRule } from './rule';

/** Normalises claim text for comparison: case, spacing, curly quotes and final punctuation. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[.!?\s]+$/, '')
    .trim();
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
      const key = normalise(claim.text);
      if (key === '') continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, claim.span.start);
      else report('duplicate-claim', claim, { first });
    }
  },
});
