import { describe, expect, it } from 'vitest';
import type { ImportGraph } from '../../src/import/import-graph';
import { place } from '../../src/import/place';
import { nestingDepth } from '../../src/import/write-yaml';

/** Claims c0 <- c1 <- c2 ...: each supports the one before, as a Kialo or AIF chain imports. */
function chain(n: number): ImportGraph {
  return {
    sources: [],
    claims: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: `Claim ${i}`, origin: `${i}`, evidence: [] })),
    relations: Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i + 1}`, to: `c${i}`, kind: 'support' as const })),
    undercuts: [],
    unmapped: [],
    mapped: [],
  };
}

describe('place', () => {
  it('writes a support chain of 100,000 claims, each a reason of the one before', () => {
    const n = 100_000;
    const { parts, unmapped } = place(chain(n));
    expect(unmapped).toEqual([]);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.levels).toBe(n);
    expect(parts[0]!.claims.size).toBe(n);
    // Walk down: every claim holds the next as its only reason.
    type Written = { id: string; reasons?: Written[] };
    const path: string[] = [];
    let claim: Written | undefined = parts[0]!.data.recommendation as Written;
    while (claim !== undefined) {
      path.push(claim.id);
      claim = claim.reasons?.length === 1 ? claim.reasons[0] : undefined;
    }
    expect(path).toEqual(Array.from({ length: n }, (_, i) => `c${i}`));
    // The document, the recommendation, then a list and a mapping per reason.
    expect(nestingDepth(parts[0]!.data)).toBe(2 + 2 * (n - 1));
  });

  it('starts a part at each of 20,000 roots: the one reaching most claims first, then in input order; a circle is opened at its first claim', () => {
    const n = 20_000;
    const claim = (id: string) => ({ id, text: id, origin: id, evidence: [] });
    const support = (from: string, to: string) => ({ from, to, kind: 'support' as const });
    const roots = Array.from({ length: n }, (_, i) => `r${i}`);
    const graph: ImportGraph = {
      sources: [],
      // A cycle first in the input (it has no root), then the roots, then what supports two of them.
      claims: ['x', 'y', ...roots, 'a', 'b', 'c'].map(claim),
      relations: [support('x', 'y'), support('y', 'x'), support('a', 'r7'), support('b', 'r3'), support('c', 'r3')],
      undercuts: [],
      unmapped: [],
      mapped: [],
    };
    const { parts, unmapped } = place(graph);
    // The circle x <-> y loses x supports y, so x is a root reaching two claims, first in the input.
    expect(unmapped).toEqual([
      'relation x supports y: it closes a circle of support (x → y → x), which argmap check rejects as circular-support (dropped)',
    ]);
    expect(parts.map((p) => p.root.id)).toEqual(['r3', 'x', 'r7', ...roots.filter((r) => r !== 'r3' && r !== 'r7')]);
    expect(parts.map((p) => [...p.claims].sort().join(' '))).toEqual([
      'b c r3',
      'x y',
      'a r7',
      ...roots.filter((r) => r !== 'r3' && r !== 'r7'),
    ]);
  });

  it('drops one relation of each circle of support, and none of a chain: 20,000 claims in one circle', () => {
    const n = 20_000;
    const graph = chain(n);
    // c0 supports c(n-1): the chain closes into one circle of every claim.
    graph.relations.push({ from: 'c0', to: `c${n - 1}`, kind: 'support' });
    const { parts, unmapped } = place(graph);
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]).toContain(
      `relation c0 supports c${n - 1}: it closes a circle of support (c0 → c${n - 1} → c${n - 2} → c${n - 3} → … (${n - 4} more) → c0)`,
    );
    expect(parts).toHaveLength(1);
    expect(parts[0]!.claims.size).toBe(n);
  });

  it('reports an undercut of a dropped relation as not mapped', () => {
    const claim = (id: string) => ({ id, text: id, origin: id, evidence: [] });
    const { unmapped } = place({
      sources: [],
      claims: ['r', 'a', 'b', 'u'].map(claim),
      relations: [
        { from: 'a', to: 'r', kind: 'support' },
        { from: 'b', to: 'a', kind: 'support' },
        { from: 'a', to: 'b', kind: 'support' },
      ],
      undercuts: [{ from: 'u', relation: 2 }],
      unmapped: [],
      mapped: [],
    });
    expect(unmapped).toEqual([
      'relation a supports b: it closes a circle of support (a → b → a), which argmap check rejects as circular-support (dropped)',
      'undercut by u of "a supports b": that relation is not mapped',
    ]);
  });
});
