import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../src/util/quote-match';

const TEXT = `The council’s plan — approved in March — will "cost less" than
the old one. Residents were *not* consulted.

> We will open the bridge in May, the mayor said.`;

describe('QuoteIndex: whether a quote is in a text', () => {
  const index = new QuoteIndex(TEXT, true);

  it('ignores curly vs straight apostrophes and quotation marks, kinds of dash, spaces and line breaks', () => {
    expect(index.contains("The council's plan - approved in March - will cost less than the old one.")).toBe(true);
    expect(index.contains('will “cost less” than\n   the old one')).toBe(true);
    expect(index.contains('plan -- approved')).toBe(true);
  });

  it('ignores Markdown emphasis and blockquote marks in a Markdown text', () => {
    expect(index.contains('Residents were not consulted.')).toBe(true);
    expect(index.contains('consulted. We will open the bridge')).toBe(true);
    expect(new QuoteIndex(TEXT).contains('Residents were not consulted.')).toBe(false);
  });

  it('reads ... as words left out, the parts in order', () => {
    expect(index.contains('The council’s plan ... will cost less')).toBe(true);
    expect(index.contains('will cost less […] the old one')).toBe(true);
    expect(index.contains('the old one … The council’s plan')).toBe(false);
  });

  it('finds a slip, and shows the closest passage as the text has it', () => {
    expect(index.contains('We will open the bridge in June')).toBe(false);
    expect(index.closest('We will open the bridge in June')).toBe('We will open the bridge in May,');
  });

  it('shows no passage for a quote that shares too few words with the text', () => {
    expect(index.contains('Taxes will rise next year')).toBe(false);
    expect(index.closest('Taxes will rise next year')).toBeUndefined();
  });
});
