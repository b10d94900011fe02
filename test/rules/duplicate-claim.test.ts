import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/rules/duplicate-claim';

/**
 * The definition the rule's docs give: NFC, no invisible characters, lower case, straight quotes,
 * one space, no final `.!?`.
 */
function byRegex(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .normalize('NFC')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[.!?\s]+$/, '')
    .trim();
}

describe('duplicate-claim: normalise', () => {
  it('equals the regular-expression definition on any text of quotes, spaces and punctuation', () => {
    const char = fc.constantFrom(
      'a',
      'B',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '.',
      '!',
      '?',
      '’',
      '‘',
      '“',
      '”',
      ',',
      'É',
      'E\u0301',
      'e\u0301',
      'é',
      '\u200b',
      '\u200d',
      '\ufeff',
      '\u00ad',
      '\u2060',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(normalise(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('treats case, curly quotes, spacing and the final stop as the same claim', () => {
    expect(normalise('  Seoul’s  “red line” holds. ')).toBe(normalise('seoul\'s "red line" holds!'));
  });

  it('treats NFC and NFD forms, and text with zero-width characters inside, as the same claim', () => {
    expect(normalise('Caf\u00e9 prices rose.')).toBe(normalise('Cafe\u0301 prices rose'));
    expect(normalise('Prices\u200b rose')).toBe(normalise('Prices rose'));
    expect(normalise('Pri\u200dces ro\ufeffse')).toBe(normalise('prices rose'));
  });

  it('takes time in proportion to the text: 200,000 dots before a word (an end-anchored regex took minutes)', () => {
    const text = `${'.'.repeat(200_000)}x${'. '.repeat(100_000)}`;
    expect(normalise(text)).toBe(`${'.'.repeat(200_000)}x`);
  });
});
