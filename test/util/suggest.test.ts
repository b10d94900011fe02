import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, editDistance, suggest, Suggester } from '../../src/util/suggest';

/** The definition: the closest candidate (lower-cased), ties to the smallest, within a third of the word's length (at least 2). */
function bySpec(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

// Few letters, so that random strings are often close, share letters and swap neighbours.
const letters = fc.constantFrom('a', 'b', 'c', 'A', 'B', '-', '1', 'é', 'İ');
const word = (maxLength: number) => fc.array(letters, { maxLength }).map((parts) => parts.join(''));
/** A word and a near miss of it: a few letters replaced, dropped, doubled or swapped. */
const nearMiss = fc
  .tuple(word(14), fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'drop', 'double', 'swap'), letters), { maxLength: 4 }))
  .map(([w, edits]) => {
    let s = w;
    for (const [at, edit, letter] of edits) {
      const i = s.length === 0 ? 0 : at % s.length;
      if (edit === 'replace') s = s.slice(0, i) + letter + s.slice(i + 1);
      else if (edit === 'drop') s = s.slice(0, i) + s.slice(i + 1);
      else if (edit === 'double') s = s.slice(0, i) + letter + s.slice(i);
      else s = s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
    }
    return [w, s] as const;
  });

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('qoute', 'quote')).toBe(1);
    expect(editDistance('evidnce', 'evidence')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('boundedEditDistance', () => {
  it('equals editDistance when that is within the limit, and is limit + 1 when it is not', () => {
    const pair = fc.oneof(fc.tuple(word(14), word(14)), nearMiss);
    fc.assert(
      fc.property(pair, fc.nat({ max: 9 }), ([a, b], limit) => {
        const full = editDistance(a, b);
        expect(boundedEditDistance(a, b, limit)).toBe(full <= limit ? full : limit + 1);
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on long strings too, where the comparison stops early', () => {
    fc.assert(
      fc.property(word(60), word(60), fc.nat({ max: 25 }), (a, b, limit) => {
        const full = editDistance(a, b);
        expect(boundedEditDistance(a, b, limit)).toBe(full <= limit ? full : limit + 1);
      }),
      { numRuns: 2_000 },
    );
  });

  it('charges each letter comparison to a budget, and gives up past it', () => {
    const budget = { remaining: 1_000 };
    expect(boundedEditDistance('claim-000123', 'clam-000123x', 4, budget)).toBe(2);
    const used = 1_000 - budget.remaining;
    // 12 rows, each at most 9 cells wide (4 either side of the diagonal).
    expect(used).toBeGreaterThan(12);
    expect(used).toBeLessThanOrEqual(12 * 9);
    expect(boundedEditDistance('claim-000123', 'clam-000123x', 4, { remaining: 20 })).toBe(5);
  });
});

describe('suggest and Suggester', () => {
  it('suggest gives the definition’s answer on any word and candidates', () => {
    fc.assert(
      fc.property(word(12), fc.array(word(12), { maxLength: 12 }), (w, candidates) => {
        expect(suggest(w, candidates)).toBe(bySpec(w, candidates));
      }),
      { numRuns: 10_000 },
    );
  });

  it('a Suggester gives the same answer for near misses of its candidates, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(nearMiss, { minLength: 1, maxLength: 20 }), fc.nat(), (pairs, at) => {
        const candidates = pairs.map(([w]) => w);
        const [, miss] = pairs[at % pairs.length]!;
        const expected = bySpec(miss, candidates);
        expect(new Suggester(candidates).suggest(miss)).toBe(expected);
        expect(new Suggester([...candidates].reverse()).suggest(miss)).toBe(expected);
        expect(new Suggester(candidates).suggest(miss, { remaining: 1_000_000 })).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps the suggestions people see: typos of keys, ids and rule names', () => {
    expect(suggest('evidnce', ['text', 'evidence', 'reasons'])).toBe('evidence');
    expect(suggest('Txt', ['text', 'note'])).toBe('text');
    expect(suggest('shop-revenu', ['shop-revenue', 'shop-revenues'])).toBe('shop-revenue');
    expect(suggest('abc-d', ['abc-e', 'abc-f'])).toBe('abc-e');
    expect(suggest('unsuported-claim', ['unsupported-claim', 'unknown-reference'])).toBe('unsupported-claim');
    expect(suggest('completely-different', ['text', 'evidence'])).toBeUndefined();
  });

  it('gives no suggestion once the budget is spent, and spends nothing more', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `claim-${String(i).padStart(4, '0')}`);
    const suggester = new Suggester(ids);
    const budget = { remaining: 50_000 };
    const answers: Array<string | undefined> = [];
    for (let i = 0; i < 100; i++) answers.push(suggester.suggest(`clam-${String(i).padStart(4, '0')}`, budget));
    const given = answers.filter((a) => a !== undefined).length;
    expect(given).toBeGreaterThan(0);
    expect(given).toBeLessThan(100);
    // The first ones, each the right one; after the first without, none.
    expect(answers.slice(0, given)).toEqual(ids.slice(0, given));
    expect(answers.slice(given).every((a) => a === undefined)).toBe(true);
    expect(budget.remaining).toBeLessThan(0);
    const left = budget.remaining;
    expect(suggester.suggest('clam-0000', budget)).toBeUndefined();
    expect(budget.remaining).toBe(left);
  });
});
