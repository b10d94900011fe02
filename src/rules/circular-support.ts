import { chain } from '../diagnostics/names';
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
      const last = cycle[cycle.length - 1]!;
      // Report where the circle closes: the edge from the last claim back to the first.
      const closing = last.outgoing.find((e) => e.kind === 'support' && e.to === first);
      report('circular-support', closing ?? first, { cycle: chain([...cycle, first]), length: cycle.length });
    }
  },
});
