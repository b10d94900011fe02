import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UniqueIds } from '../../src/util/unique-ids';
import { idsByCounting as byCounting } from '../helpers/ids';

describe('UniqueIds', () => {
  it('gives the same ids as counting up from 2, for bases that collide with each other’s suffixes', () => {
    const base = fc.constantFrom('a', 'a-2', 'a-3', 'a-2-2', 'b', 'a-4', 'b-2');
    fc.assert(
      fc.property(fc.array(base, { maxLength: 60 }), (bases) => {
        const ids = new UniqueIds();
        expect(bases.map((b) => ids.take(b))).toEqual(byCounting(bases));
      }),
      { numRuns: 3000 },
    );
  });

  it('numbers 200,000 uses of one base 2 to 200,000 (counting from 2 each time would not finish)', () => {
    const ids = new UniqueIds();
    let last = '';
    for (let i = 0; i < 200_000; i++) last = ids.take('claim-x');
    expect(last).toBe('claim-x-200000');
  });
});
