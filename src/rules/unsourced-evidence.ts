import { defineRule } from './rule';

/** Evidence is a fact attributed to a source: evidence that names none cannot be checked. */
export default defineRule({
  id: 'unsourced-evidence',
  severity: 'warn',
  description: 'Evidence names no `source`.',
  codes: ['unsourced-evidence'],
  analysis: true,
  check({ graph, report }) {
    for (const evidence of graph.evidence) {
      if (evidence.sourceId === undefined) report('unsourced-evidence', evidence, {});
    }
  },
});
