import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/rules/duplicate-claim';

/** The definition the rule's docs give: lower case, straight quotes, one space, no final `.!?`. */
function byRegex(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[.!?\s]+$/, '')
    .trim();
}

describe('duplicate-claim: normalise', () => {
  it('equals the regular-expression definition on any text of quotes, spaces and punctuation', () => {
    const char = fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '\u00a0', '.', '!', '?', '’', '‘', '“', '”', ',', 'É');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(normalise(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('treats case, curly quotes, spacing and the final stop as the same claim', () => {
    expect(normalise('  Seoul’s  “red line” holds. ')).toBe(normalise("seoul's \"red line\" holds!"));
  });

  it('takes time in proportion to the text: 200,000 dots before a word (an end-anchored regex took minutes)', () => {
    const text = `${'.'.repeat(200_000)}x${'. '.repeat(100_000)}`;
    expect(normalise(text)).toBe(`${'.'.repeat(200_000)}x`);
  });
});
