import { describe, expect, it } from 'vitest';
import { codeSpan, codeSpanFully, escapeMarkdown, escapeMarkdownFully } from '../../src/format/markdown-escape';

/** Characters that each touch one of the escaping rules, and some that touch none. */
const ALPHABET = [
  'a',
  'W',
  'w',
  'x',
  '.',
  ':',
  '/',
  ' ',
  ' ',
  '1',
  '9',
  ')',
  '-',
  '+',
  '=',
  '@',
  '*',
  '_',
  '`',
  '#',
  '|',
  '~',
  '&',
  '$',
  '<',
  '[',
  '\\',
  '\t',
  '\n',
  '\r',
  '\u000b',
  '\u0085',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u202e',
  '\u2066',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u009b',
  'é',
  'ß',
  '😀',
  '“',
];

/** A small deterministic generator (mulberry32): the same texts on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* texts(count: number): Generator<string> {
  const next = random(20261127);
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * 10);
    let text = '';
    for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
    yield text;
  }
  // Whole words the shortcut must not miss.
  yield* ['www.example.org', 'WWW.x', 'http://x', 'a@b', '1. item', '12) item', '- item', '= heading', 'plain words'];
}

describe('the one-scan shortcut for text that needs no escaping', () => {
  it('gives what the full escaping gives, on 30,000 texts made of the characters the rules look at', () => {
    let shortcut = 0;
    for (const text of texts(30_000)) {
      expect(escapeMarkdown(text), JSON.stringify(text)).toBe(escapeMarkdownFully(text));
      expect(codeSpan(text), JSON.stringify(text)).toBe(codeSpanFully(text));
      if (escapeMarkdownFully(text) === text) shortcut++;
    }
    // The texts exercise both paths: some come back unchanged, most do not.
    expect(shortcut).toBeGreaterThan(500);
  });

  it('gives what the full escaping gives for every UTF-16 code unit, alone and between words', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `a${c}`, `${c}a`, `1${c}`, `a ${c} b`]) {
        if (escapeMarkdown(text) !== escapeMarkdownFully(text) || codeSpan(text) !== codeSpanFully(text)) {
          expect.fail(`differs on ${JSON.stringify(text)} (U+${code.toString(16).padStart(4, '0')})`);
        }
      }
    }
  });

  it('returns ordinary prose as it is', () => {
    const prose = 'South Korea should supply Ukraine with defensive weapons, and soon.';
    expect(escapeMarkdown(prose)).toBe(prose);
    expect(codeSpan('austin-october-23')).toBe('`austin-october-23`');
  });
});
