import { claimName } from '../model/names';
import { defineRule } from './rule';

/** A claim that names itself in `targets` (or in a `ref` under its own counterpoints). */
export default defineRule({
  id: 'self-attack',
  severity: 'error',
  description: 'A claim attacks itself.',
  codes: ['self-attack'],
  analysis: true,
  check({ graph, report }) {
    for (const edge of graph.edges) {
      if (edge.kind === 'attack' && edge.from === edge.to) report('self-attack', edge, { name: claimName(edge.from) });
    }
  },
});
