import { describe, expect, it } from 'vitest';
import { toArgdown } from '../../../src/format/export/argdown';
import { bigGraph } from '../../helpers/graph';

describe('toArgdown on a large graph', () => {
  it('writes every one of 150,000 relations into one claim and 150,000 sources', () => {
    const n = 150_000;
    const edges = Array.from({ length: n }, (_, i): [number, number, 'support'] => [i + 1, 0, 'support']);
    const graph = bigGraph(n + 1, edges, () => false);
    for (let i = 0; i < n; i++) graph.sources.push({ index: i, id: `s${i}`, citedBy: [], span: { start: 0, end: 0 } });
    const lines = toArgdown(graph).split('\n');
    expect(lines.filter((l) => /^ {4}\+ \[c\d+\]$/.test(l))).toHaveLength(n);
    expect(lines.filter((l) => /^ {2}- \{id: "s\d+"\}$/.test(l))).toHaveLength(n);
  });
});
