import type { Span } from '../diagnostics/diagnostic';
import { QuoteIndex } from '../util/quote-match';
import { defineRule } from './rule';

/**
 * Every `quote` (of a claim, evidence or source) must occur in the text of the piece that
 * `document.file` names: a mistyped or invented quotation is caught. Compared after normalising
 * quotes, apostrophes, dashes, spaces and line breaks (util/quote-match.ts); silent without a
 * document text.
 */
export default defineRule({
  id: 'quote-not-in-document',
  severity: 'warn',
  description: 'A `quote` does not occur in the document text named by `document.file`.',
  codes: ['quote-not-in-document'],
  analysis: false,
  check({ graph, report }) {
    const document = graph.documentText;
    if (!document) return;
    const index = new QuoteIndex(document.text, /\.(md|markdown)$/i.test(document.path));
    const check = (quote: string | undefined, span: Span | undefined, node: { file?: unknown }) => {
      if (quote === undefined || span === undefined || node.file !== graph.file || index.contains(quote)) return;
      const closest = index.closest(quote);
      report('quote-not-in-document', span, { document: document.path, ...(closest !== undefined ? { closest } : {}) });
    };
    for (const source of graph.sources) check(source.quote, source.quoteSpan, source);
    for (const claim of graph.claims) check(claim.quote, claim.quoteSpan, claim);
    for (const evidence of graph.evidence) check(evidence.quote, evidence.quoteSpan, evidence);
  },
});
