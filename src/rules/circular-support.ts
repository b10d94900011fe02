import { chain } from '../model/names';
import { defineRule } from './rule';

/** Claims that support each other in a circle (through `ref` reuse): circular reasoning. */
export default defineRule({
  id: 'circular-support',
  severity: 'error',
  description: 'Claims support each other in a circle through `ref` reuse.',
  codes: ['circular-support'],
  analysis: true,
  check({ analyses, report }) {
    for (const cycle of analyses.support.cycles) {
      const first = cycle[0]!;
      // The edges around the circle; a circle needs a `ref` (nesting alone cannot loop), and the
      // last one written is where the circle closes: report there.
      const edges = cycle.map((claim, i) => {
        const next = cycle[(i + 1) % cycle.length]!;
        return claim.outgoing.find((e) => e.kind === 'support' && e.to === next)!;
      });
      const refs = edges.filter((e) => e.via === 'ref').sort((a, b) => b.span.start - a.span.start);
      report('circular-support', refs[0] ?? edges[0] ?? first, { cycle: chain([...cycle, first]), length: cycle.length });
    }
  },
});
