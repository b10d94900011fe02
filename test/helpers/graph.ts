import { emptyGraph } from '../../src/model/build';
import type { ArgumentGraph, Claim, ClaimEdge } from '../../src/model/types';

/** A graph built directly (no YAML), for sizes the YAML parser would take long over. */
export function bigGraph(
  n: number,
  edges: Array<[number, number, 'support' | 'attack']>,
  assumption: (i: number) => boolean,
): ArgumentGraph {
  const span = { start: 0, end: 0 };
  const claims: Claim[] = Array.from({ length: n }, (_, i) => ({
    index: i,
    key: `c${i}`,
    id: `c${i}`,
    path: `c${i}`,
    kind: 'counterpoint',
    text: '',
    assumption: assumption(i),
    undercut: false,
    conceded: false,
    evidence: [],
    children: [],
    outgoing: [],
    incoming: [],
    span,
  }));
  const graph: ArgumentGraph = { ...emptyGraph(), claims };
  for (const [from, to, kind] of edges) {
    const edge: ClaimEdge = {
      index: graph.edges.length,
      kind,
      from: claims[from]!,
      to: claims[to]!,
      via: 'targets',
      list: 'targets',
      span,
      undercutBy: [],
    };
    graph.edges.push(edge);
    claims[from]!.outgoing.push(edge);
    claims[to]!.incoming.push(edge);
  }
  return graph;
}
