import { claimName } from '../model/names';
import { defineRule } from './rule';

/** One claim both supports and attacks another: one of the two relations is a mistake. */
export default defineRule({
  id: 'contradictory-relation',
  severity: 'error',
  description: 'A claim both supports and attacks the same claim.',
  codes: ['contradictory-relation'],
  analysis: true,
  check({ graph, report }) {
    for (const claim of graph.claims) {
      const supported = new Set<number>();
      for (const edge of claim.outgoing) if (edge.kind === 'support') supported.add(edge.to.index);
      if (supported.size === 0) continue;
      const reported = new Set<number>();
      for (const edge of claim.outgoing) {
        if (edge.kind !== 'attack' || !supported.has(edge.to.index) || reported.has(edge.to.index)) continue;
        reported.add(edge.to.index);
        report('contradictory-relation', edge, { from: claimName(claim), to: claimName(edge.to) });
      }
    }
  },
});
