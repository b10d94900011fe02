import { describe, expect, it } from 'vitest';
import { analyseSupport, supportCycles } from '../../src/analyses/support';
import { bigGraph } from '../helpers/graph';

const keys = (cycles: Array<Array<{ key: string }>>) => cycles.map((cycle) => cycle.map((c) => c.key));

describe('supportCycles', () => {
  it('finds each circle of support once, in support order from its first claim', () => {
    // c0 → c1 → c2 → c0 is a circle; c3 supports c0 from outside; c4 → c5 → c4 a second one.
    const graph = bigGraph(
      6,
      [
        [1, 0, 'support'],
        [0, 2, 'support'],
        [2, 1, 'support'],
        [3, 0, 'support'],
        [4, 5, 'support'],
        [5, 4, 'support'],
      ],
      () => false,
    );
    expect(keys(supportCycles(graph))).toEqual([
      ['c0', 'c2', 'c1'],
      ['c4', 'c5'],
    ]);
  });

  it('counts a claim that supports itself, and not one that only attacks itself', () => {
    const graph = bigGraph(
      2,
      [
        [0, 0, 'support'],
        [1, 1, 'attack'],
      ],
      () => false,
    );
    expect(keys(supportCycles(graph))).toEqual([['c0']]);
  });

  it('ignores attacks when looking for circles of support', () => {
    const graph = bigGraph(
      2,
      [
        [0, 1, 'support'],
        [1, 0, 'attack'],
      ],
      () => false,
    );
    expect(supportCycles(graph)).toEqual([]);
  });

  it('follows a circle through 200,000 claims without recursion', () => {
    const n = 200_000;
    const edges = Array.from({ length: n }, (_, i): [number, number, 'support'] => [i, (i + 1) % n, 'support']);
    const cycles = supportCycles(bigGraph(n, edges, () => false));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
    expect(cycles[0]!.every((claim, i) => claim.index === i)).toBe(true);
  });
});

describe('analyseSupport', () => {
  it('says why each unsupported claim is unsupported', () => {
    // c0 rests on c1, which rests on nothing; c2 → c3 → c2 is a circle; c4 is an assumption and
    // supports c5.
    const graph = bigGraph(
      6,
      [
        [1, 0, 'support'],
        [2, 3, 'support'],
        [3, 2, 'support'],
        [4, 5, 'support'],
      ],
      (i) => i === 4,
    );
    const { supported, why } = analyseSupport(graph);
    expect(supported).toEqual([false, false, false, false, true, true]);
    expect(Object.fromEntries(why)).toEqual({ 0: 'unsupported-reasons', 1: 'none', 2: 'circular', 3: 'circular' });
  });
});
